import { Alert, Anchor, Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { lockMyAccount } from '../../api/me.ts';
import { type ApiProblem, asProblem } from '../../api/problem.ts';
import { ProblemAlert } from '../ProblemAlert.tsx';
import { RecordSection } from '../person/RecordSection.tsx';

/** The holder locks their own account (asked to confirm first); unlocking is by a code to the phone. */
export function LockSection({ locked, onChanged }: { locked: boolean; onChanged: () => void }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);

  const onLock = async () => {
    setBusy(true);
    setProblem(null);
    try {
      await lockMyAccount();
      setConfirming(false);
      onChanged();
    } catch (error) {
      setProblem(asProblem(error));
    }
    setBusy(false);
  };

  return (
    <RecordSection id="account-lock" title={t('account.lock.title')}>
      {locked ? (
        <Alert variant="light" color="orange" role="status">
          {t('account.lock.done')}{' '}
          <Anchor component={Link} to="/unlock">
            {t('account.lock.unlock')}
          </Anchor>
        </Alert>
      ) : (
        <>
          <Text>{t('account.lock.intro')}</Text>
          {confirming ? (
            <Alert variant="light" color="orange" title={t('account.lock.confirm')}>
              <Group mt="xs">
                <Button color="red" onClick={onLock} loading={busy}>
                  {t('account.lock.confirmButton')}
                </Button>
                <Button variant="default" onClick={() => setConfirming(false)} disabled={busy}>
                  {t('account.lock.cancel')}
                </Button>
              </Group>
            </Alert>
          ) : (
            <div>
              <Button color="red" variant="outline" onClick={() => setConfirming(true)}>
                {t('account.lock.button')}
              </Button>
            </div>
          )}
        </>
      )}
      {problem && <ProblemAlert problem={problem} />}
    </RecordSection>
  );
}
