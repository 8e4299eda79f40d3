import { useTranslation } from 'react-i18next';
import type { CheckType } from '../api/partners.ts';

/** Names a combination of check types in the app's language (`Nhân thân, Thẻ căn cước`); `—` for none. */
export function useCheckTypesLabel(): (types: readonly CheckType[]) => string {
  const { t } = useTranslation();
  return (types) => (types.length === 0 ? '—' : types.map((type) => t(`contracts.types.${type}`)).join(', '));
}
