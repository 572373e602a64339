import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { type AppError } from '../../../shared/errors';
import { reloadAfterLock } from '../app-reload';
import { useCall } from '../hooks/use-call';
import { call } from '../ipc/client';

/** Lock now. Nothing is lost (records are saved as they are written), so it asks nothing first. */
export function LockButton({ onError }: { onError: (error: AppError) => void }) {
  const { t } = useTranslation();
  const { pending, run } = useCall();
  return (
    <Button
      className="button button-lock"
      isDisabled={pending}
      onPress={() => {
        void run(() => call('vault.lock', {})).then((result) => {
          if (result.ok) reloadAfterLock();
          else onError(result.error);
        });
      }}
    >
      {t('shell.lock')}
    </Button>
  );
}
