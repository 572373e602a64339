import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { type Language } from '../../../shared/preferences';
import en from '../../../shared/locales/en.json';
import es from '../../../shared/locales/es.json';

/** Spanish until `app.status` says otherwise: main picks the default from the OS locale. */
export const FALLBACK_LANGUAGE: Language = 'es';

export const i18n = i18next.createInstance();

// Resources are bundled, so initialisation is synchronous and the first render is translated.
void i18n.use(initReactI18next).init({
  resources: { es: { translation: es }, en: { translation: en } },
  lng: FALLBACK_LANGUAGE,
  fallbackLng: FALLBACK_LANGUAGE,
  supportedLngs: ['es', 'en'],
  initAsync: false,
  // React already escapes text; escaping twice would show entities.
  interpolation: { escapeValue: false },
  returnEmptyString: false,
});

document.documentElement.lang = FALLBACK_LANGUAGE;

/** Switch the interface language and the document's `lang` (screen readers pick the voice from it). */
export async function applyLanguage(language: Language): Promise<void> {
  document.documentElement.lang = language;
  await i18n.changeLanguage(language);
}
