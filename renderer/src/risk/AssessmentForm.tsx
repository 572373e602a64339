import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo } from 'react';
import { Button } from 'react-aria-components';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type AppError } from '../../../shared/errors';
import { scoreRisk } from '../../../shared/risk/score';
import { ErrorAlert } from '../components/ErrorAlert';
import { TextAreaInput } from '../components/fields/TextAreaInput';
import { VocabSelect } from '../components/fields/VocabSelect';
import { TextInput } from '../components/TextInput';
import { useDraft } from '../records/use-draft';
import { ScorePanel } from './ScorePanel';
import { FactorFields } from './FactorFields';
import { ThreatsFields } from './ThreatsFields';
import { assessmentFormSchema, type AssessmentFormValues, type RiskSubject } from './risk-values';
import { useSubjectAggressions } from './use-subject-aggressions';

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
