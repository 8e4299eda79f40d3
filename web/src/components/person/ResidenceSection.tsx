import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Residence } from '../../api/registry-model.ts';
import { useLanguage } from '../../hooks/use-language.ts';
import { useRegistryLabels } from '../../hooks/use-registry-labels.ts';
import { formatDay } from '../../i18n/format.ts';
import { AddressText } from './AddressText.tsx';
import { RecordSection } from './RecordSection.tsx';

/** Every residence up to the day, newest first: kind, period, expiry and the address then and today. */
export function ResidenceSection({ residences, asOf }: { residences: readonly Residence[]; asOf: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const labels = useRegistryLabels();
  const newestFirst = [...residences].sort((a, b) => b.validFrom.localeCompare(a.validFrom) || b.id - a.id);
  return (
    <RecordSection id="residence-title" title={t('person.residence.title')}>
      {newestFirst.length === 0 ? (
        <Text>{t('person.residence.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={720} type="native">
          <Table captionSide="top">
            <Table.Caption ta="start">
              {t('person.residence.caption', { date: formatDay(asOf, language) })}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('person.residence.kind')}</Table.Th>
                <Table.Th scope="col">{t('person.residence.period')}</Table.Th>
                <Table.Th scope="col">{t('person.residence.expires')}</Table.Th>
                <Table.Th scope="col">{t('person.residence.address')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {newestFirst.map((residence) => (
                <Table.Tr key={residence.id}>
                  <Table.Th scope="row" fw={400}>
                    {labels.residenceKind(residence.kind)}
                  </Table.Th>
                  <Table.Td>
                    {t('person.residence.fromTo', {
                      from: formatDay(residence.validFrom, language),
                      to: residence.validTo ? formatDay(residence.validTo, language) : t('person.residence.ongoing'),
                    })}
                  </Table.Td>
                  <Table.Td>
                    {residence.expiresOn ? formatDay(residence.expiresOn, language) : t('common.none')}
                  </Table.Td>
                  <Table.Td>
                    <AddressText address={residence.address} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </RecordSection>
  );
}
