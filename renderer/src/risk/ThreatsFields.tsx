import { Button } from 'react-aria-components';
import { Controller, useFieldArray, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type AppError } from '../../../shared/errors';
import { ErrorAlert } from '../components/ErrorAlert';
import { TextAreaInput } from '../components/fields/TextAreaInput';
import { VocabSelect } from '../components/fields/VocabSelect';
import { useFormat } from '../i18n/format';
import { useVocab } from '../records/vocab';
import { RatingSelect } from './RatingSelect';
import { emptyThreat, type AssessmentFormValues } from './risk-values';
import { type AggressionOption } from './use-subject-aggressions';

/** The threats of an assessment: who, how, ratings, the five-step analysis and linked aggressions. */
export function ThreatsFields({
  control,
  aggressions,
  aggressionsError,
}: {
  control: Control<AssessmentFormValues>;
  aggressions: AggressionOption[] | null;
  aggressionsError: AppError | null;
}) {
  const { t } = useTranslation();
  const { fields, append, remove } = useFieldArray({ control, name: 'threats', keyName: 'key' });
  return (
    <fieldset className="fieldset">
      <legend>{t('assessment.threatsTitle')}</legend>
      <p className="field-description">{t('assessment.threatsIntro')}</p>
      <ErrorAlert error={aggressionsError} />
      {fields.map((field, index) => {
        const number = index + 1;
        return (
          <div
            key={field.key}
            className="repeat-item"
            role="group"
            aria-label={t('assessment.threatNumber', { number })}
          >
            <TextAreaInput
              control={control}
              name={`threats.${index}.description`}
              label={t('assessment.threatDescription')}
              rows={2}
            />
            <div className="field-row">
              <VocabSelect
                control={control}
                name={`threats.${index}.perpetratorType`}
                vocabulary="perpetrator_type"
                label={t('assessment.perpetratorType')}
                nullable
              />
              <VocabSelect
                control={control}
                name={`threats.${index}.means`}
                vocabulary="threat_means"
                label={t('assessment.means')}
              />
              <RatingSelect
                control={control}
                name={`threats.${index}.likelihood`}
                label={t('assessment.likelihood')}
                min={1}
                max={5}
              />
              <RatingSelect
                control={control}
                name={`threats.${index}.impact`}
                label={t('assessment.impact')}
                min={1}
                max={5}
              />
            </div>
            <LinkedAggressions control={control} index={index} options={aggressions} />
            <fieldset className="fieldset sub-fieldset">
              <legend>{t('assessment.analysisTitle')}</legend>
              <p className="field-description">{t('assessment.analysisIntro')}</p>
              {ANALYSIS_STEPS.map((step) => (
                <TextAreaInput
                  key={step}
                  control={control}
                  name={`threats.${index}.analysis.${step}`}
                  label={t(`assessment.analysis.${step}`)}
                  rows={2}
                />
              ))}
            </fieldset>
            <div className="actions">
              <Button className="button" onPress={() => remove(index)}>
                {t('assessment.removeThreat', { number })}
              </Button>
            </div>
          </div>
        );
      })}
      <div className="actions">
        <Button className="button" onPress={() => append(emptyThreat())}>
          {t('assessment.addThreat')}
        </Button>
      </div>
    </fieldset>
  );
}

const ANALYSIS_STEPS = ['facts', 'pattern', 'objective', 'source', 'feasibility'] as const;

/** Checkboxes for her aggressions (date and types, never the narrative) on one threat. */
function LinkedAggressions({
  control,
  index,
  options,
}: {
  control: Control<AssessmentFormValues>;
  index: number;
  options: AggressionOption[] | null;
}) {
  const { t } = useTranslation();
  const vocab = useVocab();
  const format = useFormat();
  return (
    <Controller
      control={control}
      name={`threats.${index}.aggressionIds`}
      render={({ field }) => {
        const linked = field.value;
        const listed = new Set((options ?? []).map((option) => option.id));
        const elsewhere = linked.filter((id) => !listed.has(id)).length;
        const toggle = (id: string, on: boolean) =>
          field.onChange(on ? [...linked, id] : linked.filter((x) => x !== id));
        return (
          <fieldset className="fieldset sub-fieldset" data-testid="threat-aggressions">
            <legend>{t('assessment.linkedAggressions')}</legend>
            {options === null ? (
              <p>{t('shell.loading')}</p>
            ) : options.length === 0 ? (
              <p className="field-description">{t('assessment.noAggressions')}</p>
            ) : (
              options.map((option) => (
                <div className="field" key={option.id}>
                  <label className="checkbox-native">
                    <input
                      type="checkbox"
                      checked={linked.includes(option.id)}
                      onChange={(event) => toggle(option.id, event.target.checked)}
                    />{' '}
                    {t('assessment.aggressionOption', {
                      date: format.day(option.occurredOn, option.datePrecision),
                      types: option.types.map((type) => vocab('aggression_type', type)).join(', '),
                    })}
                  </label>
                </div>
              ))
            )}
            {elsewhere === 0 ? null : (
              <p className="field-description">
                {t('assessment.aggressionsElsewhere', { count: elsewhere })}
              </p>
            )}
          </fieldset>
        );
      }}
    />
  );
}
