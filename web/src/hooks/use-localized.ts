import type { Localized } from '../api/services-model.ts';
import { useLanguage } from './use-language.ts';

/** Picks the reader's language out of a text the API gives in both. */
export function useLocalized(): (text: Localized) => string {
  const language = useLanguage();
  return (text) => text[language] || text.vi;
}
