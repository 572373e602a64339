import { Checkbox, CheckboxGroup, FieldError, Label, Text } from 'react-aria-components';
import { useController, type Control, type FieldValues, type Path } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type VocabularyName } from '../../../../shared/vocabularies';
import { fieldErrorKey } from '../../forms/field-errors';
import { useVocabChoices } from './VocabSelect';

/** Several codes of one vocabulary (aggression types, rights), as a labelled group of checkboxes. */
export function VocabCheckboxes<T extends FieldValues>(props: {
  control: Control<T>;
  name: Path<T>;
  vocabulary: VocabularyName;
  label: string;
  description?: string;
  isDisabled?: boolean;
}) {
  const { t } = useTranslation();
  const choices = useVocabChoices(props.vocabulary);
  const { field, fieldState } = useController({ control: props.control, name: props.name });
  const value: string[] = Array.isArray(field.value) ? (field.value as string[]) : [];
  return (
    <CheckboxGroup
      className="field checkbox-group"
      name={field.name}
      // Keep the vocabulary's order whatever order the boxes were ticked in.
      value={value}
      onChange={(next) =>
        field.onChange(choices.map((c) => c.id).filter((id) => next.includes(id)))
      }
      onBlur={field.onBlur}
      isInvalid={fieldState.invalid}
      isDisabled={props.isDisabled}
      validationBehavior="aria"
    >
      <Label className="field-label">{props.label}</Label>
      {props.description === undefined ? null : (
        <Text slot="description" className="field-description">
          {props.description}
        </Text>
      )}
      <div className="checkbox-columns">
        {choices.map((choice) => (
          <CheckboxBox key={choice.id} value={choice.id} label={choice.label} />
        ))}
      </div>
      <FieldError className="field-error">{t(fieldErrorKey(fieldState.error?.message))}</FieldError>
    </CheckboxGroup>
  );
}

/** One checkbox with a drawn box (react-aria's input is visually hidden). */
export function CheckboxBox(props: {
  value?: string;
  label: string;
  isSelected?: boolean;
  onChange?: (selected: boolean) => void;
  isDisabled?: boolean;
}) {
  return (
    <Checkbox
      className="checkbox"
      value={props.value}
      isSelected={props.isSelected}
      onChange={props.onChange}
      isDisabled={props.isDisabled}
    >
      <span className="checkbox-box" aria-hidden="true">
        <svg viewBox="0 0 18 18" className="checkbox-mark">
          <polyline points="3 9 7 13 15 5" />
        </svg>
      </span>
      {props.label}
    </Checkbox>
  );
}
