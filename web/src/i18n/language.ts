/** The languages of the web app: Vietnamese first, English second (DESIGN.md §3, Languages). */
export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Shown to anyone who has not chosen, whatever their browser prefers. */
export const DEFAULT_LANGUAGE: Language = 'vi';

const STORAGE_KEY = 'dancu.language';

export function isLanguage(value: unknown): value is Language {
  return LANGUAGES.includes(value as Language);
}

/** The language chosen earlier on this browser, or {@link DEFAULT_LANGUAGE}. */
export function storedLanguage(): Language {
  const stored = readStorage();
  return isLanguage(stored) ? stored : DEFAULT_LANGUAGE;
}

/** Remembers the choice for the next visit; a browser that refuses storage just forgets it. */
export function rememberLanguage(language: Language): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Storage disabled (private mode, policy): the choice lasts for this page only.
  }
}

function readStorage(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}
