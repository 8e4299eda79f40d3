import { Table } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonIdentity } from '../../api/registry-model.ts';
import { useCodeLists } from '../../hooks/use-code-lists.ts';
import { useLanguage } from '../../hooks/use-language.ts';
import { useRegistryLabels } from '../../hooks/use-registry-labels.ts';
import { countryName, formatDay } from '../../i18n/format.ts';
import { RecordSection } from './RecordSection.tsx';

/** Nhân thân: names, numbers, birth, origin, ethnicity, religion, nationality, marital status, status. */
export function IdentitySection({ person, asOf }: { person: PersonIdentity; asOf: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const labels = useRegistryLabels();
  const codes = useCodeLists();
  const none = t('common.none');
  const status =
    person.status === 'alive' || person.statusDate === null
      ? labels.personStatus(person.status)
      : t('person.identity.statusSince', {
          status: labels.personStatus(person.status),
          date: formatDay(person.statusDate, language),
        });

  const rows: [string, ReactNode][] = [
    [t('person.identity.fullName'), person.fullName],
    [t('person.identity.familyName'), person.familyName],
    [t('person.identity.middleName'), person.middleName || none],
    [t('person.identity.givenName'), person.givenName],
    [t('person.identity.otherNames'), person.otherNames.join(', ') || none],
    [t('person.identity.personalId'), person.personalId],
    [t('person.identity.formerIdNumber'), person.formerIdNumber ?? none],
    [t('person.identity.birthDate'), formatDay(person.birthDate, language, person.birthDatePrecision)],
    [t('person.identity.sex'), labels.sex(person.sex)],
    [t('person.identity.placeOfBirth'), person.placeOfBirth ?? none],
    [t('person.identity.hometown'), person.hometown ?? none],
    [t('person.identity.ethnicity'), person.ethnicityCode ? codes.ethnicity(person.ethnicityCode) : none],
    [t('person.identity.religion'), person.religionCode ? codes.religion(person.religionCode) : none],
    [t('person.identity.nationality'), countryName(person.nationality, language)],
    [t('person.identity.maritalStatus'), labels.maritalStatus(person.maritalStatus)],
    [t('person.identity.status'), status],
  ];

  return (
    <RecordSection id="identity-title" title={t('person.identity.title')}>
      <Table captionSide="top" maw={720} layout="fixed">
        <Table.Caption ta="start">{t('person.identity.caption', { date: formatDay(asOf, language) })}</Table.Caption>
        <Table.Tbody>
          {rows.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th scope="row" w="40%">
                {label}
              </Table.Th>
              <Table.Td>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </RecordSection>
  );
}
