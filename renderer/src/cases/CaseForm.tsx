import { zodResolver } from '@hookform/resolvers/zod';
import { Button } from 'react-aria-components';
import { useFieldArray, useForm, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type AppError } from '../../../shared/errors';
import { ErrorAlert } from '../components/ErrorAlert';
import { TagsInput } from '../components/fields/TagsInput';
import { TextAreaInput } from '../components/fields/TextAreaInput';
import { VocabCheckboxes } from '../components/fields/VocabCheckboxes';
import { VocabSelect } from '../components/fields/VocabSelect';
import { TextInput } from '../components/TextInput';
import { applyFieldErrors } from '../forms/field-errors';
import { useDraft } from '../records/use-draft';
import { today } from '../records/values';
import { AggressionFields } from './AggressionFields';
import {
  caseFieldNames,
  caseFormSchema,
  emptyAggression,
  emptySource,
  type CaseFormValues,
} from './case-values';
import { useVictimChoices } from './use-victim-choices';

/**
 * A whole case: its own fields, one or more aggressions and the sources. Validated with the
 * contract's schemas; kept as a draft while the user types.
 */
export function CaseForm({
  initial,
  draftKey,
  pending,
  error,
  submitLabel,
  onSubmit,
}: {
  initial: CaseFormValues;
  draftKey: string;
  pending: boolean;
  error: AppError | null;
  submitLabel: string;
  onSubmit: (values: CaseFormValues) => Promise<AppError | null>;
}) {
  const { t } = useTranslation();
  const form = useForm<CaseFormValues>({
    resolver: zodResolver(caseFormSchema),
    defaultValues: initial,
  });
  const { control } = form;
  const draft = useDraft(draftKey, form);
  const victimChoices = useVictimChoices();
  const aggressions = useFieldArray({ control, name: 'aggressions', keyName: 'key' });

  const submit = form.handleSubmit(
    async (values) => {
      const failure = await onSubmit(values);
      if (failure === null) {
        draft.discard();
        return;
      }
      applyFieldErrors(failure, caseFieldNames, form.setError);
    },
    () => {
      // Long form: take the user to the first refused field.
      const first = document.querySelector<HTMLElement>('.record-form [aria-invalid="true"]');
      first?.focus();
    },
  );

  return (
    <form className="form record-form" noValidate onSubmit={submit}>
      <ErrorAlert error={error} />
      {draft.notice}
      <fieldset className="fieldset">
        <legend>{t('case.caseTitle')}</legend>
        <TextInput
          control={control}
          name="title"
          label={t('case.title')}
          description={t('case.titleHelp')}
        />
        <div className="field-row">
          <VocabSelect
            control={control}
            name="status"
            vocabulary="case_status"
            label={t('case.status')}
          />
          <VocabSelect
            control={control}
            name="urgency"
            vocabulary="urgency"
            label={t('case.urgency')}
          />
          <VocabSelect
            control={control}
            name="confidentiality"
            vocabulary="confidentiality"
            label={t('records.confidentiality')}
          />
        </div>
        <VocabCheckboxes
          control={control}
          name="rightsAtStake"
          vocabulary="right_defended"
          label={t('case.rightsAtStake')}
        />
        <TagsInput
          control={control}
          name="tags"
          label={t('case.tags')}
          description={t('case.tagsHelp')}
        />
      </fieldset>

      <h2>{t('case.aggressionsTitle')}</h2>
      {aggressions.fields.map((field, index) => (
        <AggressionFields
          key={field.key}
          control={control}
          index={index}
          victimChoices={victimChoices}
          onRemove={aggressions.fields.length > 1 ? () => aggressions.remove(index) : undefined}
        />
      ))}
      <div className="actions">
        <Button className="button" onPress={() => aggressions.append(emptyAggression(today()))}>
          {t('case.addAggression')}
        </Button>
      </div>

      <SourcesFields control={control} />

      <div className="actions">
        <Button type="submit" className="button button-primary" isDisabled={pending}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}

function SourcesFields({ control }: { control: Control<CaseFormValues> }) {
  const { t } = useTranslation();
  const { fields, append, remove } = useFieldArray({ control, name: 'sources', keyName: 'key' });
  return (
    <fieldset className="fieldset">
      <legend>{t('case.sourcesTitle')}</legend>
      <p className="field-description">{t('case.sourcesIntro')}</p>
      {fields.map((field, index) => {
        const number = index + 1;
        return (
          <div
            key={field.key}
            className="repeat-item"
            role="group"
            aria-label={t('case.sourceNumber', { number })}
          >
            <div className="field-row">
              <VocabSelect
                control={control}
                name={`sources.${index}.channel`}
                vocabulary="source_channel"
                label={t('case.sourceChannel')}
              />
              <VocabSelect
                control={control}
                name={`sources.${index}.reliability`}
                vocabulary="reliability"
                label={t('case.reliability')}
              />
              <TextInput
                control={control}
                name={`sources.${index}.receivedOn`}
                inputType="date"
                label={t('case.receivedOn')}
                nullable
              />
            </div>
            <TextAreaInput
              control={control}
              name={`sources.${index}.description`}
              label={t('case.sourceDescription')}
              rows={2}
            />
            <div className="actions">
              <Button className="button" onPress={() => remove(index)}>
                {t('case.removeSource', { number })}
              </Button>
            </div>
          </div>
        );
      })}
      <div className="actions">
        <Button className="button" onPress={() => append(emptySource())}>
          {t('case.addSource')}
        </Button>
      </div>
    </fieldset>
  );
}
