import { Anchor, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Contract } from '../api/partners.ts';
import { PartnerStatusBadge } from '../components/admin/PartnerStatusBadge.tsx';
import { QuotaMeter } from '../components/partner/QuotaMeter.tsx';
import { RecordSection } from '../components/person/RecordSection.tsx';
import { useLanguage } from '../hooks/use-language.ts';
import { usePageTitle } from '../hooks/use-page-title.ts';
import { usePartnerConsole } from '../hooks/use-partner-console.ts';
import { usePurposeLabel } from '../hooks/use-purpose-label.ts';
import { formatCount, formatDay, formatVnd } from '../i18n/format.ts';
import { PARTNER_BATCHES_PATH } from '../partner-paths.ts';

/** A term and its value, in a description list. */
function Facts({ rows }: { rows: readonly (readonly [string, string])[] }) {
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

/** The console's home: the partner and its machine client, this month's quota, the contract in force. */
export function PartnerConsolePage() {
  const { t } = useTranslation();
  const { contract: own } = usePartnerConsole();
  const { partner, contract, quota } = own;
  const title = t('partnerConsole.overview.title', { partner: partner.name });
  usePageTitle(title);
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>{title}</Title>
        <PartnerStatusBadge status={partner.status} />
      </Stack>
      <RecordSection id="console-credentials" title={t('partnerConsole.overview.credentials')}>
        <Facts
          rows={[
            [t('partner.id'), partner.id],
            [t('partners.kind'), t(`partners.kinds.${partner.kind}`)],
            [t('partners.status'), t(`partners.statuses.${partner.status}`)],
            [t('partners.clientId'), partner.clientId],
          ]}
        />
        <Text fz="sm">{t('partnerConsole.overview.clientHelp')}</Text>
      </RecordSection>
      <RecordSection id="console-quota" title={t('partnerConsole.quota.title')}>
        {quota ? <QuotaMeter quota={quota} /> : <Text>{t('partnerConsole.overview.noContract')}</Text>}
        {quota && (
          <Anchor component={Link} to={PARTNER_BATCHES_PATH}>
            {t('partnerConsole.overview.toBatches')}
          </Anchor>
        )}
      </RecordSection>
      <RecordSection id="console-contract" title={t('partnerConsole.overview.contract')}>
        {contract ? <ContractFacts contract={contract} /> : <Text>{t('partnerConsole.overview.noContract')}</Text>}
      </RecordSection>
    </Stack>
  );
}

function ContractFacts({ contract }: { contract: Contract }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const purposeLabel = usePurposeLabel();
  return (
    <Facts
      rows={[
        [
          t('contracts.validity'),
          contract.validUntil
            ? t('contracts.fromUntil', {
                from: formatDay(contract.validFrom, language),
                until: formatDay(contract.validUntil, language),
              })
            : t('contracts.from', { from: formatDay(contract.validFrom, language) }),
        ],
        [t('contracts.purposes'), contract.purposes.map((p) => purposeLabel(p.code, p.label)).join('; ')],
        [t('contracts.checkTypes'), contract.checkTypes.map((type) => t(`contracts.types.${type}`)).join(', ')],
        [t('contracts.onlinePrice'), formatVnd(contract.onlinePriceVnd, language)],
        [t('contracts.batchPrice'), formatVnd(contract.batchPriceVnd, language)],
        [t('contracts.monthlyQuota'), formatCount(contract.monthlyQuota, language)],
        [t('contracts.ratePerSecond'), formatCount(contract.ratePerSecond, language)],
      ]}
    />
  );
}
