import { useController, type Control, type FieldValues, type Path } from 'react-hook-form';
import { CheckboxBox } from './VocabCheckboxes';

/** A yes/no field bound to react-hook-form. */
export function BooleanCheckbox<T extends FieldValues>(props: {
  control: Control<T>;
  name: Path<T>;
  label: string;
  isDisabled?: boolean;
}) {
  const { field } = useController({ control: props.control, name: props.name });
  return (
    <CheckboxBox
      label={props.label}
      isSelected={field.value === true}
      onChange={field.onChange}
      isDisabled={props.isDisabled}
    />
  );
}
