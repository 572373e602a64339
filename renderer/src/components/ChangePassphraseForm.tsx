import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo, useState } from 'react';
import { Button } from 'react-aria-components';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors } from '../forms/field-errors';
import { changePassphraseSchema, type ChangePassphraseValues } from '../forms/schemas';
import { useCall } from '../hooks/use-call';
import { call } from '../ipc/client';
import { ErrorAlert } from './ErrorAlert';
import { NewPassphraseFields } from './NewPassphraseFields';
import { StatusMessage } from './StatusMessage';
import { TextInput } from './TextInput';

const empty: ChangePassphraseValues = {
  currentPassphrase: '',
  newPassphrase: '',
  confirmPassphrase: '',
};

export function ChangePassphraseForm({ personal }: { personal: string[] }) {
  const { t } = useTranslation();
  const { pending, error, run } = useCall();
  const [saved, setSaved] = useState(false);
  const personalKey = personal.join('\u0000');
  const stablePersonal = useMemo(() => personalKey.split('\u0000'), [personalKey]);
  const schema = useMemo(() => changePassphraseSchema(stablePersonal), [stablePersonal]);
  const form = useForm<ChangePassphraseValues>({
    resolver: zodResolver(schema),
    defaultValues: empty,
  });

  const submit = form.handleSubmit(async (values) => {
    setSaved(false);
    const result = await run(() =>
      call('vault.changePassphrase', {
        currentPassphrase: values.currentPassphrase,
        newPassphrase: values.newPassphrase,
      }),
    );
    if (!result.ok) {
      applyFieldErrors(result.error, ['currentPassphrase', 'newPassphrase'], form.setError);
      if (result.error.code === 'wrong_secret') {
        form.resetField('currentPassphrase');
        form.setFocus('currentPassphrase');
      }
      return;
    }
    // Passphrases do not linger in the form once they are no longer needed.
    form.reset(empty);
    setSaved(true);
  });

  return (
    <form className="form settings-block" noValidate onSubmit={submit}>
      <h2>{t('settings.passphraseTitle')}</h2>
      <p>{t('settings.passphraseIntro')}</p>
      <ErrorAlert error={error} />
      <TextInput
        control={form.control}
        name="currentPassphrase"
        type="password"
        autoComplete="current-password"
        label={t('passphrase.current')}
      />
      <NewPassphraseFields control={form.control} personal={stablePersonal} />
      <StatusMessage message={saved ? t('settings.passphraseChanged') : null} />
      <div className="actions">
        <Button type="submit" className="button button-primary" isDisabled={pending}>
          {pending ? t('settings.passphraseSubmitting') : t('settings.passphraseSubmit')}
        </Button>
      </div>
    </form>
  );
}
