import { useId, useState } from 'react';
import { CheckboxGroup, FieldError, Input, Label, SearchField, Text } from 'react-aria-components';
import { useController, type Control, type FieldValues, type Path } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { SHORT_TEXT_MAX } from '../../../shared/contract/record-fields';
import { ErrorAlert } from '../components/ErrorAlert';
import { CheckboxBox } from '../components/fields/VocabCheckboxes';
import { fieldErrorKey } from '../forms/field-errors';
import { useDebouncedValue } from '../hooks/use-debounced-value';
import { type CaseMatches, useCaseMatches } from './use-case-matches';
import { useChosenCases } from './use-chosen-cases';

/** Long enough to let a word be typed, short enough that the list follows the typing. */
const SETTLE_MS = 250;

type Translate = ReturnType<typeof useTranslation>['t'];

function summary(t: Translate, found: CaseMatches | null): string | null {
  if (found === null) return null;
  const shown = found.matches.length;
  if (found.query === '') {
    return found.more
      ? t('handoff.export.recentSome', { shown, total: found.total ?? shown })
      : t('handoff.export.recentAll', { count: shown });
  }
  if (shown === 0) return t('handoff.export.noMatches');
  return found.more
    ? t('handoff.export.matchesMore', { count: shown })
    : t('handoff.export.matches', { count: shown });
}

/**
 * Cases to export, chosen by search: the list narrows as the user types (debounced; Enter
 * searches at once, Escape clears), ticked cases stay ticked and listed whatever the search,
 * and a live count says how many are chosen. Kept mounted while hidden, so flipping "what to
 * send" back and forth loses neither the search nor the titles of what was ticked.
 */
export function CaseChoices<T extends FieldValues>(props: {
  control: Control<T>;
  name: Path<T>;
  hidden: boolean;
  isDisabled?: boolean;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [settled, settleNow] = useDebouncedValue(text, SETTLE_MS);
  const { found, error } = useCaseMatches(settled);
  const { field, fieldState } = useController({ control: props.control, name: props.name });
  const chosen: string[] = Array.isArray(field.value) ? (field.value as string[]) : [];
  const { others, noteChange } = useChosenCases(found, chosen);
  const othersLabel = useId();
  const empty = found?.query === '' && found.total === 0;

  return (
    <div className="case-choices" hidden={props.hidden}>
      <ErrorAlert error={error} />
      <SearchField
        className="field search-field"
        value={text}
        onChange={setText}
        onSubmit={settleNow}
        onClear={() => settleNow('')}
        isDisabled={props.isDisabled}
      >
        <Label className="field-label">{t('handoff.export.searchLabel')}</Label>
        <Input className="field-input" maxLength={SHORT_TEXT_MAX} />
        <Text slot="description" className="field-description">
          {t('handoff.export.searchHelp')}
        </Text>
      </SearchField>
      <p role="status" className="list-count">
        {empty ? t('handoff.export.noCases') : summary(t, found)}
      </p>
      <CheckboxGroup
        className="field checkbox-group"
        name={field.name}
        value={chosen}
        onChange={(next) => {
          noteChange(next);
          field.onChange(next);
        }}
        onBlur={field.onBlur}
        isInvalid={fieldState.invalid}
        isDisabled={props.isDisabled}
        validationBehavior="aria"
      >
        <Label className="field-label">{t('handoff.export.casesLabel')}</Label>
        <p role="status" className="field-description">
          {t('handoff.export.chosenCount', { count: chosen.length })}
        </p>
        <div className="checkbox-list">
          {(found?.matches ?? []).map((match) => (
            <CheckboxBox key={match.id} value={match.id} label={match.label} />
          ))}
        </div>
        {others.length === 0 ? null : (
          <div role="group" aria-labelledby={othersLabel} className="case-choices">
            <p id={othersLabel} className="field-label">
              {t('handoff.export.chosenElsewhere')}
            </p>
            <div className="checkbox-list">
              {others.map((other) => (
                <CheckboxBox key={other.id} value={other.id} label={other.label} />
              ))}
            </div>
          </div>
        )}
        <FieldError className="field-error">
          {t(fieldErrorKey(fieldState.error?.message))}
        </FieldError>
      </CheckboxGroup>
    </div>
  );
}
