import { describe, expect, it } from 'vitest';
import { vocabularies, vocabularyNames } from '../../shared/vocabularies';
import en from '../../shared/locales/en.json';
import es from '../../shared/locales/es.json';

type Catalogue = { [key: string]: unknown };

/** The label at `vocab.<name>.<code>`, or undefined when there is none (or it is not text). */
function label(catalogue: Catalogue, name: string, code: string): string | undefined {
  const vocab = catalogue['vocab'];
  if (typeof vocab !== 'object' || vocab === null) return undefined;
  const labels = (vocab as Catalogue)[name];
  if (typeof labels !== 'object' || labels === null) return undefined;
  const value = (labels as Catalogue)[code];
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** Every `vocab.<name>.<code>` a catalogue lacks. */
function missingLabels(catalogue: Catalogue): string[] {
  return vocabularyNames.flatMap((name) =>
    vocabularies[name]
      .filter((code) => label(catalogue, name, code) === undefined)
      .map((code) => `vocab.${name}.${code}`),
  );
}

/** Labels for codes no vocabulary has (a renamed code leaves its old label behind). */
function strayLabels(catalogue: Catalogue): string[] {
  const vocab = (catalogue['vocab'] ?? {}) as Record<string, Record<string, unknown>>;
  return Object.entries(vocab).flatMap(([name, labels]) => {
    const codes: readonly string[] | undefined = (
      vocabularies as Record<string, readonly string[]>
    )[name];
    return Object.keys(labels)
      .filter((code) => codes === undefined || !codes.includes(code))
      .map((code) => `vocab.${name}.${code}`);
  });
}

describe('vocabulary labels', () => {
  it('label every code of every vocabulary in Spanish and English', () => {
    expect({ es: missingLabels(es), en: missingLabels(en) }).toEqual({ es: [], en: [] });
  });

  it('have no labels for codes that no vocabulary has', () => {
    expect({ es: strayLabels(es), en: strayLabels(en) }).toEqual({ es: [], en: [] });
  });

  it('give distinct labels within one vocabulary, so a list never shows two alike', () => {
    for (const [language, catalogue] of Object.entries({ es, en })) {
      for (const name of vocabularyNames) {
        const labels = vocabularies[name].map((code) => label(catalogue, name, code));
        expect(new Set(labels).size, `${language} ${name}`).toBe(labels.length);
      }
    }
  });

  it('would notice a missing label (self-check)', () => {
    const planted = { vocab: { urgency: { low: 'Baja', medium: 'Media', high: '' } } };
    const missing = missingLabels(planted);
    expect(missing).toContain('vocab.urgency.high');
    expect(missing).toContain('vocab.urgency.critical');
    expect(missing).toContain('vocab.country.MX');
    expect(missing).not.toContain('vocab.urgency.low');
  });
});
