import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo } from 'react';
import { Button } from 'react-aria-components';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type AppError } from '../../../shared/errors';
import { FocusHeading } from '../components/FocusHeading';
import { NewPassphraseFields } from '../components/NewPassphraseFields';
import { applyFieldErrors } from '../forms/field-errors';
import { newPassphraseSchema, type NewPassphraseValues } from '../forms/schemas';

export function CreatePassphraseStep({
  personal,
  pending,
  onBack,
  onSubmit,
}: {
  personal: string[];
  pending: boolean;
  onBack: () => void;
  /** Resolves to the error main answered, if any. */
  onSubmit: (passphrase: string) => Promise<AppError | null>;
}) {
  const { t } = useTranslation();
  const schema = useMemo(() => newPassphraseSchema(personal), [personal]);
  const form = useForm<NewPassphraseValues>({
    resolver: zodResolver(schema),
    defaultValues: { newPassphrase: '', confirmPassphrase: '' },
  });

  const submit = form.handleSubmit(async (values) => {
    const error = await onSubmit(values.newPassphrase);
    if (error === null) return;
    // main names the field `passphrase`; the form calls it `newPassphrase`.
    const passphraseError = error.fields?.['passphrase'];
    if (passphraseError !== undefined) {
      form.setError('newPassphrase', { type: 'server', message: passphraseError });
    }
    applyFieldErrors(error, ['newPassphrase', 'confirmPassphrase'], form.setError);
  });

  return (
    <form className="form" noValidate onSubmit={submit}>
      <FocusHeading level={2}>{t('create.stepPassphrase')}</FocusHeading>
      <p>{t('create.passphraseIntro')}</p>
      <NewPassphraseFields control={form.control} personal={personal} />
      <div className="actions">
        <Button className="button" onPress={onBack} isDisabled={pending}>
          {t('common.back')}
        </Button>
        <Button type="submit" className="button button-primary" isDisabled={pending}>
          {pending ? t('create.submitting') : t('create.submit')}
        </Button>
      </div>
    </form>
  );
}
