import { Badge, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Contract } from '../../api/partners.ts';
import { useLanguage } from '../../hooks/use-language.ts';
import { usePurposeLabel } from '../../hooks/use-purpose-label.ts';
import { formatCount, formatDay, formatVnd, todayInVietnam } from '../../i18n/format.ts';

/** The contract in force today: the latest to start on or before today that has not ended (as the server reads it). */
function inForceToday(contracts: readonly Contract[]): Contract | undefined {
  const today = todayInVietnam();
  let found: Contract | undefined;
  for (const contract of contracts) {
    if (contract.validFrom <= today && (contract.validUntil === null || contract.validUntil >= today)) found = contract;
  }
  return found;
}

/** A partner's contracts, oldest first, the one in force today marked. */
export function ContractsTable({ contracts }: { contracts: readonly Contract[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const purposeLabel = usePurposeLabel();
  const current = inForceToday(contracts);
  return (
    <Table.ScrollContainer minWidth={900} type="native">
      <Table captionSide="top" striped>
        <Table.Caption ta="start">{t('contracts.caption', { count: contracts.length })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('contracts.validity')}</Table.Th>
            <Table.Th scope="col">{t('contracts.purposes')}</Table.Th>
            <Table.Th scope="col">{t('contracts.checkTypes')}</Table.Th>
            <Table.Th scope="col">{t('contracts.onlinePrice')}</Table.Th>
            <Table.Th scope="col">{t('contracts.batchPrice')}</Table.Th>
            <Table.Th scope="col">{t('contracts.monthlyQuota')}</Table.Th>
            <Table.Th scope="col">{t('contracts.ratePerSecond')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {contracts.map((contract) => (
            <Table.Tr key={contract.id}>
              <Table.Th scope="row" fw={400}>
                {contract.validUntil
                  ? t('contracts.fromUntil', {
                      from: formatDay(contract.validFrom, language),
                      until: formatDay(contract.validUntil, language),
                    })
                  : t('contracts.from', { from: formatDay(contract.validFrom, language) })}
                {contract === current && (
                  <Badge ml="xs" color="green.9" variant="light">
                    {t('contracts.inForce')}
                  </Badge>
                )}
              </Table.Th>
              <Table.Td>
                {contract.purposes.map((purpose) => purposeLabel(purpose.code, purpose.label)).join('; ')}
              </Table.Td>
              <Table.Td>{contract.checkTypes.map((type) => t(`contracts.types.${type}`)).join(', ')}</Table.Td>
              <Table.Td>{formatVnd(contract.onlinePriceVnd, language)}</Table.Td>
              <Table.Td>{formatVnd(contract.batchPriceVnd, language)}</Table.Td>
              <Table.Td>{formatCount(contract.monthlyQuota, language)}</Table.Td>
              <Table.Td>{formatCount(contract.ratePerSecond, language)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
