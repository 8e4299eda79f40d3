import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MyAccount } from '../../api/me.ts';
import { useLanguage } from '../../hooks/use-language.ts';
import { formatDay } from '../../i18n/format.ts';
import { RecordSection } from '../person/RecordSection.tsx';

/** Who the account is for, its level and whether it is locked. */
export function AccountSummary({ account }: { account: MyAccount }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const day = (instant: string) => formatDay(instant.slice(0, 10), language);
  const level =
    account.level === 2
      ? account.level2At
        ? t('account.summary.level2Since', { date: day(account.level2At) })
        : t('account.summary.level2')
      : t('account.summary.level1');
  const status =
    account.status === 'active'
      ? t('account.summary.active')
      : account.lockedReason
        ? t('account.summary.lockedBecause', { reason: t(`labels.lockedReason.${account.lockedReason}`) })
        : t('account.summary.locked');
  const rows: [string, string][] = [
    [t('account.summary.fullName'), account.fullName],
    [t('account.summary.personalId'), account.personalId],
    [t('account.summary.level'), level],
    [t('account.summary.status'), status],
    [t('account.summary.phone'), account.phone],
    [t('account.summary.email'), account.email ?? t('common.none')],
    [t('account.summary.createdAt'), day(account.createdAt)],
  ];
  return (
    <RecordSection id="account-summary" title={t('account.summary.title')}>
      <Table withTableBorder variant="vertical" layout="fixed" maw={720}>
        <Table.Caption>{t('account.summary.caption')}</Table.Caption>
        <Table.Tbody>
          {rows.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th scope="row" w={220}>
                {label}
              </Table.Th>
              <Table.Td>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </RecordSection>
  );
}
