import { Anchor, Badge, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { QueueItem } from '../../api/services-model.ts';
import { useLanguage } from '../../hooks/use-language.ts';
import { useLocalized } from '../../hooks/use-localized.ts';
import { formatDay, formatInstant } from '../../i18n/format.ts';
import { officerDossierPath } from '../../officer-paths.ts';
import { OverdueBadge, StepStateBadge } from '../dossier/DossierStateBadge.tsx';

/** The agency's work queue: one row per step waiting, with its time left in working days. */
export function QueueTable({ items }: { items: readonly QueueItem[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const localized = useLocalized();
  return (
    <Table.ScrollContainer minWidth={880} type="native">
      <Table captionSide="top" striped>
        <Table.Caption ta="start">{t('queue.caption', { count: items.length })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('dossiers.receiptCode')}</Table.Th>
            <Table.Th scope="col">{t('queue.procedure')}</Table.Th>
            <Table.Th scope="col">{t('dossiers.state')}</Table.Th>
            <Table.Th scope="col">{t('dossiers.receivedAt')}</Table.Th>
            <Table.Th scope="col">{t('dossiers.dueOn')}</Table.Th>
            <Table.Th scope="col">{t('queue.timeLeft')}</Table.Th>
            <Table.Th scope="col">{t('queue.claimedBy')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={`${item.dossierId}:${item.step}`}>
              <Table.Th scope="row" fw={400}>
                <Anchor component={Link} to={officerDossierPath(item.dossierId)} ff="monospace">
                  {item.receiptCode}
                </Anchor>
              </Table.Th>
              <Table.Td>
                <Text fz="sm">{localized(item.procedureName)}</Text>
                <Text fz="xs" c="dimmed">
                  {localized(item.stepTitle)}
                </Text>
              </Table.Td>
              <Table.Td>
                <StepStateBadge state={item.state} />
              </Table.Td>
              <Table.Td>{item.receivedAt ? formatInstant(item.receivedAt, language) : t('common.none')}</Table.Td>
              <Table.Td>{item.dueOn ? formatDay(item.dueOn, language) : t('common.none')}</Table.Td>
              <Table.Td>
                <Group gap={6}>
                  {item.overdue ? (
                    <OverdueBadge />
                  ) : item.workingDaysLeft === null ? (
                    t('common.none')
                  ) : (
                    <Badge color={item.workingDaysLeft === 0 ? 'orange.9' : 'gray.7'} variant="light" tt="none">
                      {t('queue.daysLeft', { count: item.workingDaysLeft })}
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>{item.claimedBy ?? t('queue.unclaimed')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
