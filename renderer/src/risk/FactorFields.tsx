import { Button } from 'react-aria-components';
import { useFieldArray, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { TextAreaInput } from '../components/fields/TextAreaInput';
import { VocabSelect } from '../components/fields/VocabSelect';
import { RatingSelect } from './RatingSelect';
import { emptyFactor, type AssessmentFormValues } from './risk-values';

/** Vulnerabilities or capacities, each an area rated 0–3 (two sides of one factor). */
export function FactorFields({
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
