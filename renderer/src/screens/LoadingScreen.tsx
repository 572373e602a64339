import { useTranslation } from 'react-i18next';

export function LoadingScreen() {
  const { t } = useTranslation();
  return (
    <main className="screen screen-narrow" aria-busy="true">
      <p className="loading">{t('shell.loading')}</p>
    </main>
  );
}
