import { zodResolver } from '@hookform/resolvers/zod';
import { Button } from 'react-aria-components';
import { useForm, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { personCreateInput, type PersonFields } from '../../../shared/contract/people';
import { type AppError } from '../../../shared/errors';
import { ErrorAlert } from '../components/ErrorAlert';
import { VocabCheckboxes } from '../components/fields/VocabCheckboxes';
import { VocabSelect } from '../components/fields/VocabSelect';
import { TextInput } from '../components/TextInput';
import { applyFieldErrors } from '../forms/field-errors';
import { useDraft } from '../records/use-draft';
import { ContactChannelsFields } from './ContactChannelsFields';
import { personFieldNames } from './person-values';

export type PersonFormApi = UseFormReturn<PersonFields>;

/**
 * A defender's profile. Validated by the contract's own schema, so the form refuses what main
 * would refuse; the caller saves (create or update) and may hand back main's field errors.
 */
export function PersonForm({
  initial,
  draftKey,
  pending,
  error,
  submitLabel,
  onSubmit,
}: {
  initial: PersonFields;
  draftKey: string;
  pending: boolean;
  error: AppError | null;
  submitLabel: string;
  onSubmit: (values: PersonFields, form: PersonFormApi) => Promise<AppError | null>;
}) {
  const { t } = useTranslation();
  const form = useForm<PersonFields>({
    resolver: zodResolver(personCreateInput),
    defaultValues: initial,
  });
  const draft = useDraft(draftKey, form);
  const { control } = form;

  const submit = form.handleSubmit(async (values) => {
    const failure = await onSubmit(values, form);
    if (failure === null) {
      draft.discard();
      return;
    }
    applyFieldErrors(failure, personFieldNames, form.setError);
  });

  return (
    <form className="form record-form" noValidate onSubmit={submit}>
      <ErrorAlert error={error} />
      {draft.notice}
      <fieldset className="fieldset">
        <legend>{t('person.identityTitle')}</legend>
        <p className="field-description">{t('person.nameOrPseudonym')}</p>
        <TextInput control={control} name="name" label={t('person.name')} nullable />
        <TextInput control={control} name="pseudonym" label={t('person.pseudonym')} nullable />
        <VocabSelect
          control={control}
          name="genderIdentity"
          vocabulary="gender_identity"
          label={t('person.genderIdentity')}
          nullable
        />
        <VocabSelect
          control={control}
          name="ageRange"
          vocabulary="age_range"
          label={t('person.ageRange')}
          nullable
        />
        <TextInput
          control={control}
          name="ethnicIdentity"
          label={t('person.ethnicIdentity')}
          nullable
        />
      </fieldset>
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
      <fieldset className="fieldset">
        <legend>{t('person.workTitle')}</legend>
        <TextInput
          control={control}
          name="organization"
          label={t('person.organization')}
          nullable
        />
        <TextInput control={control} name="movement" label={t('person.movement')} nullable />
        <VocabCheckboxes
          control={control}
          name="rightsDefended"
          vocabulary="right_defended"
          label={t('person.rightsDefended')}
        />
      </fieldset>
      <ContactChannelsFields control={control} />
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
