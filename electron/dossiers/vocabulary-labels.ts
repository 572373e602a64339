import { z } from 'zod';
import { type VocabularyName } from '../../shared/vocabularies';
import en from '../../shared/locales/en.json';
import es from '../../shared/locales/es.json';
import { type DossierLanguage } from './dossier-strings';

/**
 * Vocabulary labels for documents made in main (dossiers, statistics CSV), read from the
 * renderer's catalogs so that a code has one label in the app and in what leaves it. Only the
 * `vocab` part is used; it is checked here, since the catalogs are edited by hand.
 */
const vocabSchema = z.object({ vocab: z.record(z.string(), z.record(z.string(), z.string())) });
const catalogs = { es: vocabSchema.parse(es).vocab, en: vocabSchema.parse(en).vocab };

export type Label = (vocabulary: VocabularyName, code: string) => string;

/** A label, or the code itself when a catalog lacks one (a label test guards against that). */
export function labelsIn(language: DossierLanguage): Label {
  const vocab = catalogs[language];
  return (vocabulary, code) => vocab[vocabulary]?.[code] ?? code;
}
