import { Anchor, Group, Loader, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Invoice, UsageReport } from '../../api/partners.ts';
import type { AsyncState } from '../../hooks/use-async.ts';
import { useLanguage } from '../../hooks/use-language.ts';
import { formatMonth, shiftMonth } from '../../i18n/format.ts';
import { ProblemAlert } from '../ProblemAlert.tsx';
import { RecordSection } from '../person/RecordSection.tsx';
import { InvoiceTable } from './InvoiceTable.tsx';
import { UsageView } from './UsageView.tsx';

/**
 * A partner's month of checks and its invoice, with links to the months before and after: the page an
 * administrator sees of any partner and a partner's staff of their own.
 */
export function MonthUsage(props: {
  title: string;
  month: string;
  /** The page's address for another month. */
  pathOf: (month: string) => string;
  /** More links beside the months'. */
  links?: ReactNode;
  /** Prefix of the sections' ids. */
  sections: string;
  usage: AsyncState<UsageReport>;
  invoice: AsyncState<Invoice>;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { month, usage, invoice } = props;
  return (
    <Stack gap="lg" maw={1100}>
      <Stack gap="xs">
        <Title order={1}>{props.title}</Title>
        <Group gap="md" component="nav" aria-label={t('usage.months')}>
          <Anchor component={Link} to={props.pathOf(shiftMonth(month, -1))}>
            {t('usage.previous', { month: formatMonth(shiftMonth(month, -1), language) })}
          </Anchor>
          <Anchor component={Link} to={props.pathOf(shiftMonth(month, 1))}>
            {t('usage.next', { month: formatMonth(shiftMonth(month, 1), language) })}
          </Anchor>
          {props.links}
        </Group>
      </Stack>
      <RecordSection id={`${props.sections}usage`} title={t('usage.section')}>
        {usage.kind === 'loading' && <Loader size="sm" aria-label={t('common.loading')} />}
        {usage.kind === 'error' && <ProblemAlert problem={usage.problem} />}
        {usage.kind === 'ok' && <UsageView report={usage.value} />}
      </RecordSection>
      <RecordSection id={`${props.sections}invoice`} title={t('invoice.title')}>
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
