import { Anchor, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { getOwnInvoice, getOwnUsage } from '../api/partner-console.ts';
import { InvoiceTable } from '../components/admin/InvoiceTable.tsx';
import { UsageView } from '../components/admin/UsageView.tsx';
import { ProblemAlert } from '../components/ProblemAlert.tsx';
import { RecordSection } from '../components/person/RecordSection.tsx';
import { useAsync } from '../hooks/use-async.ts';
import { useLanguage } from '../hooks/use-language.ts';
import { usePageTitle } from '../hooks/use-page-title.ts';
import { usePartnerConsole } from '../hooks/use-partner-console.ts';
import { formatMonth, isMonth, shiftMonth, todayInVietnam } from '../i18n/format.ts';
import { partnerConsoleUsagePath } from '../partner-paths.ts';

/**
 * The partner's own checks in a month (`?month=YYYY-MM`, this month in Vietnam by default): a bar per day, a
 * table by day and purpose, the checks of each check type, and the month's invoice in đồng.
 */
export function PartnerConsoleUsagePage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { contract: own } = usePartnerConsole();
  const asked = useSearchParams()[0].get('month') ?? '';
  const month = isMonth(asked) ? asked : todayInVietnam().slice(0, 7);
  const usage = useAsync(`own-usage:${month}`, (signal) => getOwnUsage(month, signal));
  const invoice = useAsync(`own-invoice:${month}`, (signal) => getOwnInvoice(month, signal));
  const title = t('usage.title', { partner: own.partner.name, month: formatMonth(month, language) });
  usePageTitle(title);

  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <Title order={1}>{title}</Title>
        <Group gap="md" component="nav" aria-label={t('usage.months')}>
          <Anchor component={Link} to={partnerConsoleUsagePath(shiftMonth(month, -1))}>
            {t('usage.previous', { month: formatMonth(shiftMonth(month, -1), language) })}
          </Anchor>
          <Anchor component={Link} to={partnerConsoleUsagePath(shiftMonth(month, 1))}>
            {t('usage.next', { month: formatMonth(shiftMonth(month, 1), language) })}
          </Anchor>
        </Group>
      </Stack>
      <RecordSection id="own-usage" title={t('usage.section')}>
        {usage.kind === 'loading' && <Loader size="sm" aria-label={t('common.loading')} />}
        {usage.kind === 'error' && <ProblemAlert problem={usage.problem} />}
        {usage.kind === 'ok' && <UsageView report={usage.value} />}
      </RecordSection>
      <RecordSection id="own-invoice" title={t('invoice.title')}>
        {invoice.kind === 'loading' && <Loader size="sm" aria-label={t('common.loading')} />}
        {invoice.kind === 'error' && <ProblemAlert problem={invoice.problem} />}
        {invoice.kind === 'ok' &&
          (invoice.value.lines.length === 0 ? (
            <Text>{t('invoice.empty')}</Text>
          ) : (
            <InvoiceTable invoice={invoice.value} />
          ))}
      </RecordSection>
    </Stack>
  );
}
