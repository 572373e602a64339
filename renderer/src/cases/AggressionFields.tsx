import { Button } from 'react-aria-components';
import { useController, useFieldArray, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { BooleanCheckbox } from '../components/fields/BooleanCheckbox';
import { CodeSelect, type Choice } from '../components/fields/CodeSelect';
import { TextAreaInput } from '../components/fields/TextAreaInput';
import { VocabCheckboxes } from '../components/fields/VocabCheckboxes';
import { VocabSelect } from '../components/fields/VocabSelect';
import { TextInput } from '../components/TextInput';
import { type CaseFormValues } from './case-values';

type Props = { control: Control<CaseFormValues>; index: number };

/** One act: when, where, what, against whom, by whom, and the narrative. */
export function AggressionFields({
  control,
  index,
  victimChoices,
  onRemove,
}: Props & { victimChoices: Choice[]; onRemove?: () => void }) {
  const { t } = useTranslation();
  const base = `aggressions.${index}` as const;
  const number = index + 1;
  return (
    <fieldset className="fieldset repeat-block" data-testid="aggression-fields">
      <legend>{t('case.aggressionNumber', { number })}</legend>
      <div className="field-row">
        <TextInput
          control={control}
          name={`${base}.occurredOn`}
          inputType="date"
          label={t('case.occurredOn')}
        />
        <VocabSelect
          control={control}
          name={`${base}.datePrecision`}
          vocabulary="date_precision"
          label={t('case.datePrecision')}
        />
      </div>
      <div className="field-row">
        <VocabSelect
          control={control}
          name={`${base}.country`}
          vocabulary="country"
          label={t('records.country')}
          nullable
        />
        <TextInput
          control={control}
          name={`${base}.department`}
          label={t('records.department')}
          nullable
        />
        <TextInput
          control={control}
          name={`${base}.municipality`}
          label={t('records.municipality')}
          nullable
        />
      </div>
      <TextInput
        control={control}
        name={`${base}.exactPlace`}
        label={t('case.exactPlace')}
        description={t('case.exactPlaceHelp')}
        nullable
      />
      <VocabSelect
        control={control}
        name={`${base}.scope`}
        vocabulary="aggression_scope"
        label={t('case.scope')}
      />
      <VocabCheckboxes
        control={control}
        name={`${base}.types`}
        vocabulary="aggression_type"
        label={t('case.types')}
        description={t('case.typesHelp')}
      />
      <VocabCheckboxes
        control={control}
        name={`${base}.genderComponents`}
        vocabulary="gender_component"
        label={t('case.genderComponents')}
        description={t('case.genderComponentsHelp')}
      />
      <VictimsFields control={control} index={index} choices={victimChoices} />
      <PerpetratorsFields control={control} index={index} />
      <TextAreaInput
        control={control}
        name={`${base}.narrative`}
        label={t('case.narrative')}
        description={t('case.narrativeHelp')}
        rows={6}
      />
      {onRemove === undefined ? null : (
        <div className="actions">
          <Button className="button" onPress={onRemove}>
            {t('case.removeAggression', { number })}
          </Button>
        </div>
      )}
    </fieldset>
  );
}

function VictimsFields({ control, index, choices }: Props & { choices: Choice[] }) {
  const { t } = useTranslation();
  const { fields, append, remove } = useFieldArray({
    control,
    name: `aggressions.${index}.victims`,
  });
  return (
    <fieldset className="fieldset nested">
      <legend>{t('case.victims')}</legend>
      {fields.length === 0 ? <p className="field-description">{t('case.noVictims')}</p> : null}
      {fields.map((field, victim) => (
        <div
          key={field.id}
          className="repeat-item"
          role="group"
          aria-label={t('case.victimNumber', { number: victim + 1 })}
        >
          <VictimSelect control={control} index={index} victim={victim} choices={choices} />
          <VocabSelect
            control={control}
            name={`aggressions.${index}.victims.${victim}.role`}
            vocabulary="victim_role"
            label={t('case.victimRole')}
          />
          <div className="actions">
            <Button className="button" onPress={() => remove(victim)}>
              {t('case.removeVictim', { number: victim + 1 })}
            </Button>
          </div>
        </div>
      ))}
      <div className="actions">
        <Button
          className="button"
          onPress={() => append({ personId: null, collectiveId: null, role: 'direct' })}
        >
          {t('case.addVictim')}
        </Button>
      </div>
      <p className="field-description">
        {t('case.victimMissing')} <a href="#/people/new">{t('case.newPersonElsewhere')}</a>
      </p>
    </fieldset>
  );
}

/** A victim is a person or a collective: one select over both, kept as two nullable ids. */
function VictimSelect({
  control,
  index,
  victim,
  choices,
}: Props & { victim: number; choices: Choice[] }) {
  const { t } = useTranslation();
  const person = useController({
    control,
    name: `aggressions.${index}.victims.${victim}.personId`,
  });
  const collective = useController({
    control,
    name: `aggressions.${index}.victims.${victim}.collectiveId`,
  });
  const value =
    person.field.value !== null
      ? `p:${person.field.value}`
      : collective.field.value !== null
        ? `c:${collective.field.value}`
        : null;
  return (
    <CodeSelect
      label={t('case.victim')}
      choices={choices}
      value={value}
      onChange={(id) => {
        person.field.onChange(id?.startsWith('p:') === true ? id.slice(2) : null);
        collective.field.onChange(id?.startsWith('c:') === true ? id.slice(2) : null);
      }}
      onBlur={person.field.onBlur}
      errorMessage={person.fieldState.error?.message}
    />
  );
}

function PerpetratorsFields({ control, index }: Props) {
  const { t } = useTranslation();
  const { fields, append, remove } = useFieldArray({
    control,
    name: `aggressions.${index}.perpetrators`,
  });
  return (
    <fieldset className="fieldset nested">
      <legend>{t('case.perpetrators')}</legend>
      {fields.length === 0 ? <p className="field-description">{t('case.noPerpetrators')}</p> : null}
      {fields.map((field, perpetrator) => {
        const base = `aggressions.${index}.perpetrators.${perpetrator}` as const;
        const number = perpetrator + 1;
        return (
          <div
            key={field.id}
            className="repeat-item"
            role="group"
            aria-label={t('case.perpetratorNumber', { number })}
          >
            <VocabSelect
              control={control}
              name={`${base}.type`}
              vocabulary="perpetrator_type"
              label={t('case.perpetratorType')}
            />
            <VocabSelect
              control={control}
              name={`${base}.involvement`}
              vocabulary="involvement"
              label={t('case.involvement')}
            />
            <BooleanCheckbox
              control={control}
              name={`${base}.identified`}
              label={t('case.identified')}
            />
            <TextAreaInput
              control={control}
              name={`${base}.description`}
              label={t('case.perpetratorDescription')}
              rows={2}
            />
            <div className="actions">
              <Button className="button" onPress={() => remove(perpetrator)}>
                {t('case.removePerpetrator', { number })}
              </Button>
            </div>
          </div>
        );
      })}
      <div className="actions">
        <Button
          className="button"
          onPress={() =>
            append({
              type: 'unknown_offline',
              identified: false,
              description: '',
              involvement: 'direct',
            })
          }
        >
          {t('case.addPerpetrator')}
        </Button>
      </div>
    </fieldset>
  );
}
