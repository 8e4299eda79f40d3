import { Anchor, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PersonSummary } from '../../api/registry-model.ts';
import { useCommuneNames } from '../../hooks/use-commune-names.ts';
import { useLanguage } from '../../hooks/use-language.ts';
import { useRegistryLabels } from '../../hooks/use-registry-labels.ts';
import { formatDay } from '../../i18n/format.ts';
import { personPath } from '../../officer-paths.ts';
import { CommuneCell } from './CommuneCell.tsx';

/** One page of search results; each name opens the person page. */
export function PersonResultsTable({ people }: { people: readonly PersonSummary[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const labels = useRegistryLabels();
  const communes = useCommuneNames(people.flatMap((person) => person.permanentCommuneId ?? []));
  return (
    <Table.ScrollContainer minWidth={720} type="native">
      <Table striped captionSide="top">
        <Table.Caption ta="start">{t('search.results.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('search.results.personalId')}</Table.Th>
            <Table.Th scope="col">{t('search.results.fullName')}</Table.Th>
            <Table.Th scope="col">{t('search.results.birthDate')}</Table.Th>
            <Table.Th scope="col">{t('search.results.sex')}</Table.Th>
            <Table.Th scope="col">{t('search.results.status')}</Table.Th>
            <Table.Th scope="col">{t('search.results.commune')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {people.map((person) => (
            <Table.Tr key={person.personalId}>
              <Table.Td ff="monospace">{person.personalId}</Table.Td>
              <Table.Th scope="row" fw={400}>
                <Anchor component={Link} to={personPath(person.personalId)} fz="inherit">
                  {person.fullName}
                </Anchor>
              </Table.Th>
              <Table.Td>{formatDay(person.birthDate, language)}</Table.Td>
              <Table.Td>{labels.sex(person.sex)}</Table.Td>
              <Table.Td>{labels.personStatus(person.status)}</Table.Td>
              <Table.Td>
                <CommuneCell id={person.permanentCommuneId} name={communes.get(person.permanentCommuneId ?? '')} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
