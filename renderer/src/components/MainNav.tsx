import { useTranslation } from 'react-i18next';
import { sections, type SectionId } from '../sections/sections';

export function MainNav({ currentId }: { currentId: SectionId }) {
  const { t } = useTranslation();
  return (
    <nav className="main-nav" aria-label={t('shell.navLabel')}>
      <ul>
        {sections.map((section) => (
          <li key={section.id}>
            <a
              href={`#/${section.id}`}
              className="nav-link"
              aria-current={section.id === currentId ? 'page' : undefined}
            >
              {t(section.titleKey)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
