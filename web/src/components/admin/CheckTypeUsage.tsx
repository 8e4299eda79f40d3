import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CHECK_TYPES, type UsageReport } from '../../api/partners.ts';
import { useLanguage } from '../../hooks/use-language.ts';
import { formatCount } from '../../i18n/format.ts';

/** The month's checks that compared each check type; a check of several types counts under each. */
export function CheckTypeUsage({ report }: { report: UsageReport }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Table captionSide="top" striped maw={480}>
      <Table.Caption ta="start">{t('usage.byCheckType')}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('usage.checkType')}</Table.Th>
          <Table.Th scope="col" ta="end">
            {t('usage.checks')}
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {CHECK_TYPES.map((type) => (
          <Table.Tr key={type}>
            <Table.Th scope="row" fw={400}>
              {t(`contracts.types.${type}`)}
            </Table.Th>
            <Table.Td ta="end">{formatCount(report.byCheckType[type], language)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
