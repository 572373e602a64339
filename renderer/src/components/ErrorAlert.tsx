import { useTranslation } from 'react-i18next';
import { type AppError } from '../../../shared/errors';

/**
 * The error of the last call, translated. The alert container stays in the page even when empty,
 * so screen readers announce the message the moment it appears.
 */
export function ErrorAlert({ error }: { error: AppError | null }) {
  const { t } = useTranslation();
  return (
    <div role="alert" className={error === null ? 'alert alert-empty' : 'alert alert-error'}>
      {error === null ? null : t(error.messageKey, { defaultValue: t('errors.internal') })}
    </div>
  );
}
