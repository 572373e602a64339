import { type Language } from '../../shared/preferences';

/**
 * The language before the user picks one: English when the system prefers English, else Spanish
 * (the networks Resguardo serves work mostly in Spanish). Electron-free so it is tested directly.
 */
export function defaultLanguageFrom(systemLanguages: readonly string[], locale: string): Language {
  const first = systemLanguages[0] ?? locale;
  return first.toLowerCase().startsWith('en') ? 'en' : 'es';
}
