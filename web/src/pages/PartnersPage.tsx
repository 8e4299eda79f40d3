import { Anchor, Button, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { NEW_PARTNER_PATH, partnerPath } from '../admin-paths.ts';
import { listPartners, type Partner } from '../api/partners.ts';
import { PartnerStatusBadge } from '../components/admin/PartnerStatusBadge.tsx';
import { ProblemAlert } from '../components/ProblemAlert.tsx';
import { useAsync } from '../hooks/use-async.ts';
import { usePageTitle } from '../hooks/use-page-title.ts';

/** Verification partners: name, kind, status and machine client of each, and the way to register one. */
export function PartnersPage() {
  const { t } = useTranslation();
  usePageTitle(t('partners.title'));
  const partners = useAsync('partners', listPartners);

  return (
    <Stack gap="md" maw={1100}>
      <Title order={1}>{t('partners.title')}</Title>
      <Text>{t('partners.intro')}</Text>
      <Group>
        <Button component={Link} to={NEW_PARTNER_PATH}>
          {t('partners.new')}
        </Button>
      </Group>
      {partners.kind === 'loading' && <Loader size="sm" aria-label={t('common.loading')} />}
      {partners.kind === 'error' && <ProblemAlert problem={partners.problem} />}
      {partners.kind === 'ok' &&
        (partners.value.items.length === 0 ? (
          <Text>{t('partners.none')}</Text>
        ) : (
          <PartnersTable items={partners.value.items} />
        ))}
    </Stack>
  );
}

function PartnersTable({ items }: { items: readonly Partner[] }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={640} type="native">
      <Table captionSide="top" striped>
        <Table.Caption ta="start">{t('partners.caption', { count: items.length })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('partners.name')}</Table.Th>
            <Table.Th scope="col">{t('partners.kind')}</Table.Th>
            <Table.Th scope="col">{t('partners.status')}</Table.Th>
            <Table.Th scope="col">{t('partners.clientId')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((partner) => (
            <Table.Tr key={partner.id}>
              <Table.Th scope="row" fw={400}>
                <Anchor component={Link} to={partnerPath(partner.id)}>
                  {partner.name}
                </Anchor>
              </Table.Th>
              <Table.Td>{t(`partners.kinds.${partner.kind}`)}</Table.Td>
              <Table.Td>
                <PartnerStatusBadge status={partner.status} />
              </Table.Td>
              <Table.Td>
                <Text ff="monospace" fz="sm">
                  {partner.clientId}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
