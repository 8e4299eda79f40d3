import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { HouseholdMember } from '../../api/registry-model.ts';
import { useLanguage } from '../../hooks/use-language.ts';
import { useRegistryLabels } from '../../hooks/use-registry-labels.ts';
import { formatDay } from '../../i18n/format.ts';
import { PersonLink } from './PersonLink.tsx';

interface HouseholdMembersTableProps {
  readonly members: readonly HouseholdMember[];
  /** The person whose page this is, named rather than linked. */
  readonly personalId: string;
  readonly asOf: string;
}

/** The members of a household, each with their relationship to the head and their dates in it. */
export function HouseholdMembersTable({ members, personalId, asOf }: HouseholdMembersTableProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const labels = useRegistryLabels();
  return (
    <Table.ScrollContainer minWidth={640} type="native">
      <Table captionSide="top">
        <Table.Caption ta="start">
          {t('person.household.membersCaption', { date: formatDay(asOf, language) })}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('person.household.memberName')}</Table.Th>
            <Table.Th scope="col">{t('person.household.memberId')}</Table.Th>
            <Table.Th scope="col">{t('person.household.relationship')}</Table.Th>
            <Table.Th scope="col">{t('person.household.joined')}</Table.Th>
            <Table.Th scope="col">{t('person.household.left')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {members.map((member) => (
            <Table.Tr key={`${member.personalId}:${member.joinedOn}`}>
              <Table.Th scope="row" fw={400}>
                <PersonLink personalId={member.personalId} name={member.fullName} currentId={personalId} />
              </Table.Th>
              <Table.Td>{member.personalId}</Table.Td>
              <Table.Td>{labels.householdRelationship(member.relationship)}</Table.Td>
              <Table.Td>{formatDay(member.joinedOn, language)}</Table.Td>
              <Table.Td>{member.leftOn ? formatDay(member.leftOn, language) : t('common.none')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
