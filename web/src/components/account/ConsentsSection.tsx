import { Alert, Button, Card, List, Loader, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Consent, listConsents, revokeConsent } from '../../api/me.ts';
import { type ApiProblem, asProblem } from '../../api/problem.ts';
import { useLanguage } from '../../hooks/use-language.ts';
import { useReloadable } from '../../hooks/use-reloadable.ts';
import { formatInstant } from '../../i18n/format.ts';
import { ProblemAlert } from '../ProblemAlert.tsx';
import { RecordSection } from '../person/RecordSection.tsx';

/** The applications the holder let see their data, each with what it receives and a way to withdraw. */
export function ConsentsSection() {
  const { t } = useTranslation();
  const { state, reload } = useReloadable('consents', (signal) => listConsents(signal));
  const [revoked, setRevoked] = useState<string | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);

  const onRevoke = async (consent: Consent) => {
    setProblem(null);
    setRevoked(null);
    try {
      await revokeConsent(consent.grantId);
      setRevoked(consent.clientName);
      reload();
    } catch (error) {
      setProblem(asProblem(error));
    }
  };

  return (
    <RecordSection id="account-consents" title={t('account.consents.title')}>
      <Text>{t('account.consents.intro')}</Text>
      {revoked && (
        <Alert variant="light" color="green" role="status">
          {t('account.consents.revoked', { name: revoked })}
        </Alert>
      )}
      {problem && <ProblemAlert problem={problem} />}
      {state.kind === 'loading' && <Loader size="sm" aria-label={t('common.loading')} />}
      {state.kind === 'error' && <ProblemAlert problem={state.problem} />}
      {state.kind === 'ok' &&
        (state.value.items.length === 0 ? (
          <Text c="dimmed">{t('account.consents.empty')}</Text>
        ) : (
          <Stack gap="sm">
            {state.value.items.map((consent) => (
              <ConsentCard key={consent.grantId} consent={consent} onRevoke={() => onRevoke(consent)} />
            ))}
          </Stack>
        ))}
    </RecordSection>
  );
}

function ConsentCard({ consent, onRevoke }: { consent: Consent; onRevoke: () => Promise<void> }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [busy, setBusy] = useState(false);
  const headingId = `consent-${consent.grantId}`;
  return (
    <Card withBorder component="article" aria-labelledby={headingId} maw={720}>
      <Stack gap={6}>
        <Title order={3} size="h4" id={headingId}>
          {consent.clientName}
        </Title>
        <Text fz="sm">{t('account.consents.by', { organisation: consent.organisation })}</Text>
        <Text fz="sm">{t('account.consents.purpose', { purpose: consent.purpose })}</Text>
        {consent.grantedAt && (
          <Text fz="sm" c="dimmed">
            {t('account.consents.grantedAt', { at: formatInstant(consent.grantedAt, language) })}
          </Text>
        )}
        <Text fz="sm" fw={500}>
          {t('account.consents.shared')}
        </Text>
        <List size="sm">
          {consent.scopes.map((scope) => (
            <List.Item key={scope.scope}>{language === 'vi' ? scope.vi : scope.en}</List.Item>
          ))}
        </List>
        <div>
          <Button
            variant="outline"
            color="red"
            size="xs"
            loading={busy}
            aria-label={t('account.consents.revokeLabel', { name: consent.clientName })}
            onClick={async () => {
              setBusy(true);
              await onRevoke();
              setBusy(false);
            }}
          >
            {t('account.consents.revoke')}
          </Button>
        </div>
      </Stack>
    </Card>
  );
}
