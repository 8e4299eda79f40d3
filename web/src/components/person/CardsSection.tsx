import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { IdentityCard } from '../../api/registry-model.ts';
import { useLanguage } from '../../hooks/use-language.ts';
import { useRegistryLabels } from '../../hooks/use-registry-labels.ts';
import { formatDay } from '../../i18n/format.ts';
import { RecordSection } from './RecordSection.tsx';

/** Identity cards (căn cước) issued up to the day, with their status on that day. */
export function CardsSection({ cards, asOf }: { cards: readonly IdentityCard[]; asOf: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const labels = useRegistryLabels();
  return (
    <RecordSection id="cards-title" title={t('person.cards.title')}>
      {cards.length === 0 ? (
        <Text>{t('person.cards.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={720} type="native">
          <Table captionSide="top">
            <Table.Caption ta="start">{t('person.cards.caption', { date: formatDay(asOf, language) })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('person.cards.number')}</Table.Th>
                <Table.Th scope="col">{t('person.cards.kind')}</Table.Th>
                <Table.Th scope="col">{t('person.cards.issued')}</Table.Th>
                <Table.Th scope="col">{t('person.cards.expires')}</Table.Th>
                <Table.Th scope="col">{t('person.cards.authority')}</Table.Th>
                <Table.Th scope="col">{t('person.cards.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {cards.map((card) => (
                <Table.Tr key={`${card.cardNumber}:${card.issuedOn}`}>
                  <Table.Th scope="row" fw={400}>
                    {card.cardNumber}
                  </Table.Th>
                  <Table.Td>{labels.cardKind(card.kind)}</Table.Td>
                  <Table.Td>{formatDay(card.issuedOn, language)}</Table.Td>
                  <Table.Td>
                    {card.expiresOn ? formatDay(card.expiresOn, language) : t('person.cards.noExpiry')}
                  </Table.Td>
                  <Table.Td>{card.issuingAuthority}</Table.Td>
                  <Table.Td>{labels.cardStatus(card.status)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </RecordSection>
  );
}
