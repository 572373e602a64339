import { useTranslation } from 'react-i18next';

/** Numbers and dates in the current interface language, through `Intl`. */
export function useFormat(): {
  number: (value: number) => string;
  date: (value: Date) => string;
} {
  const { i18n } = useTranslation();
  const locale = i18n.language;
  return {
    number: (value) => new Intl.NumberFormat(locale).format(value),
    date: (value) => new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(value),
  };
}
