import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { vocabularies, type VocabularyName } from '../../../shared/vocabularies';

export type VocabLabel = (name: VocabularyName, code: string) => string;

/**
 * Labels for stored codes, in the current language (`vocab.<name>.<code>`). The unit test
 * `vocabulary-labels.test.ts` fails when a code has no label, so no code reaches the screen raw.
 */
export function useVocab(): VocabLabel {
  const { t } = useTranslation();
  return useCallback((name, code) => t(`vocab.${name}.${code}`), [t]);
}

/** The codes of a vocabulary, in their defined order (urgency rises, countries by region). */
export function codesOf(name: VocabularyName): readonly string[] {
  return vocabularies[name];
}
