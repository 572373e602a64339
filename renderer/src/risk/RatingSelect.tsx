import { useId } from 'react';
import { useController, type Control, type FieldValues, type Path } from 'react-hook-form';

/** A rating on a small integer scale (1–5, 0–3) as a native select: quick from the keyboard. */
export function RatingSelect<T extends FieldValues>(props: {
  control: Control<T>;
  name: Path<T>;
  label: string;
  min: number;
  max: number;
  /** Text for each value (e.g. "3 – likely"); the number alone when absent. */
  valueLabel?: (value: number) => string;
}) {
  const id = useId();
  const {
    field: { ref, name, value: current, onChange, onBlur },
  } = useController({ control: props.control, name: props.name });
  const values: number[] = [];
  for (let value = props.min; value <= props.max; value += 1) values.push(value);
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {props.label}
      </label>
      <select
        id={id}
        name={name}
        ref={ref}
        className="field-input rating-select"
        value={String(current)}
        onChange={(event) => onChange(Number(event.target.value))}
        onBlur={onBlur}
      >
        {values.map((value) => (
          <option key={value} value={value}>
            {props.valueLabel === undefined ? String(value) : props.valueLabel(value)}
          </option>
        ))}
      </select>
    </div>
  );
}
