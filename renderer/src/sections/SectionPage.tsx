import { useTranslation } from 'react-i18next';
import { FocusHeading } from '../components/FocusHeading';
import { type Section } from './sections';

/** A section not built yet: says in plain words what will be here. */
export function SectionPage({ section }: { section: Section }) {
  const { t } = useTranslation();
  return (
    <section data-testid={`section-${section.id}`} className="section-page">
      <FocusHeading>{t(section.titleKey)}</FocusHeading>
      <div className="empty-state">
        <p>{t(section.bodyKey)}</p>
        <p className="empty-state-note">{t('sections.notYet')}</p>
      </div>
    </section>
  );
}
