import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Household } from '../../api/registry-model.ts';
import { useLanguage } from '../../hooks/use-language.ts';
import { formatDay } from '../../i18n/format.ts';
import { AddressText } from './AddressText.tsx';
import { HouseholdMembersTable } from './HouseholdMembersTable.tsx';
import { PersonLink } from './PersonLink.tsx';
import { RecordSection } from './RecordSection.tsx';

interface HouseholdSectionProps {
  readonly household: Household | null;
  readonly personalId: string;
  readonly asOf: string;
}

/** The household the person belonged to on the day: its file, address, head and members. */
export function HouseholdSection({ household, personalId, asOf }: HouseholdSectionProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (household === null) {
    return (
      <RecordSection id="household-title" title={t('person.household.title')}>
        <Text>{t('person.household.none')}</Text>
      </RecordSection>
    );
  }
  const head = household.members.find((member) => member.personalId === household.headPersonalId);
  return (
    <RecordSection id="household-title" title={t('person.household.title')}>
      <Table captionSide="top" maw={720} layout="fixed">
        <Table.Caption ta="start">{t('person.household.caption', { date: formatDay(asOf, language) })}</Table.Caption>
        <Table.Tbody>
          <Table.Tr>
            <Table.Th scope="row" w="40%">
              {t('person.household.fileNumber')}
            </Table.Th>
            <Table.Td>{household.fileNumber}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row">{t('person.household.address')}</Table.Th>
            <Table.Td>
              <AddressText address={household.address} />
            </Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row">{t('person.household.head')}</Table.Th>
            <Table.Td>
              {head ? (
                <PersonLink personalId={head.personalId} name={head.fullName} currentId={personalId} />
              ) : (
                t('common.none')
              )}
            </Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row">{t('person.household.established')}</Table.Th>
            <Table.Td>
              {formatDay(household.establishedOn, language)}
              {household.dissolvedOn &&
                ` · ${t('person.household.dissolved', { date: formatDay(household.dissolvedOn, language) })}`}
            </Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      <HouseholdMembersTable members={household.members} personalId={personalId} asOf={asOf} />
    </RecordSection>
  );
}
