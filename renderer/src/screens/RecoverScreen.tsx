import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo } from 'react';
import { Button } from 'react-aria-components';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/ErrorAlert';
import { FocusHeading } from '../components/FocusHeading';
import { NewPassphraseFields } from '../components/NewPassphraseFields';
import { TextInput } from '../components/TextInput';
import { WaitNotice } from '../components/WaitNotice';
import { applyFieldErrors } from '../forms/field-errors';
import { recoverSchema, type RecoverValues } from '../forms/schemas';
import { useCall } from '../hooks/use-call';
import { type RetryWait } from '../hooks/use-retry-wait';
import { call } from '../ipc/client';

/** Forgotten passphrase: the recovery key opens the records and a new passphrase replaces the old. */
export function RecoverScreen({
  personal,
  wait,
  onRecovered,
  onBack,
}: {
  personal: string[];
  wait: RetryWait;
  onRecovered: () => void;
  onBack: () => void;
}) {
  const { t } = useTranslation();
  const { pending, error, run } = useCall();
  const schema = useMemo(() => recoverSchema(personal), [personal]);
  const form = useForm<RecoverValues>({
    resolver: zodResolver(schema),
    defaultValues: { recoveryKey: '', newPassphrase: '', confirmPassphrase: '' },
  });

  const submit = form.handleSubmit(async (values) => {
    const result = await run(() =>
      call('vault.recover', {
        recoveryKey: values.recoveryKey,
        newPassphrase: values.newPassphrase,
      }),
    );
    if (result.ok) {
      onRecovered();
      return;
    }
    wait.startWait(result.error.retryAfterMs);
    applyFieldErrors(result.error, ['recoveryKey', 'newPassphrase'], form.setError);
  });

  return (
    <main data-testid="screen-recover" className="screen screen-narrow" id="main">
      <FocusHeading>{t('recover.title')}</FocusHeading>
      <p className="lead">{t('recover.intro')}</p>
      <ErrorAlert error={error} />
      <form className="form" noValidate onSubmit={submit}>
        <TextInput
          control={form.control}
          name="recoveryKey"
          code
          autoComplete="off"
          label={t('recover.recoveryKey')}
          description={t('recover.recoveryKeyHelp')}
        />
        <NewPassphraseFields control={form.control} personal={personal} />
        <WaitNotice seconds={wait.seconds} hadWait={wait.hadWait} />
        <div className="actions">
          <Button className="button" onPress={onBack} isDisabled={pending}>
            {t('recover.back')}
          </Button>
          <Button
            type="submit"
            className="button button-primary"
            isDisabled={pending || wait.seconds > 0}
          >
            {pending ? t('recover.submitting') : t('recover.submit')}
          </Button>
        </div>
      </form>
    </main>
  );
}
