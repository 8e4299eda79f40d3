import { Anchor, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PARTNERS_PATH, partnerUsagePath } from '../admin-paths.ts';
import { getPartner, type Partner } from '../api/partners.ts';
import { ContractsTable } from '../components/admin/ContractsTable.tsx';
import { NewContractForm } from '../components/admin/NewContractForm.tsx';
import { PartnerHistoryTable } from '../components/admin/PartnerHistoryTable.tsx';
import { PartnerStaffSection } from '../components/admin/PartnerStaffSection.tsx';
import { PartnerStatusBadge } from '../components/admin/PartnerStatusBadge.tsx';
import { PartnerStatusForm } from '../components/admin/PartnerStatusForm.tsx';
import { ProblemAlert } from '../components/ProblemAlert.tsx';
import { RecordSection } from '../components/person/RecordSection.tsx';
import { useLanguage } from '../hooks/use-language.ts';
import { usePageTitle } from '../hooks/use-page-title.ts';
import { useReloadable } from '../hooks/use-reloadable.ts';
import { formatInstant } from '../i18n/format.ts';

/**
 * One partner: details, status (suspend or reactivate with a reason), contracts, a new contract, the members of
 * its staff, history.
 */
export function PartnerPage() {
  const { t } = useTranslation();
  const id = useParams().id ?? '';
  const { state, reload } = useReloadable(`partner:${id}`, (signal) => getPartner(id, signal));
  usePageTitle(state.kind === 'ok' ? state.value.partner.name : t('partner.title'));

  if (state.kind === 'loading' || state.kind === 'idle') return <Loader size="sm" aria-label={t('common.loading')} />;
  if (state.kind === 'error') {
    return (
      <Stack gap="md" maw={720}>
        <Title order={1}>{t('partner.title')}</Title>
        <ProblemAlert problem={state.problem} />
        <Anchor component={Link} to={PARTNERS_PATH}>
          {t('partners.back')}
        </Anchor>
      </Stack>
    );
  }
  const { partner, contracts, history } = state.value;
  return (
    <Stack gap="lg" maw={1100}>
      <Stack gap="xs">
        <Group gap="sm">
          <Title order={1}>{partner.name}</Title>
          <PartnerStatusBadge status={partner.status} />
        </Group>
        <Anchor component={Link} to={partnerUsagePath(partner.id)}>
          {t('partner.usageLink')}
        </Anchor>
      </Stack>
      <RecordSection id="partner-details" title={t('partner.details')}>
        <PartnerDetails partner={partner} />
      </RecordSection>
      <RecordSection id="partner-status" title={t('partner.status.title')}>
        <PartnerStatusForm partner={partner} onChanged={reload} />
      </RecordSection>
      <RecordSection id="partner-contracts" title={t('contracts.title')}>
        {contracts.length === 0 ? <Text>{t('contracts.none')}</Text> : <ContractsTable contracts={contracts} />}
      </RecordSection>
      <RecordSection id="partner-new-contract" title={t('contractForm.title')}>
        <Text>{t('contractForm.intro')}</Text>
        <NewContractForm partnerId={partner.id} onAdded={reload} />
      </RecordSection>
      <RecordSection id="partner-staff" title={t('partnerStaff.title')}>
        <PartnerStaffSection partnerId={partner.id} onChanged={reload} />
      </RecordSection>
      <RecordSection id="partner-history" title={t('partner.history.title')}>
        <PartnerHistoryTable events={history} />
      </RecordSection>
      <Anchor component={Link} to={PARTNERS_PATH}>
        {t('partners.back')}
      </Anchor>
    </Stack>
  );
}

function PartnerDetails({ partner }: { partner: Partner }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const rows: [string, string][] = [
    [t('partner.id'), partner.id],
    [t('partners.kind'), t(`partners.kinds.${partner.kind}`)],
    [t('partners.status'), t(`partners.statuses.${partner.status}`)],
    [t('partners.clientId'), partner.clientId],
    [t('partner.createdAt'), formatInstant(partner.createdAt, language)],
    [t('partner.updatedAt'), formatInstant(partner.updatedAt, language)],
  ];
  return (
    <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="xs" verticalSpacing={4} m={0}>
      {rows.map(([term, value]) => (
        <div key={term}>
          <Text component="dt" fz="sm" c="dimmed">
            {term}
          </Text>
          <Text component="dd" m={0}>
            {value}
          </Text>
        </div>
      ))}
    </SimpleGrid>
  );
}
