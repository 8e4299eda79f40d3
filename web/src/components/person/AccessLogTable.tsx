import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AccessLogItem } from '../../api/registry-model.ts';
import { useLanguage } from '../../hooks/use-language.ts';
import { useRegistryLabels } from '../../hooks/use-registry-labels.ts';
import { formatInstant } from '../../i18n/format.ts';

/** Rows of a person's access history: when, who, what, why and through which channel. */
export function AccessLogTable({ items }: { items: readonly AccessLogItem[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const labels = useRegistryLabels();
  return (
    <Table.ScrollContainer minWidth={720} type="native">
      <Table captionSide="top" striped>
        <Table.Caption ta="start">{t('person.accessLog.caption', { count: items.length })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('person.accessLog.at')}</Table.Th>
            <Table.Th scope="col">{t('person.accessLog.who')}</Table.Th>
            <Table.Th scope="col">{t('person.accessLog.action')}</Table.Th>
            <Table.Th scope="col">{t('person.accessLog.purpose')}</Table.Th>
            <Table.Th scope="col">{t('person.accessLog.channel')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={`${item.id}.${item.item ?? 0}`}>
              <Table.Th scope="row" fw={400}>
                {formatInstant(item.at, language)}
              </Table.Th>
              <Table.Td>
                {t('person.accessLog.actor', {
                  name: item.actorName ?? item.actorId,
                  kind: labels.actorKind(item.actorKind),
                })}
              </Table.Td>
              <Table.Td>{labels.accessAction(item.action)}</Table.Td>
              <Table.Td>{labels.purpose(item.purpose)}</Table.Td>
              <Table.Td>{labels.channel(item.channel)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
