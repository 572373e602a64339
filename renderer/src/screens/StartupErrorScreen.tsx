import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { type AppError } from '../../../shared/errors';
import { ErrorAlert } from '../components/ErrorAlert';

/** `app.status` itself failed: say so and let the user try again. */
export function StartupErrorScreen({ error, onRetry }: { error: AppError; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <main data-testid="screen-startup-error" className="screen screen-narrow">
      <h1>{t('shell.startupErrorTitle')}</h1>
      <ErrorAlert error={error} />
      <div className="actions">
        <Button className="button button-primary" onPress={onRetry}>
          {t('common.retry')}
        </Button>
      </div>
    </main>
  );
}
