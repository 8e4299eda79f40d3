import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CommuneName } from '../../hooks/use-commune-names.ts';

interface CommuneCellProps {
  readonly id: string | null;
  /** Its names, once fetched; the id stands in until then. */
  readonly name: CommuneName | undefined;
}

/** A commune of permanent residence as recorded, and the unit it belongs to today when that differs. */
export function CommuneCell({ id, name }: CommuneCellProps) {
  const { t } = useTranslation();
  if (id === null) return t('common.none');
  if (!name) return id;
  return (
    <>
      {name.recorded}
      {name.current.length > 0 && (
        <Text fz="inherit" c="dimmed">
          <span aria-hidden>→ </span>
          {t('person.address.today', { units: name.current.join(t('person.address.or')) })}
        </Text>
      )}
    </>
  );
}
