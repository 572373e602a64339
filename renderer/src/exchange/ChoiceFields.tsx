import { CheckboxGroup, FieldError, Label, Radio, RadioGroup } from 'react-aria-components';
import { useController, type Control, type FieldValues, type Path } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { CheckboxBox } from '../components/fields/VocabCheckboxes';
import { fieldErrorKey } from '../forms/field-errors';

export interface Choice {
  id: string;
  label: string;
}

/** One of a few options, as radio buttons bound to react-hook-form (arrow keys move between). */
export function RadioChoice<T extends FieldValues>(props: {
  control: Control<T>;
  name: Path<T>;
  label: string;
  choices: readonly Choice[];
  isDisabled?: boolean;
}) {
  const { t } = useTranslation();
  const { field, fieldState } = useController({ control: props.control, name: props.name });
  return (
    <RadioGroup
      className="field radio-group"
      name={field.name}
      value={typeof field.value === 'string' ? field.value : null}
      onChange={field.onChange}
      isInvalid={fieldState.invalid}
      isDisabled={props.isDisabled}
      validationBehavior="aria"
    >
      <Label className="field-label">{props.label}</Label>
      {props.choices.map((choice) => (
        <Radio key={choice.id} value={choice.id} className="radio">
          <span className="radio-mark" aria-hidden="true" />
          {choice.label}
        </Radio>
      ))}
      <FieldError className="field-error">{t(fieldErrorKey(fieldState.error?.message))}</FieldError>
    </RadioGroup>
  );
}

/** Several of a list (cases, partner offices), as checkboxes bound to react-hook-form. */
export function CheckChoices<T extends FieldValues>(props: {
  control: Control<T>;
  name: Path<T>;
  label: string;
  choices: readonly Choice[];
  isDisabled?: boolean;
}) {
  const { t } = useTranslation();
  const { field, fieldState } = useController({ control: props.control, name: props.name });
  return (
    <CheckboxGroup
      className="field checkbox-group"
      name={field.name}
      value={Array.isArray(field.value) ? (field.value as string[]) : []}
      onChange={field.onChange}
      isInvalid={fieldState.invalid}
      isDisabled={props.isDisabled}
      validationBehavior="aria"
    >
      <Label className="field-label">{props.label}</Label>
      <div className="checkbox-list">
        {props.choices.map((choice) => (
          <CheckboxBox key={choice.id} value={choice.id} label={choice.label} />
        ))}
      </div>
      <FieldError className="field-error">{t(fieldErrorKey(fieldState.error?.message))}</FieldError>
    </CheckboxGroup>
  );
}
