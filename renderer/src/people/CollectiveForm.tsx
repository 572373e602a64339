import { zodResolver } from '@hookform/resolvers/zod';
import { Button } from 'react-aria-components';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { collectiveFields } from '../../../shared/contract/people';
import { type AppError } from '../../../shared/errors';
import { ErrorAlert } from '../components/ErrorAlert';
import { TextAreaInput } from '../components/fields/TextAreaInput';
import { VocabCheckboxes } from '../components/fields/VocabCheckboxes';
import { VocabSelect } from '../components/fields/VocabSelect';
import { TextInput } from '../components/TextInput';
import { applyFieldErrors } from '../forms/field-errors';
import { useDraft } from '../records/use-draft';
import { collectiveFieldNames, type CollectiveValues } from './collective-values';

/** A collective, organization, community or network: it can be a victim and give consent. */
export function CollectiveForm({
  initial,
  draftKey,
  pending,
  error,
  submitLabel,
  onSubmit,
}: {
  initial: CollectiveValues;
  draftKey: string;
  pending: boolean;
  error: AppError | null;
  submitLabel: string;
  onSubmit: (values: CollectiveValues) => Promise<AppError | null>;
}) {
  const { t } = useTranslation();
  const form = useForm<CollectiveValues>({
    resolver: zodResolver(collectiveFields),
    defaultValues: initial,
  });
  const draft = useDraft(draftKey, form);
  const { control } = form;
  const submit = form.handleSubmit(async (values) => {
    const failure = await onSubmit(values);
    if (failure === null) {
      draft.discard();
      return;
    }
    applyFieldErrors(failure, collectiveFieldNames, form.setError);
  });
  return (
    <form className="form record-form" noValidate onSubmit={submit}>
      <ErrorAlert error={error} />
      {draft.notice}
      <TextInput control={control} name="name" label={t('collective.name')} />
      <VocabSelect
        control={control}
        name="kind"
        vocabulary="collective_kind"
        label={t('collective.kind')}
      />
      <fieldset className="fieldset">
        <legend>{t('records.placeTitle')}</legend>
        <VocabSelect
          control={control}
          name="country"
          vocabulary="country"
          label={t('records.country')}
          nullable
        />
        <TextInput control={control} name="department" label={t('records.department')} nullable />
        <TextInput
          control={control}
          name="municipality"
          label={t('records.municipality')}
          nullable
        />
      </fieldset>
      <VocabCheckboxes
        control={control}
        name="rightsDefended"
        vocabulary="right_defended"
        label={t('collective.rightsDefended')}
      />
      <TextAreaInput
        control={control}
        name="description"
        label={t('collective.description')}
        rows={3}
      />
      <VocabSelect
        control={control}
        name="confidentiality"
        vocabulary="confidentiality"
        label={t('records.confidentiality')}
        description={t('records.confidentialityHelp')}
      />
      <div className="actions">
        <Button type="submit" className="button button-primary" isDisabled={pending}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
