import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Address, UnitName } from '../../api/registry-model.ts';

/** `Phường 12, Quận Gò Vấp, Thành phố Hồ Chí Minh` (the district only where the unit had one). */
function unitText(unit: UnitName): string {
  return [unit.communeName, unit.districtName, unit.provinceName].filter(Boolean).join(', ');
}

/** A current unit, without its province when that is the recorded one's. */
function currentText(unit: UnitName, recorded: UnitName): string {
  return unit.provinceName === recorded.provinceName ? unit.communeName : `${unit.communeName}, ${unit.provinceName}`;
}

/**
 * An address as recorded, with the unit names of its day, followed by the unit(s) it belongs to today when
 * the administrative map has changed since (the 2025 reform merged communes and removed districts).
 */
export function AddressText({ address }: { address: Address }) {
  const { t } = useTranslation();
  const { recorded, current } = address;
  const changed = current.length > 0 && current.some((unit) => unit.communeId !== recorded.communeId);
  return (
    <>
      <Text fz="sm">{[address.addressLine, unitText(recorded)].filter(Boolean).join(', ')}</Text>
      {changed && (
        <Text fz="sm" c="dimmed">
          <span aria-hidden>→ </span>
          {t('person.address.today', {
            units: current.map((unit) => currentText(unit, recorded)).join(t('person.address.or')),
          })}
        </Text>
      )}
    </>
  );
}
