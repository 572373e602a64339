import { useState } from 'react';
import { FieldError, Input, Label, Text, TextField } from 'react-aria-components';
import { useController, type Control, type FieldValues, type Path } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { splitTags } from '../../cases/case-values';
import { fieldErrorKey } from '../../forms/field-errors';

/** A list of short words typed in one field, separated by commas. */
export function TagsInput<T extends FieldValues>(props: {
  control: Control<T>;
  name: Path<T>;
  label: string;
  description?: string;
}) {
  const { t } = useTranslation();
  const {
    field: { ref: inputRef, name, value, onChange, onBlur },
    fieldState,
  } = useController({ control: props.control, name: props.name });
  const list: string[] = Array.isArray(value) ? (value as string[]) : [];
  // The text as typed (a trailing comma included); the form holds the parsed list.
  const [text, setText] = useState(() => list.join(', '));
  const shown = splitTags(text).join('\u0000') === list.join('\u0000') ? text : list.join(', ');
  return (
    <TextField
      className="field"
      name={name}
      value={shown}
      onChange={(typed) => {
        setText(typed);
        onChange(splitTags(typed));
      }}
      onBlur={onBlur}
      isInvalid={fieldState.invalid}
      validationBehavior="aria"
    >
      <Label className="field-label">{props.label}</Label>
      <Input ref={inputRef} className="field-input" />
      {props.description === undefined ? null : (
        <Text slot="description" className="field-description">
          {props.description}
        </Text>
      )}
      <FieldError className="field-error">{t(fieldErrorKey(fieldState.error?.message))}</FieldError>
    </TextField>
  );
}
