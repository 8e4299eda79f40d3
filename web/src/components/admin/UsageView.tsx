import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { UsageReport } from '../../api/partners.ts';
import { useLanguage } from '../../hooks/use-language.ts';
import { daysOfMonth, formatCount } from '../../i18n/format.ts';
import { CheckTypeUsage } from './CheckTypeUsage.tsx';
import { UsageChart } from './UsageChart.tsx';
import { UsageTable } from './UsageTable.tsx';

/** A month's usage: its total, a bar per day, the table by day and purpose, and the checks of each type. */
export function UsageView({ report }: { report: UsageReport }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const counts = new Map<string, number>();
  for (const line of report.lines) counts.set(line.period, (counts.get(line.period) ?? 0) + line.checks);
  return (
    <Stack gap="sm">
      <Text>{t('usage.total', { total: formatCount(report.total, language) })}</Text>
      <UsageChart days={daysOfMonth(report.month)} counts={counts} />
      {report.lines.length === 0 ? (
        <Text>{t('usage.empty')}</Text>
      ) : (
        <>
          <UsageTable report={report} />
          <CheckTypeUsage report={report} />
        </>
      )}
    </Stack>
  );
}
