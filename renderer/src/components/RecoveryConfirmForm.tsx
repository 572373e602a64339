import { zodResolver } from '@hookform/resolvers/zod';
import { Button } from 'react-aria-components';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors } from '../forms/field-errors';
import { confirmGroupSchema, type ConfirmGroupValues } from '../forms/schemas';
import { useCall } from '../hooks/use-call';
import { useFormat } from '../i18n/format';
import { call } from '../ipc/client';
import { ErrorAlert } from './ErrorAlert';
import { FocusHeading } from './FocusHeading';
import { TextInput } from './TextInput';

/** Proof the key was written down: the user retypes one group, chosen at random. */
export function RecoveryConfirmForm({
  groupIndex,
  onConfirmed,
  onShowKeyAgain,
}: {
  groupIndex: number;
  onConfirmed: () => void;
  onShowKeyAgain: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const { pending, error, run } = useCall();
  const form = useForm<ConfirmGroupValues>({
    resolver: zodResolver(confirmGroupSchema),
    defaultValues: { group: '' },
  });

  const submit = form.handleSubmit(async (values) => {
    const result = await run(() =>
      call('vault.confirmRecoveryKey', { groupIndex, group: values.group.trim() }),
    );
    if (result.ok) {
      onConfirmed();
      return;
    }
    applyFieldErrors(result.error, ['group'], form.setError);
    form.setFocus('group');
  });

  return (
    <section className="form">
      <FocusHeading level={2}>{t('recoveryKey.confirmTitle')}</FocusHeading>
      <p>{t('recoveryKey.confirmIntro')}</p>
      <ErrorAlert error={error} />
      <form noValidate onSubmit={submit} className="form">
        <TextInput
          control={form.control}
          name="group"
          code
          autoComplete="off"
          label={t('recoveryKey.typeGroup', { number: format.number(groupIndex + 1) })}
        />
        <div className="actions">
          <Button className="button" onPress={onShowKeyAgain} isDisabled={pending}>
            {t('recoveryKey.showAgain')}
          </Button>
          <Button type="submit" className="button button-primary" isDisabled={pending}>
            {t('recoveryKey.confirm')}
          </Button>
        </div>
      </form>
    </section>
  );
}
