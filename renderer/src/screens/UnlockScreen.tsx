import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect } from 'react';
import { Button } from 'react-aria-components';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/ErrorAlert';
import { TextInput } from '../components/TextInput';
import { WaitNotice } from '../components/WaitNotice';
import { applyFieldErrors } from '../forms/field-errors';
import { unlockSchema, type UnlockValues } from '../forms/schemas';
import { useCall } from '../hooks/use-call';
import { type RetryWait } from '../hooks/use-retry-wait';
import { call } from '../ipc/client';

export function UnlockScreen({
  wait,
  officeName,
  onUnlocked,
  onUseRecoveryKey,
}: {
  wait: RetryWait;
  officeName: string | null;
  onUnlocked: () => void;
  onUseRecoveryKey: () => void;
}) {
  const { t } = useTranslation();
  const { pending, error, run } = useCall();
  const form = useForm<UnlockValues>({
    resolver: zodResolver(unlockSchema),
    defaultValues: { passphrase: '' },
  });
  const { setFocus } = form;
  // The passphrase is the only thing to do here: start in its field.
  useEffect(() => setFocus('passphrase'), [setFocus]);

  const submit = form.handleSubmit(async (values) => {
    const result = await run(() => call('vault.unlock', values));
    if (result.ok) {
      onUnlocked();
      return;
    }
    form.reset({ passphrase: '' });
    wait.startWait(result.error.retryAfterMs);
    applyFieldErrors(result.error, ['passphrase'], form.setError);
    setFocus('passphrase');
  });

  return (
    <main data-testid="screen-unlock" className="screen screen-narrow" id="main">
      <h1>{t('unlock.title')}</h1>
      {officeName === null ? null : <p className="lead">{t('unlock.office', { officeName })}</p>}
      <ErrorAlert error={error} />
      <form className="form" noValidate onSubmit={submit}>
        <TextInput
          control={form.control}
          name="passphrase"
          type="password"
          autoComplete="current-password"
          label={t('unlock.passphrase')}
        />
        <WaitNotice seconds={wait.seconds} hadWait={wait.hadWait} />
        <div className="actions">
          <Button
            type="submit"
            className="button button-primary"
            isDisabled={pending || wait.seconds > 0}
          >
            {pending ? t('unlock.submitting') : t('unlock.submit')}
          </Button>
        </div>
      </form>
      <p className="secondary-action">
        <Button className="button-link" onPress={onUseRecoveryKey}>
          {t('unlock.useRecoveryKey')}
        </Button>
      </p>
    </main>
  );
}
