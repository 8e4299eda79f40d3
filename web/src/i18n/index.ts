import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import {
  DEFAULT_LANGUAGE,
  isLanguage,
  LANGUAGES,
  type Language,
  rememberLanguage,
  storedLanguage,
} from './language.ts';
import vi from './vi.json';

/**
 * Bundled translations, one namespace (`translation`). Vietnamese is the reference: English must carry
 * every key it has, which `satisfies` checks at compile time. Add a page's keys to both files.
 */
export const resources = {
  vi: { translation: vi },
  en: { translation: en satisfies typeof vi },
} as const;

i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});

void i18n.use(initReactI18next).init({
  resources,
  lng: storedLanguage(),
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: LANGUAGES,
  // React escapes what it renders.
  interpolation: { escapeValue: false },
  // Resources are bundled: initialise synchronously so that the first render is already translated.
  initAsync: false,
});

/** The language currently shown. */
export function currentLanguage(): Language {
  return isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : DEFAULT_LANGUAGE;
}

/** Switches the app to `language` and remembers the choice on this browser. */
export async function chooseLanguage(language: Language): Promise<void> {
  rememberLanguage(language);
  await i18n.changeLanguage(language);
}

export { LANGUAGES, type Language } from './language.ts';
export default i18n;
