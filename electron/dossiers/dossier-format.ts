import { type DatePrecision, type VocabularyName } from '../../shared/vocabularies';
import { type DossierLanguage, type Say, sayIn } from './dossier-strings';
import { labelsIn, type Label } from './vocabulary-labels';

/** Wording helpers for one language: strings, labels, dates, places, sizes. */
export interface Format {
  language: DossierLanguage;
  say: Say;
  label: Label;
  labels(vocabulary: VocabularyName, codes: readonly string[]): string;
  /** A stored YYYY-MM-DD date as the language writes it, no more precise than recorded. */
  date(value: string, precision?: DatePrecision): string;
  /** Municipality level at most: exact places are a separate, sensitive field. */
  place(parts: {
    country: string | null;
    department: string | null;
    municipality: string | null;
  }): string;
  size(bytes: number): string;
}

const LOCALES: Record<DossierLanguage, string> = { es: 'es-MX', en: 'en-GB' };

export function formatIn(language: DossierLanguage): Format {
  const locale = LOCALES[language];
  const say = sayIn(language);
  const label = labelsIn(language);
  // Stored dates are calendar dates: format them in UTC so no time zone shifts the day.
  const styles = {
    exact: new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }),
    month: new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }),
    year: new Intl.DateTimeFormat(locale, { year: 'numeric', timeZone: 'UTC' }),
  };
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  return {
    language,
    say,
    label,
    labels: (vocabulary, codes) => codes.map((code) => label(vocabulary, code)).join(', '),
    date(value, precision = 'exact') {
      const day = new Date(`${value.slice(0, 10)}T00:00:00Z`);
      if (Number.isNaN(day.getTime())) return value;
      switch (precision) {
        case 'exact':
          return styles.exact.format(day);
        case 'approximate':
          return `${say('approximately')} ${styles.exact.format(day)}`;
        case 'day_unknown':
          return styles.month.format(day);
        case 'month_and_day_unknown':
          return styles.year.format(day);
      }
    },
    place({ country, department, municipality }) {
      const parts = [municipality, department, country ? label('country', country) : null];
      return parts.filter((p): p is string => Boolean(p)).join(', ');
    },
    size(bytes) {
      if (bytes < 1024) return `${bytes} B`;
      if (bytes < 1024 ** 2) return `${number.format(bytes / 1024)} KiB`;
      return `${number.format(bytes / 1024 ** 2)} MiB`;
    },
  };
}
