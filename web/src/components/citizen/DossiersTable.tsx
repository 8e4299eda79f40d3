import { Anchor, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DossierSummary } from '../../api/services-model.ts';
import { dossierPath } from '../../citizen-paths.ts';
import { useLanguage } from '../../hooks/use-language.ts';
import { useLocalized } from '../../hooks/use-localized.ts';
import { formatDay, formatInstant } from '../../i18n/format.ts';
import { DossierStateBadge, OverdueBadge } from '../dossier/DossierStateBadge.tsx';

/** The citizen's dossiers: receipt code (to the dossier), procedure, state, received and due. */
export function DossiersTable({ items }: { items: readonly DossierSummary[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const localized = useLocalized();
  return (
    <Table.ScrollContainer minWidth={720} type="native">
      <Table captionSide="top" striped>
        <Table.Caption ta="start">{t('dossiers.caption', { count: items.length })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('dossiers.receiptCode')}</Table.Th>
            <Table.Th scope="col">{t('dossiers.procedure')}</Table.Th>
            <Table.Th scope="col">{t('dossiers.state')}</Table.Th>
            <Table.Th scope="col">{t('dossiers.submittedAt')}</Table.Th>
            <Table.Th scope="col">{t('dossiers.dueOn')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((dossier) => (
            <Table.Tr key={dossier.id}>
              <Table.Th scope="row" fw={400}>
                <Anchor component={Link} to={dossierPath(dossier.id)} ff="monospace">
                  {dossier.receiptCode}
                </Anchor>
              </Table.Th>
              <Table.Td>{localized(dossier.procedureName)}</Table.Td>
              <Table.Td>
                <DossierStateBadge state={dossier.state} />
              </Table.Td>
              <Table.Td>
                <Text fz="sm">{formatInstant(dossier.submittedAt, language)}</Text>
              </Table.Td>
              <Table.Td>
                <Group gap={6}>
                  {dossier.dueOn ? formatDay(dossier.dueOn, language) : t('common.none')}
                  {dossier.overdue && <OverdueBadge />}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
