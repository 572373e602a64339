import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { type DatePrecision } from '../../../shared/vocabularies';

export interface Formatter {
  number: (value: number) => string;
  date: (value: Date) => string;
  /** A calendar date as stored (YYYY-MM-DD), shown as far as its precision allows. */
  day: (value: string, precision?: DatePrecision) => string;
  /** A moment (ISO timestamp), with the time. */
  moment: (value: string) => string;
  /** A file size in bytes, kB, MB or GB. */
  bytes: (value: number) => string;
  /** Names joined as the language does ("A, B y C"). */
  list: (values: readonly string[]) => string;
}

/** Calendar dates carry no time zone: read and show them in UTC so they never shift a day. */
function utcDate(value: string): Date | null {
  const date = new Date(`${value.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** Numbers and dates in the current interface language, through `Intl`. */
export function useFormat(): Formatter {
  const { i18n } = useTranslation();
  const locale = i18n.language;
  return useMemo(() => {
    const dayFormat = (options: Intl.DateTimeFormatOptions) =>
      new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
    const full = dayFormat({ dateStyle: 'long' });
    const monthYear = dayFormat({ month: 'long', year: 'numeric' });
    const year = dayFormat({ year: 'numeric' });
    const moment = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
    const list = new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' });
    return {
      number: (value) => new Intl.NumberFormat(locale).format(value),
      date: (value) => new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(value),
      day: (value, precision = 'exact') => {
        const date = utcDate(value);
        if (date === null) return value;
        if (precision === 'month_and_day_unknown') return year.format(date);
        if (precision === 'day_unknown') return monthYear.format(date);
        return full.format(date);
      },
      moment: (value) => {
        const date = new Date(value);
        return Number.isNaN(date.getTime()) ? value : moment.format(date);
      },
      bytes: (value) => {
        let size = value;
        let unit = 0;
        while (size >= 1000 && unit < units.length - 1) {
          size /= 1000;
          unit += 1;
        }
        return new Intl.NumberFormat(locale, {
          style: 'unit',
          unit: units[unit],
          unitDisplay: 'short',
          maximumFractionDigits: unit === 0 ? 0 : 1,
        }).format(size);
      },
      list: (values) => list.format(values),
    };
  }, [locale]);
}
