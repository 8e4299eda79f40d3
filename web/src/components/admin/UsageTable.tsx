import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { UsageReport } from '../../api/partners.ts';
import { useLanguage } from '../../hooks/use-language.ts';
import { usePurposeLabel } from '../../hooks/use-purpose-label.ts';
import { formatCount, formatDay } from '../../i18n/format.ts';

/** The days of the month that had checks, one column per purpose and the day's total, then the month's total. */
export function UsageTable({ report }: { report: UsageReport }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const purposeLabel = usePurposeLabel();
  const purposes = new Map<string, string>();
  const byDay = new Map<string, Map<string, number>>();
  for (const line of report.lines) {
    purposes.set(line.purpose, purposeLabel(line.purpose, line.purposeLabel));
    const day = byDay.get(line.period) ?? new Map<string, number>();
    day.set(line.purpose, (day.get(line.purpose) ?? 0) + line.checks);
    byDay.set(line.period, day);
  }
  const days = [...byDay.keys()].sort();
  const columns = [...purposes.keys()].sort();
  const sum = (counts: ReadonlyMap<string, number>) => [...counts.values()].reduce((a, b) => a + b, 0);
  return (
    <Table.ScrollContainer minWidth={480} type="native">
      <Table captionSide="top" striped>
        <Table.Caption ta="start">{t('usage.tableCaption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('usage.day')}</Table.Th>
            {columns.map((purpose) => (
              <Table.Th scope="col" key={purpose} ta="end">
                {purposes.get(purpose)}
              </Table.Th>
            ))}
            <Table.Th scope="col" ta="end">
              {t('usage.dayTotal')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {days.map((day) => {
            const counts = byDay.get(day) ?? new Map<string, number>();
            return (
              <Table.Tr key={day}>
                <Table.Th scope="row" fw={400}>
                  {formatDay(day, language)}
                </Table.Th>
                {columns.map((purpose) => (
                  <Table.Td key={purpose} ta="end">
                    {formatCount(counts.get(purpose) ?? 0, language)}
                  </Table.Td>
                ))}
                <Table.Td ta="end">{formatCount(sum(counts), language)}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th scope="row">{t('usage.monthTotal')}</Table.Th>
            {columns.map((purpose) => (
              <Table.Td key={purpose} />
            ))}
            <Table.Th ta="end">{formatCount(report.total, language)}</Table.Th>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Table.ScrollContainer>
  );
}
