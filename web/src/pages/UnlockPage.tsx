import { Alert, Button, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { confirmUnlock, requestUnlock } from '../api/accounts.ts';
import { type ApiProblem, asProblem } from '../api/problem.ts';
import { DevInboxNote } from '../components/eid/DevInboxNote.tsx';
import { ProblemAlert } from '../components/ProblemAlert.tsx';
import { usePageTitle } from '../hooks/use-page-title.ts';

/** Unlocking an account its holder locked: personal ID number and phone, then the code sent there. */
export function UnlockPage() {
  const { t } = useTranslation();
  usePageTitle(t('unlock.title'));
  const [personalId, setPersonalId] = useState('');
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);

  const run = async (action: () => Promise<void>) => {
    setProblem(null);
    setBusy(true);
    try {
      await action();
    } catch (error) {
      setProblem(asProblem(error));
    }
    setBusy(false);
  };
  const id = personalId.replace(/\s/g, '');
  const onRequest = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void run(async () => setSentTo((await requestUnlock(id, phone.replace(/[\s.-]/g, ''))).sentTo));
  };
  const onConfirm = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void run(async () => {
      await confirmUnlock(id, code.trim());
      setDone(true);
    });
  };

  return (
    <Stack gap="md" maw={640}>
      <Title order={1}>{t('unlock.title')}</Title>
      <Text>{t('unlock.intro')}</Text>
      {done ? (
        <Alert variant="light" color="green" role="status">
          {t('unlock.done')} <Link to="/sign-in">{t('unlock.signIn')}</Link>
        </Alert>
      ) : sentTo === null ? (
        <form onSubmit={onRequest}>
          <Stack gap="sm">
            <TextInput
              label={t('unlock.personalId')}
              value={personalId}
              onChange={(e) => setPersonalId(e.currentTarget.value)}
              inputMode="numeric"
              maxLength={14}
              required
            />
            <TextInput
              type="tel"
              label={t('unlock.phone')}
              value={phone}
              onChange={(e) => setPhone(e.currentTarget.value)}
              maxLength={14}
              required
            />
            {problem && <ProblemAlert problem={problem} />}
            <div>
              <Button type="submit" loading={busy}>
                {t('unlock.sendCode')}
              </Button>
            </div>
          </Stack>
        </form>
      ) : (
        <form onSubmit={onConfirm}>
          <Stack gap="sm">
            <Text>{t('unlock.codeSent', { sentTo })}</Text>
            <DevInboxNote />
            <TextInput
              label={t('unlock.code')}
              value={code}
              onChange={(e) => setCode(e.currentTarget.value)}
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              required
            />
            {problem && <ProblemAlert problem={problem} />}
            <div>
              <Button type="submit" loading={busy}>
                {t('unlock.submit')}
              </Button>
            </div>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
