import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CivilEvent } from '../../api/registry-model.ts';
import { useLanguage } from '../../hooks/use-language.ts';
import { useRegistryLabels } from '../../hooks/use-registry-labels.ts';
import { formatDay, formatInstant } from '../../i18n/format.ts';
import { RecordSection } from './RecordSection.tsx';

/** The civil-status and residence events up to the day: when they happened, what, and when recorded. */
export function EventsSection({ events, asOf }: { events: readonly CivilEvent[]; asOf: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const labels = useRegistryLabels();
  return (
    <RecordSection id="events-title" title={t('person.events.title')}>
      {events.length === 0 ? (
        <Text>{t('person.events.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={560} type="native">
          <Table captionSide="top">
            <Table.Caption ta="start">{t('person.events.caption', { date: formatDay(asOf, language) })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('person.events.date')}</Table.Th>
                <Table.Th scope="col">{t('person.events.kind')}</Table.Th>
                <Table.Th scope="col">{t('person.events.recordedAt')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {events.map((event) => (
                <Table.Tr key={event.id}>
                  <Table.Td>{formatDay(event.occurredOn, language)}</Table.Td>
                  <Table.Th scope="row" fw={400}>
                    {labels.eventKind(event.kind)}
                  </Table.Th>
                  <Table.Td>{formatInstant(event.recordedAt, language)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </RecordSection>
  );
}
