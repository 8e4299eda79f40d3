import { Table } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { PartnerEvent } from '../../api/partners.ts';
import { useLanguage } from '../../hooks/use-language.ts';
import { formatDay, formatInstant } from '../../i18n/format.ts';
import type { Language } from '../../i18n/language.ts';

/** A partner's history as the server keeps it (oldest first): what changed, when, by whom and why. */
export function PartnerHistoryTable({ events }: { events: readonly PartnerEvent[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Table.ScrollContainer minWidth={640} type="native">
      <Table captionSide="top" striped>
        <Table.Caption ta="start">{t('partner.history.caption', { count: events.length })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('partner.history.at')}</Table.Th>
            <Table.Th scope="col">{t('partner.history.what')}</Table.Th>
            <Table.Th scope="col">{t('partner.history.details')}</Table.Th>
            <Table.Th scope="col">{t('partner.history.by')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.map((event, index) => (
            // Events have no id; their order is fixed by the server.
            // biome-ignore lint/suspicious/noArrayIndexKey: the list is only ever replaced whole
            <Table.Tr key={index}>
              <Table.Th scope="row" fw={400}>
                {formatInstant(event.at, language)}
              </Table.Th>
              <Table.Td>{eventLabel(event.kind, t)}</Table.Td>
              <Table.Td>{eventDetails(event, t, language)}</Table.Td>
              <Table.Td>{event.actorId}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

const KINDS = [
  'created',
  'updated',
  'suspended',
  'reactivated',
  'contract_added',
  'staff_added',
  'staff_removed',
] as const;
type Kind = (typeof KINDS)[number];
const isKind = (kind: string): kind is Kind => (KINDS as readonly string[]).includes(kind);

function eventLabel(kind: string, t: TFunction): string {
  return isKind(kind) ? t(`partner.history.kinds.${kind}`) : kind;
}

function eventDetails(event: PartnerEvent, t: TFunction, language: Language): string {
  const { details } = event;
  const text = (name: string) => (typeof details[name] === 'string' ? (details[name] as string) : '');
  switch (event.kind) {
    case 'suspended':
    case 'reactivated':
      return t('partner.history.reason', { reason: text('reason') });
    case 'contract_added':
      return t('partner.history.contractFrom', { day: formatDay(text('validFrom'), language) });
    case 'created':
      return t('partner.history.createdFor', { clientId: text('clientId') });
    default:
      return Object.entries(details)
        .map(([name, value]) => `${name}: ${String(value)}`)
        .join(', ');
  }
}
