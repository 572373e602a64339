import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect } from 'react';
import { Button } from 'react-aria-components';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type AppError } from '../../../shared/errors';
import { FocusHeading } from '../components/FocusHeading';
import { TextInput } from '../components/TextInput';
import { applyFieldErrors } from '../forms/field-errors';
import { namesSchema, type NamesValues } from '../forms/schemas';

export function CreateNamesStep({
  initial,
  serverError,
  onNext,
}: {
  initial: NamesValues | null;
  serverError: AppError | null;
  onNext: (values: NamesValues) => void;
}) {
  const { t } = useTranslation();
  const form = useForm<NamesValues>({
    resolver: zodResolver(namesSchema),
    defaultValues: initial ?? { officeName: '', displayName: '' },
  });
  const { setError } = form;
  useEffect(() => {
    if (serverError !== null)
      applyFieldErrors(serverError, ['officeName', 'displayName'], setError);
  }, [serverError, setError]);

  return (
    <form className="form" noValidate onSubmit={form.handleSubmit(onNext)}>
      <FocusHeading level={2} autoFocus={initial !== null}>
        {t('create.stepNames')}
      </FocusHeading>
      <TextInput
        control={form.control}
        name="officeName"
        label={t('create.officeName')}
        description={t('create.officeNameHelp')}
        autoComplete="organization"
      />
      <TextInput
        control={form.control}
        name="displayName"
        label={t('create.displayName')}
        description={t('create.displayNameHelp')}
        autoComplete="name"
      />
      <div className="actions">
        <Button type="submit" className="button button-primary">
          {t('common.continue')}
        </Button>
      </div>
    </form>
  );
}
