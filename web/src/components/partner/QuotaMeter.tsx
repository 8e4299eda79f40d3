import { Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { QuotaStatus } from '../../api/partner-console.ts';
import { useLanguage } from '../../hooks/use-language.ts';
import { formatCount, formatMonth } from '../../i18n/format.ts';

/** "Used X of Y this month": the checks in the log, the rows reserved by unfinished batch jobs, what is left. */
export function QuotaMeter({ quota }: { quota: QuotaStatus }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const share = (count: number) => Math.min(100, (count / Math.max(1, quota.quota)) * 100);
  const figures = {
    used: formatCount(quota.used, language),
    reserved: formatCount(quota.reserved, language),
    remaining: formatCount(quota.remaining, language),
    quota: formatCount(quota.quota, language),
    month: formatMonth(quota.month, language),
  };
  return (
    <Stack gap="xs" maw={640}>
      <Text fw={600}>{t('partnerConsole.quota.used', figures)}</Text>
      <Progress.Root size="lg" aria-label={t('partnerConsole.quota.meter', figures)}>
        <Progress.Section value={share(quota.used)} color="blue.9" aria-label={t('partnerConsole.quota.usedPart')} />
        <Progress.Section
          value={Math.min(share(quota.reserved), 100 - share(quota.used))}
          color="orange.9"
          aria-label={t('partnerConsole.quota.reservedPart')}
        />
      </Progress.Root>
      <Text fz="sm">{t('partnerConsole.quota.reserved', figures)}</Text>
      <Text fz="sm">{t('partnerConsole.quota.remaining', figures)}</Text>
    </Stack>
  );
}
