import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * The renderer's own catalogues: tests look for the text the user sees, by key, so rewording a
 * message does not break a test but showing the wrong message does.
 */
type Catalogue = { [key: string]: string | Catalogue };
export type Language = 'es' | 'en';

const catalogues = new Map<Language, Catalogue>();

function catalogue(language: Language): Catalogue {
  let found = catalogues.get(language);
  if (found === undefined) {
    const file = resolve(__dirname, '..', '..', '..', 'shared', 'locales', `${language}.json`);
    found = JSON.parse(readFileSync(file, 'utf8')) as Catalogue;
    catalogues.set(language, found);
  }
  return found;
}

export function t(
  language: Language,
  key: string,
  values: Record<string, string | number> = {},
): string {
  let node: string | Catalogue | undefined = catalogue(language);
  for (const part of key.split('.')) {
    node = typeof node === 'object' ? node[part] : undefined;
  }
  // i18next's plural forms: `key_one`, `key_other`… chosen by the language's rules.
  if (node === undefined && typeof values['count'] === 'number') {
    const form = new Intl.PluralRules(language).select(values['count']);
    node = t(language, `${key}_${form}`, values);
  }
  if (typeof node !== 'string') throw new Error(`No ${language} text for ${key}`);
  return node.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

/** A text with `{{name}}` placeholders as a RegExp whose groups capture the placeholders. */
export function pattern(language: Language, key: string): RegExp {
  const text = t(language, key);
  const parts = text.split(/\{\{\s*\w+\s*\}\}/);
  return new RegExp(
    `^${parts.map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('(.+?)')}$`,
  );
}

/** Bound to one language, for brevity in specs. */
export function translator(language: Language) {
  return (key: string, values?: Record<string, string | number>) => t(language, key, values);
}
