import { Alert, Button, Group, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { completeSandboxPayment, getSandboxPayment } from '../api/payments.ts';
import { type ApiProblem, asProblem } from '../api/problem.ts';
import type { SandboxPayment } from '../api/services-model.ts';
import { ProblemAlert } from '../components/ProblemAlert.tsx';
import { RequireSession } from '../components/RequireSession.tsx';
import { useAsync } from '../hooks/use-async.ts';
import { useLanguage } from '../hooks/use-language.ts';
import { usePageTitle } from '../hooks/use-page-title.ts';
import { formatVnd } from '../i18n/format.ts';

/**
 * The built-in sandbox payment provider's page: the amount, to whom and for what; paying or cancelling sends
 * the browser back where the platform says (the dossier).
 */
export function SandboxPaymentPage() {
  const { t } = useTranslation();
  usePageTitle(t('sandbox.title'));
  return (
    <Stack gap="md" maw={560}>
      <Title order={1}>{t('sandbox.title')}</Title>
      <Alert variant="light" color="blue" role="note">
        {t('sandbox.note')}
      </Alert>
      {/* The sandbox stands for the payer's bank, which knows its payer: here, the platform's session. */}
      <RequireSession>{() => <PaymentLoader />}</RequireSession>
    </Stack>
  );
}

function PaymentLoader() {
  const { t } = useTranslation();
  const id = useParams().paymentId ?? '';
  const payment = useAsync(`sandbox:${id}`, (signal) => getSandboxPayment(id, signal));
  if (payment.kind === 'error') return <ProblemAlert problem={payment.problem} />;
  if (payment.kind !== 'ok') return <Loader size="sm" aria-label={t('common.loading')} />;
  return <PaymentDetails payment={payment.value} />;
}

function PaymentDetails({ payment }: { payment: SandboxPayment }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [busy, setBusy] = useState<'paid' | 'cancelled' | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);

  const complete = async (outcome: 'paid' | 'cancelled') => {
    setProblem(null);
    setBusy(outcome);
    try {
      const { returnUrl } = await completeSandboxPayment(payment.paymentId, outcome);
      window.location.assign(returnUrl);
    } catch (failure) {
      setProblem(asProblem(failure));
      setBusy(null);
    }
  };

  const rows: [string, string][] = [
    [t('sandbox.merchant'), payment.merchant],
    [t('sandbox.description'), payment.description],
    [t('sandbox.amount'), formatVnd(payment.amountVnd, language)],
  ];
  const open = payment.state === 'pending';
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <SimpleGrid component="dl" cols={1} spacing={4} m={0}>
          {rows.map(([term, value]) => (
            <div key={term}>
              <Text component="dt" fz="sm" c="dimmed">
                {term}
              </Text>
              <Text component="dd" m={0} fw={term === t('sandbox.amount') ? 700 : undefined}>
                {value}
              </Text>
            </div>
          ))}
        </SimpleGrid>
        {!open && <Text role="status">{t('sandbox.closed')}</Text>}
        {problem && <ProblemAlert problem={problem} />}
        {open && (
          <Group>
            <Button onClick={() => void complete('paid')} loading={busy === 'paid'} disabled={busy !== null}>
              {t('sandbox.pay')}
            </Button>
            <Button
              variant="default"
              onClick={() => void complete('cancelled')}
              loading={busy === 'cancelled'}
              disabled={busy !== null}
            >
              {t('sandbox.cancel')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
