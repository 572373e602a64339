import { findSection, sections, type Section } from './sections';

/** Where the user is: a section, and the path below it (`['new']`, `[id]`, `[id, 'edit']`). */
export interface Route {
  section: Section;
  path: string[];
}

/** `#/cases/1234/edit` → the cases section with path `['1234', 'edit']`; unknown → home. */
export function parseRoute(hash: string): Route {
  const parts = hash
    .replace(/^#\/?/, '')
    .split('/')
    .filter((part) => part !== '');
  const section = findSection(parts[0] ?? '');
  if (section === undefined) return { section: sections[0], path: [] };
  return { section, path: parts.slice(1) };
}
