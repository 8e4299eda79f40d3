import { useTranslation } from 'react-i18next';
import { currentLanguage, type Language } from '../i18n/index.ts';

/** The language shown; re-renders when it changes. */
export function useLanguage(): Language {
  useTranslation();
  return currentLanguage();
}
