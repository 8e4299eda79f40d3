import { useTranslation } from 'react-i18next';
import { PURPOSE_CODES, type PurposeCode } from '../api/partners.ts';

const isPurpose = (code: string): code is PurposeCode => (PURPOSE_CODES as readonly string[]).includes(code);

/**
 * The label of a verification purpose in the app's language; `fallback` (the server's Vietnamese label) for a
 * code the app does not know yet.
 */
export function usePurposeLabel(): (code: string, fallback: string) => string {
  const { t } = useTranslation();
  return (code, fallback) => (isPurpose(code) ? t(`purposes.${code}`) : fallback);
}
