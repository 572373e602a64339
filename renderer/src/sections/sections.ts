/** The places of the unlocked app, in navigation order. Keys are literal so the i18n test sees them. */
export const sections = [
  { id: 'home', titleKey: 'sections.home.title', bodyKey: 'sections.home.body' },
  { id: 'cases', titleKey: 'sections.cases.title', bodyKey: 'sections.cases.body' },
  { id: 'people', titleKey: 'sections.people.title', bodyKey: 'sections.people.body' },
  { id: 'risk', titleKey: 'sections.risk.title', bodyKey: 'sections.risk.body' },
  { id: 'exchange', titleKey: 'sections.exchange.title', bodyKey: 'sections.exchange.body' },
  { id: 'reports', titleKey: 'sections.reports.title', bodyKey: 'sections.reports.body' },
  { id: 'settings', titleKey: 'sections.settings.title', bodyKey: 'sections.settings.body' },
] as const;

export type SectionId = (typeof sections)[number]['id'];
export type Section = (typeof sections)[number];

export function findSection(id: string): Section | undefined {
  return sections.find((section) => section.id === id);
}
