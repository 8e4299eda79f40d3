import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { chooseLanguage, currentLanguage, LANGUAGES, type Language } from '../i18n/index.ts';

/** Each language is named in itself, so that a reader of either finds their own. */
const LANGUAGE_NAMES: Record<Language, string> = { vi: 'Tiếng Việt', en: 'English' };

/** Vietnamese / English switch; the choice is remembered on this browser. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const data = LANGUAGES.map((language) => ({
    value: language,
    label: <span lang={language}>{LANGUAGE_NAMES[language]}</span>,
  }));
  return (
    <SegmentedControl
      aria-label={t('app.languageSwitch')}
      size="xs"
      data={data}
      value={currentLanguage()}
      onChange={(value) => void chooseLanguage(value)}
    />
  );
}
