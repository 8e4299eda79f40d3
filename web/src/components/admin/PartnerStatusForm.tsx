import { Button, Stack, Text, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Partner, setPartnerStatus } from '../../api/partners.ts';
import { type ApiProblem, asProblem } from '../../api/problem.ts';
import { ProblemAlert } from '../ProblemAlert.tsx';

/**
 * Suspends an active partner (its checks are refused from now on) or reactivates a suspended one. The reason
 * (3 to 500 characters) is kept in the partner's history.
 */
export function PartnerStatusForm({ partner, onChanged }: { partner: Partner; onChanged: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const next = partner.status === 'active' ? 'suspended' : 'active';

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setProblem(null);
    const text = reason.trim();
    if (text.length < 3 || text.length > 500) {
      setError(t('partner.status.reasonInvalid'));
      return;
    }
    setError(null);
    setBusy(true);
    try {
      await setPartnerStatus(partner.id, next, text);
      setReason('');
      onChanged();
    } catch (failure) {
      setProblem(asProblem(failure));
    }
    setBusy(false);
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-label={t(`partner.status.formLabel.${next}`)}>
      <Stack gap="sm">
        <Text>{t(`partner.status.explain.${next}`)}</Text>
        <Textarea
          label={t('partner.status.reason')}
          description={t('partner.status.reasonHelp')}
          required
          autosize
          minRows={2}
          maxLength={500}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          error={error}
        />
        {problem && <ProblemAlert problem={problem} />}
        <div>
          <Button type="submit" color={next === 'suspended' ? 'red.9' : undefined} loading={busy}>
            {t(`partner.status.submit.${next}`)}
          </Button>
        </div>
      </Stack>
    </form>
  );
}
