import { type ReactNode } from 'react';
import { FieldError, Input, Label, Text, TextField } from 'react-aria-components';
import { useController, type Control, type FieldValues, type Path } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { fieldErrorKey } from '../forms/field-errors';

interface TextInputProps<T extends FieldValues> {
  control: Control<T>;
  name: Path<T>;
  label: string;
  description?: ReactNode;
  type?: 'text' | 'password';
  autoComplete?: string;
  /** Recovery keys and groups: monospace, no spell check or capitalisation. */
  code?: boolean;
  isDisabled?: boolean;
  /** Empty means "not recorded": the field holds null, as the contract's nullable fields do. */
  nullable?: boolean;
  /** Search boxes and dates use their native input types. */
  inputType?: 'search' | 'date';
}

/**
 * A labelled text field bound to react-hook-form. react-aria wires the label, the description
 * and the error message (`aria-describedby`) and sets `aria-invalid` when the field is refused.
 */
export function TextInput<T extends FieldValues>(props: TextInputProps<T>) {
  const { t } = useTranslation();
  const {
    field: { ref: inputRef, name, value, onChange, onBlur },
    fieldState,
  } = useController({ control: props.control, name: props.name });
  return (
    <TextField
      className="field"
      name={name}
      value={typeof value === 'string' ? value : ''}
      onChange={(text) => onChange(props.nullable === true && text === '' ? null : text)}
      onBlur={onBlur}
      type={props.inputType ?? props.type ?? 'text'}
      autoComplete={props.autoComplete}
      isInvalid={fieldState.invalid}
      isDisabled={props.isDisabled}
      validationBehavior="aria"
    >
      <Label className="field-label">{props.label}</Label>
      <Input
        ref={inputRef}
        className={props.code === true ? 'field-input field-input-code' : 'field-input'}
        spellCheck={props.code === true ? false : undefined}
        autoCapitalize={props.code === true ? 'off' : undefined}
        autoCorrect={props.code === true ? 'off' : undefined}
      />
      {props.description === undefined ? null : (
        <Text slot="description" elementType="div" className="field-description">
          {props.description}
        </Text>
      )}
      <FieldError className="field-error">{t(fieldErrorKey(fieldState.error?.message))}</FieldError>
    </TextField>
  );
}
