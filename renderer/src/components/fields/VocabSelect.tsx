import { useMemo } from 'react';
import { useController, type Control, type FieldValues, type Path } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type VocabularyName } from '../../../../shared/vocabularies';
import { codesOf, useVocab } from '../../records/vocab';
import { CodeSelect } from './CodeSelect';

/** Choices for one vocabulary, labelled in the current language. */
export function useVocabChoices(name: VocabularyName) {
  const label = useVocab();
  return useMemo(
    () => codesOf(name).map((code) => ({ id: code, label: label(name, code) })),
    [name, label],
  );
}

/** A Select of one vocabulary's codes, bound to react-hook-form; `nullable` offers "not recorded". */
export function VocabSelect<T extends FieldValues>(props: {
  control: Control<T>;
  name: Path<T>;
  vocabulary: VocabularyName;
  label: string;
  nullable?: boolean;
  description?: string;
  isDisabled?: boolean;
}) {
  const { t } = useTranslation();
  const choices = useVocabChoices(props.vocabulary);
  const { field, fieldState } = useController({ control: props.control, name: props.name });
  return (
    <CodeSelect
      name={field.name}
      label={props.label}
      choices={choices}
      value={typeof field.value === 'string' ? field.value : null}
      onChange={field.onChange}
      onBlur={field.onBlur}
      noneLabel={props.nullable === true ? t('records.notRecorded') : undefined}
      description={props.description}
      errorMessage={fieldState.error?.message}
      isDisabled={props.isDisabled}
    />
  );
}
