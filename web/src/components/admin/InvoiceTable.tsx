import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Invoice } from '../../api/partners.ts';
import { useCheckTypesLabel } from '../../hooks/use-check-types-label.ts';
import { useLanguage } from '../../hooks/use-language.ts';
import { usePurposeLabel } from '../../hooks/use-purpose-label.ts';
import { formatCount, formatMonth, formatVnd } from '../../i18n/format.ts';

/**
 * A month's invoice: one line per purpose, channel and combination of check types (checks × unit price), and the
 * total, in đồng.
 */
export function InvoiceTable({ invoice }: { invoice: Invoice }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const purposeLabel = usePurposeLabel();
  const checkTypesLabel = useCheckTypesLabel();
  return (
    <Table.ScrollContainer minWidth={560} type="native">
      <Table captionSide="top" striped>
        <Table.Caption ta="start">
          {t('invoice.caption', { partner: invoice.partnerName, month: formatMonth(invoice.month, language) })}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('invoice.purpose')}</Table.Th>
            <Table.Th scope="col">{t('invoice.channel')}</Table.Th>
            <Table.Th scope="col">{t('invoice.checkTypes')}</Table.Th>
            <Table.Th scope="col" ta="end">
              {t('invoice.checks')}
            </Table.Th>
            <Table.Th scope="col" ta="end">
              {t('invoice.unitPrice')}
            </Table.Th>
            <Table.Th scope="col" ta="end">
              {t('invoice.amount')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {invoice.lines.map((line, index) => (
            // A contract changed within the month can repeat a purpose, channel and check types at one price.
            // biome-ignore lint/suspicious/noArrayIndexKey: the lines are only ever replaced whole
            <Table.Tr key={index}>
              <Table.Th scope="row" fw={400}>
                {purposeLabel(line.purpose, line.purposeLabel)}
              </Table.Th>
              <Table.Td>{t(`invoice.channels.${line.channel}`)}</Table.Td>
              <Table.Td>{checkTypesLabel(line.checkTypes)}</Table.Td>
              <Table.Td ta="end">{formatCount(line.checks, language)}</Table.Td>
              <Table.Td ta="end">{formatVnd(line.unitPriceVnd, language)}</Table.Td>
              <Table.Td ta="end">{formatVnd(line.amountVnd, language)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th scope="row" colSpan={5}>
              {t('invoice.total')}
            </Table.Th>
            <Table.Th ta="end">{formatVnd(invoice.totalVnd, language)}</Table.Th>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Table.ScrollContainer>
  );
}
