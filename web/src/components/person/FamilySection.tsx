import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FamilyMember } from '../../api/registry-model.ts';
import { useLanguage } from '../../hooks/use-language.ts';
import { useRegistryLabels } from '../../hooks/use-registry-labels.ts';
import { countryName, formatDay } from '../../i18n/format.ts';
import { PersonLink } from './PersonLink.tsx';
import { RecordSection } from './RecordSection.tsx';

/** Parents, children, spouse, legal representative and wards as of the day; relatives link to their pages. */
export function FamilySection({ family, asOf }: { family: readonly FamilyMember[]; asOf: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const labels = useRegistryLabels();
  const none = t('common.none');
  return (
    <RecordSection id="family-title" title={t('person.family.title')}>
      {family.length === 0 ? (
        <Text>{t('person.family.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={640} type="native">
          <Table captionSide="top">
            <Table.Caption ta="start">{t('person.family.caption', { date: formatDay(asOf, language) })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('person.family.relation')}</Table.Th>
                <Table.Th scope="col">{t('person.family.fullName')}</Table.Th>
                <Table.Th scope="col">{t('person.family.personalId')}</Table.Th>
                <Table.Th scope="col">{t('person.family.birthDate')}</Table.Th>
                <Table.Th scope="col">{t('person.family.nationality')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {family.map((member) => (
                <Table.Tr key={`${member.relation}:${member.personalId ?? member.fullName}`}>
                  <Table.Td>{labels.relation(member.relation)}</Table.Td>
                  <Table.Th scope="row" fw={400}>
                    <PersonLink personalId={member.personalId} name={member.fullName} />
                  </Table.Th>
                  <Table.Td>{member.personalId ?? none}</Table.Td>
                  <Table.Td>{member.birthDate ? formatDay(member.birthDate, language) : none}</Table.Td>
                  <Table.Td>{member.nationality ? countryName(member.nationality, language) : none}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </RecordSection>
  );
}
