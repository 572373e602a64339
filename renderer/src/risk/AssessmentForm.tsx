import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo } from 'react';
import { Button } from 'react-aria-components';
import { Controller, useFieldArray, useForm, useWatch, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type AppError } from '../../../shared/errors';
import { scoreRisk } from '../../../shared/risk/score';
import { ErrorAlert } from '../components/ErrorAlert';
import { TextAreaInput } from '../components/fields/TextAreaInput';
import { VocabSelect } from '../components/fields/VocabSelect';
import { TextInput } from '../components/TextInput';
import { useFormat } from '../i18n/format';
import { useDraft } from '../records/use-draft';
import { useVocab } from '../records/vocab';
import { ScorePanel } from './ScorePanel';
import { RatingSelect } from './RatingSelect';
import {
  assessmentFormSchema,
  emptyFactor,
  emptyThreat,
  type AssessmentFormValues,
  type RiskSubject,
} from './risk-values';
import { useSubjectAggressions, type AggressionOption } from './use-subject-aggressions';

/**
 * One risk assessment: header, threats, vulnerabilities and capacities, self-care, and the level
 * computed live by the same function main stores (`shared/risk/score.ts`), with an optional
 * override that needs a written reason.
 */
export function AssessmentForm({
  initial,
  subject,
  pending,
  error,
  submitLabel,
  onSubmit,
  draftKey,
}: {
  initial: AssessmentFormValues;
  /** Where the unsaved form is kept as the assessor types (a long form: nothing may be lost). */
  draftKey: string;
  /** Whom it covers: her aggressions are what threats can be linked to (null: unknown). */
  subject: RiskSubject | null;
  pending: boolean;
  error: AppError | null;
  submitLabel: string;
  onSubmit: (values: AssessmentFormValues) => Promise<AppError | null>;
}) {
  const { t } = useTranslation();
  const form = useForm<AssessmentFormValues>({
    resolver: zodResolver(assessmentFormSchema),
    defaultValues: initial,
  });
  const { control } = form;
  const draft = useDraft(draftKey, form);
  const aggressions = useSubjectAggressions(subject);
  const threats = useWatch({ control, name: 'threats' });
  const vulnerabilities = useWatch({ control, name: 'vulnerabilities' });
  const capacities = useWatch({ control, name: 'capacities' });
  const override = useWatch({ control, name: 'override' });
  const score = useMemo(
    () =>
      scoreRisk({
        threats: threats.map((x) => ({ likelihood: x.likelihood, impact: x.impact })),
        vulnerabilities: vulnerabilities.map((x) => ({ area: x.area, rating: x.rating })),
        capacities: capacities.map((x) => ({ area: x.area, rating: x.rating })),
        override: override === null ? null : { level: override.level, reason: override.reason },
      }),
    [threats, vulnerabilities, capacities, override],
  );
  const named = (text: string | undefined, fallback: string) =>
    text !== undefined && text.trim() !== '' ? text.trim() : fallback;

  const submit = form.handleSubmit(
    async (values) => {
      if ((await onSubmit(values)) === null) draft.discard();
    },
    () => {
      const first = document.querySelector<HTMLElement>('.risk-form [aria-invalid="true"]');
      first?.focus();
    },
  );

  return (
    <form className="form record-form risk-form" noValidate onSubmit={submit}>
      <ErrorAlert error={error} />
      {draft.notice}
      <fieldset className="fieldset">
        <legend>{t('assessment.headerTitle')}</legend>
        <div className="field-row">
          <TextInput
            control={control}
            name="assessedOn"
            inputType="date"
            label={t('assessment.assessedOn')}
          />
          <TextInput control={control} name="assessor" label={t('assessment.assessor')} />
          <VocabSelect
            control={control}
            name="kind"
            vocabulary="assessment_kind"
            label={t('assessment.kind')}
          />
        </div>
        <TextAreaInput control={control} name="context" label={t('assessment.context')} rows={3} />
        <div className="field-row">
          <TextAreaInput control={control} name="allies" label={t('assessment.allies')} rows={2} />
          <TextAreaInput
            control={control}
            name="adversaries"
            label={t('assessment.adversaries')}
            rows={2}
          />
        </div>
      </fieldset>

      <ThreatsFields
        control={control}
        aggressions={aggressions.options}
        aggressionsError={aggressions.error}
      />
      <FactorFields control={control} kind="vulnerabilities" />
      <FactorFields control={control} kind="capacities" />

      <fieldset className="fieldset">
        <legend>{t('assessment.selfCareTitle')}</legend>
        <p className="field-description">{t('assessment.selfCareIntro')}</p>
        <TextAreaInput
          control={control}
          name="selfCare.body"
          label={t('assessment.selfCareBody')}
          rows={2}
        />
        <TextAreaInput
          control={control}
          name="selfCare.emotions"
          label={t('assessment.selfCareEmotions')}
          rows={2}
        />
        <TextAreaInput
          control={control}
          name="selfCare.rest"
          label={t('assessment.selfCareRest')}
          rows={2}
        />
        <TextAreaInput
          control={control}
          name="selfCare.supportNetwork"
          label={t('assessment.selfCareSupport')}
          rows={2}
        />
      </fieldset>

      <ScorePanel
        score={score}
        threatLabel={(i) =>
          named(threats[i]?.description, t('assessment.threatNumber', { number: i + 1 }))
        }
        vulnerabilityLabel={(i) =>
          named(
            vulnerabilities[i]?.description,
            t('assessment.vulnerabilityNumber', { number: i + 1 }),
          )
        }
        capacityLabel={(i) =>
          named(capacities[i]?.description, t('assessment.capacityNumber', { number: i + 1 }))
        }
      />

      <fieldset className="fieldset">
        <legend>{t('assessment.overrideTitle')}</legend>
        <p className="field-description">{t('assessment.overrideIntro')}</p>
        <div className="field">
          <label className="checkbox-native">
            <input
              type="checkbox"
              checked={override !== null}
              onChange={(event) =>
                form.setValue(
                  'override',
                  event.target.checked ? { level: score.computedLevel, reason: '' } : null,
                  { shouldDirty: true },
                )
              }
            />{' '}
            {t('assessment.overrideToggle')}
          </label>
        </div>
        {override === null ? null : (
          <div className="field-row">
            <VocabSelect
              control={control}
              name="override.level"
              vocabulary="risk_level"
              label={t('assessment.overrideLevel')}
            />
            <TextAreaInput
              control={control}
              name="override.reason"
              label={t('assessment.overrideReason')}
              rows={2}
            />
          </div>
        )}
      </fieldset>

      <div className="actions">
        <Button type="submit" className="button button-primary" isDisabled={pending}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}

function ThreatsFields({
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

function FactorFields({
  control,
  kind,
}: {
  control: Control<AssessmentFormValues>;
  kind: 'vulnerabilities' | 'capacities';
}) {
  const { t } = useTranslation();
  const { fields, append, remove } = useFieldArray({ control, name: kind, keyName: 'key' });
  const keys =
    kind === 'vulnerabilities'
      ? {
          title: t('assessment.vulnerabilitiesTitle'),
          intro: t('assessment.vulnerabilitiesIntro'),
          number: (number: number) => t('assessment.vulnerabilityNumber', { number }),
          remove: (number: number) => t('assessment.removeVulnerability', { number }),
          add: t('assessment.addVulnerability'),
        }
      : {
          title: t('assessment.capacitiesTitle'),
          intro: t('assessment.capacitiesIntro'),
          number: (number: number) => t('assessment.capacityNumber', { number }),
          remove: (number: number) => t('assessment.removeCapacity', { number }),
          add: t('assessment.addCapacity'),
        };
  return (
    <fieldset className="fieldset">
      <legend>{keys.title}</legend>
      <p className="field-description">{keys.intro}</p>
      {fields.map((field, index) => {
        const number = index + 1;
        return (
          <div
            key={field.key}
            className="repeat-item"
            role="group"
            aria-label={keys.number(number)}
          >
            <div className="field-row">
              <VocabSelect
                control={control}
                name={`${kind}.${index}.area`}
                vocabulary="risk_area"
                label={t('assessment.area')}
              />
              <RatingSelect
                control={control}
                name={`${kind}.${index}.rating`}
                label={t('assessment.rating')}
                min={0}
                max={3}
              />
            </div>
            <TextAreaInput
              control={control}
              name={`${kind}.${index}.description`}
              label={t('assessment.factorDescription')}
              rows={2}
            />
            <div className="actions">
              <Button className="button" onPress={() => remove(index)}>
                {keys.remove(number)}
              </Button>
            </div>
          </div>
        );
      })}
      <div className="actions">
        <Button className="button" onPress={() => append(emptyFactor())}>
          {keys.add}
        </Button>
      </div>
    </fieldset>
  );
}

/** Front Line Defenders' five steps, in order. */
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
