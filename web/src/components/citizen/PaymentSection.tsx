import { Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { startPayment } from '../../api/dossiers.ts';
import { type ApiProblem, asProblem } from '../../api/problem.ts';
import type { Dossier, DossierPayment } from '../../api/services-model.ts';
import { useLanguage } from '../../hooks/use-language.ts';
import { useLocalized } from '../../hooks/use-localized.ts';
import { formatInstant, formatVnd } from '../../i18n/format.ts';
import { ProblemAlert } from '../ProblemAlert.tsx';

/** The dossier's fee: what it is and where it stands, and the way to pay it when it is due. */
export function PaymentSection({ dossier, payment }: { dossier: Dossier; payment: DossierPayment }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const localized = useLocalized();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);

  const onPay = async () => {
    setProblem(null);
    setBusy(true);
    try {
      const { redirectUrl } = await startPayment(dossier.id);
      // The provider's page (the built-in sandbox is a page of this app, but a real one is elsewhere).
      window.location.assign(redirectUrl);
    } catch (failure) {
      setProblem(asProblem(failure));
      setBusy(false);
    }
  };

  const due = payment.state === 'due' || payment.state === 'pending';
  return (
    <Stack gap="xs">
      <Text>
        {t('payment.amount')}: <strong>{formatVnd(payment.amountVnd, language)}</strong> ·{' '}
        {t(`payment.states.${payment.state}`)}
      </Text>
      {payment.exemption && <Text fz="sm">{localized(payment.exemption)}</Text>}
      {payment.receiptNumber && (
        <Text fz="sm">
          {t('payment.receipt', {
            number: payment.receiptNumber,
            at: payment.paidAt ? formatInstant(payment.paidAt, language) : '',
          })}
        </Text>
      )}
      {problem && <ProblemAlert problem={problem} />}
      {due && (
        <Group>
          <Button onClick={() => void onPay()} loading={busy}>
            {t('payment.pay', { amount: formatVnd(payment.amountVnd, language) })}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
