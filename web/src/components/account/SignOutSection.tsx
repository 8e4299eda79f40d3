import { Button, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiProblem, asProblem } from '../../api/problem.ts';
import { signOutOfSession } from '../../api/web-session.ts';
import { ProblemAlert } from '../ProblemAlert.tsx';
import { RecordSection } from '../person/RecordSection.tsx';

/** Ends the web session and, through the provider, the eID session of this browser. */
export function SignOutSection() {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const onSignOut = async () => {
    setBusy(true);
    setProblem(null);
    try {
      await signOutOfSession();
    } catch (error) {
      setProblem(asProblem(error));
      setBusy(false);
    }
  };
  return (
    <RecordSection id="account-sign-out" title={t('account.signOutTitle')}>
      <Text>{t('account.signOutIntro')}</Text>
      {problem && <ProblemAlert problem={problem} />}
      <div>
        <Button variant="default" onClick={onSignOut} loading={busy}>
          {t('account.signOut')}
        </Button>
      </div>
    </RecordSection>
  );
}
