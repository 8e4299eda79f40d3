import { Button, Stack, Text, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { withdrawDossier } from '../../api/dossiers.ts';
import { type ApiProblem, asProblem } from '../../api/problem.ts';
import { ProblemAlert } from '../ProblemAlert.tsx';

/** Withdrawing a dossier that is still open, with the reason. */
export function WithdrawForm({ dossierId, onWithdrawn }: { dossierId: string; onWithdrawn: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setProblem(null);
    if (reason.trim().length < 3) {
      setError(t('withdraw.reasonMissing'));
      return;
    }
    setError(null);
    setBusy(true);
    try {
      await withdrawDossier(dossierId, reason.trim());
      onWithdrawn();
    } catch (failure) {
      setProblem(asProblem(failure));
    }
    setBusy(false);
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-label={t('withdraw.title')}>
      <Stack gap="sm">
        <Text fz="sm">{t('withdraw.intro')}</Text>
        <Textarea
          label={t('withdraw.reason')}
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
          <Button type="submit" color="red.9" variant="outline" loading={busy}>
            {t('withdraw.submit')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}
