import {
  Button,
  FieldError,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Select,
  SelectValue,
  Text,
} from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { fieldErrorKey } from '../../forms/field-errors';

/** The key of the "not recorded" choice in a nullable select (codes are never this). */
export const NONE = '__none';

export interface Choice {
  id: string;
  label: string;
}

/**
 * A react-aria Select over a fixed list of choices (vocabulary codes, people, sort orders).
 * `null` is offered as the choice `noneLabel` when given.
 */
export function CodeSelect(props: {
  label: string;
  choices: readonly Choice[];
  value: string | null;
  onChange: (value: string | null) => void;
  onBlur?: () => void;
  noneLabel?: string;
  description?: string;
  errorMessage?: string;
  isDisabled?: boolean;
  name?: string;
}) {
  const { t } = useTranslation();
  const items =
    props.noneLabel === undefined
      ? props.choices
      : [{ id: NONE, label: props.noneLabel }, ...props.choices];
  return (
    <Select
      className="field select"
      name={props.name}
      selectedKey={props.value ?? (props.noneLabel === undefined ? null : NONE)}
      onSelectionChange={(key) => {
        const id = key === null ? null : String(key);
        props.onChange(id === NONE ? null : id);
      }}
      onBlur={props.onBlur}
      isInvalid={props.errorMessage !== undefined}
      isDisabled={props.isDisabled}
      validationBehavior="aria"
      placeholder={t('records.choose')}
    >
      <Label className="field-label">{props.label}</Label>
      <Button className="select-button">
        <SelectValue />
        <span aria-hidden="true" className="select-arrow">
          ▾
        </span>
      </Button>
      {props.description === undefined ? null : (
        <Text slot="description" className="field-description">
          {props.description}
        </Text>
      )}
      <FieldError className="field-error">
        {props.errorMessage === undefined ? null : t(fieldErrorKey(props.errorMessage))}
      </FieldError>
      <Popover className="select-popover">
        <ListBox className="select-list" items={items}>
          {(item) => (
            <ListBoxItem id={item.id} className="select-option" textValue={item.label}>
              {item.label}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </Select>
  );
}
