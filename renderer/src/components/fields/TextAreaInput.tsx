import { type ReactNode } from 'react';
import { FieldError, Label, Text, TextArea, TextField } from 'react-aria-components';
import { useController, type Control, type FieldValues, type Path } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { fieldErrorKey } from '../../forms/field-errors';

/** A labelled multi-line text bound to react-hook-form (narratives, descriptions, outcomes). */
export function TextAreaInput<T extends FieldValues>(props: {
  control: Control<T>;
  name: Path<T>;
  label: string;
  description?: ReactNode;
  rows?: number;
  isDisabled?: boolean;
}) {
  const { t } = useTranslation();
  const {
    field: { ref, name, value, onChange, onBlur },
    fieldState,
  } = useController({ control: props.control, name: props.name });
  return (
    <TextField
      className="field"
      name={name}
      value={typeof value === 'string' ? value : ''}
      onChange={onChange}
      onBlur={onBlur}
      isInvalid={fieldState.invalid}
      isDisabled={props.isDisabled}
      validationBehavior="aria"
    >
      <Label className="field-label">{props.label}</Label>
      <TextArea ref={ref} className="field-input field-textarea" rows={props.rows ?? 4} />
      {props.description === undefined ? null : (
        <Text slot="description" elementType="div" className="field-description">
          {props.description}
        </Text>
      )}
      <FieldError className="field-error">{t(fieldErrorKey(fieldState.error?.message))}</FieldError>
    </TextField>
  );
}
