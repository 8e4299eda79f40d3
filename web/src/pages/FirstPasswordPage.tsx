import { Alert, Button, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { setFirstPassword } from '../api/accounts.ts';
import { type ApiProblem, asProblem } from '../api/problem.ts';
import { DevInboxNote } from '../components/eid/DevInboxNote.tsx';
import { NewPasswordFields, passwordLooksStrong } from '../components/eid/NewPasswordFields.tsx';
import { ProblemAlert } from '../components/ProblemAlert.tsx';
import { usePageTitle } from '../hooks/use-page-title.ts';

/** The first password of an account the police made at level-2 activation, with the code sent to its phone. */
export function FirstPasswordPage() {
  const { t } = useTranslation();
  usePageTitle(t('firstPassword.title'));
  const [personalId, setPersonalId] = useState('');
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState({ password: false, repeat: false });
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setProblem(null);
    const found = { password: !passwordLooksStrong(password), repeat: password !== repeat };
    setErrors(found);
    if (found.password || found.repeat) return;
    setBusy(true);
    try {
      await setFirstPassword(personalId.replace(/\s/g, ''), code.trim(), password);
      setDone(true);
    } catch (error) {
      setProblem(asProblem(error));
    }
    setBusy(false);
  };

  return (
    <Stack gap="md" maw={640}>
      <Title order={1}>{t('firstPassword.title')}</Title>
      <Text>{t('firstPassword.intro')}</Text>
      {done ? (
        <Alert variant="light" color="green" role="status">
          {t('firstPassword.done')} <Link to="/sign-in">{t('firstPassword.signIn')}</Link>
        </Alert>
      ) : (
        <form onSubmit={onSubmit} noValidate>
          <Stack gap="sm">
            <DevInboxNote />
            <TextInput
              label={t('firstPassword.personalId')}
              value={personalId}
              onChange={(e) => setPersonalId(e.currentTarget.value)}
              inputMode="numeric"
              maxLength={14}
              required
            />
            <TextInput
              label={t('firstPassword.code')}
              value={code}
              onChange={(e) => setCode(e.currentTarget.value)}
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              required
            />
            <NewPasswordFields
              password={password}
              repeat={repeat}
              onPassword={setPassword}
              onRepeat={setRepeat}
              passwordLabel={t('firstPassword.password')}
              repeatLabel={t('register.passwordRepeat')}
              passwordError={errors.password ? t('register.invalid.password') : null}
              repeatError={errors.repeat ? t('register.invalid.passwordRepeat') : null}
            />
            {problem && <ProblemAlert problem={problem} />}
            <div>
              <Button type="submit" loading={busy}>
                {t('firstPassword.submit')}
              </Button>
            </div>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
