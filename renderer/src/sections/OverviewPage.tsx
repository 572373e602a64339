import { useTranslation } from 'react-i18next';
import { FocusHeading } from '../components/FocusHeading';
import { PanicKeyHint } from '../components/PanicKeyHint';
import { Dashboard } from '../dashboard/Dashboard';
import { sections } from './sections';

/** Start page after unlocking: a greeting, the dashboard, and what each section is for. */
export function OverviewPage({ displayName }: { displayName: string }) {
  const { t } = useTranslation();
  return (
    <section data-testid="section-home" className="section-page">
      <FocusHeading>{t('sections.home.greeting', { displayName })}</FocusHeading>
      <PanicKeyHint />
      <Dashboard />
      <h2>{t('sections.home.sectionsTitle')}</h2>
      <p className="lead">{t('sections.home.body')}</p>
      <ul className="overview-list">
        {sections
          .filter((section) => section.id !== 'home')
          .map((section) => (
            <li key={section.id}>
              <a href={`#/${section.id}`} className="overview-link">
                {t(section.titleKey)}
              </a>
              <p>{t(section.bodyKey)}</p>
            </li>
          ))}
      </ul>
    </section>
  );
}
