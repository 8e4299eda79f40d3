import { Alert, Button, Code, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { type FormEvent, useRef, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { signIn } from '../api/officer-session.ts';
import { type ApiProblem, asProblem } from '../api/problem.ts';
import { checkOfficerToken } from '../api/registry.ts';
import { loginUrl, markSignInStarted } from '../api/web-session.ts';
import { ProblemAlert } from '../components/ProblemAlert.tsx';
import { usePageTitle } from '../hooks/use-page-title.ts';
import { OFFICER_PATH, type SignInState } from '../officer-paths.ts';

/**
 * Officer sign-in: with the officer's own level-2 eID account (the web session), or, for first setup, by
 * pasting an access token (the bootstrap administrator token), which the server checks before it is kept,
 * for this tab only.
 */
export function OfficerSignInPage() {
  const { t } = useTranslation();
  usePageTitle(t('signIn.title'));
  const navigate = useNavigate();
  const state = (useLocation().state ?? {}) as SignInState;
  const [token, setToken] = useState('');
  const [checking, setChecking] = useState(false);
  const [inputError, setInputError] = useState<string | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const input = useRef<HTMLInputElement>(null);

  /** Shows what is wrong with the token under the field, and puts the focus there so that it is read out. */
  const refuse = (message: string) => {
    setInputError(message);
    input.current?.focus();
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const presented = token.trim();
    setProblem(null);
    if (presented === '') {
      refuse(t('signIn.tokenMissing'));
      return;
    }
    setInputError(null);
    setChecking(true);
    try {
      await checkOfficerToken(presented);
      signIn(presented);
      void navigate(state.from ?? OFFICER_PATH, { replace: true });
    } catch (error) {
      const found = asProblem(error);
      if (found.code === 'UNAUTHENTICATED') refuse(t('signIn.tokenRejected'));
      else setProblem(found);
      setChecking(false);
    }
  };

  return (
    <Stack gap="md" maw={640}>
      <Title order={1}>{t('signIn.title')}</Title>
      {state.reason && (
        <Alert
          variant="light"
          color={state.reason === 'required' || state.reason === 'signedOut' ? 'blue' : 'red'}
          role="status"
        >
          {t(`signIn.reason.${state.reason}`)}
        </Alert>
      )}
      <Stack gap="xs" component="section" aria-labelledby="eid-sign-in">
        <Title order={2} size="h3" id="eid-sign-in">
          {t('officerSignIn.eid')}
        </Title>
        <Text>{t('officerSignIn.eidHelp')}</Text>
        <div>
          <Button component="a" href={loginUrl(state.from ?? OFFICER_PATH, 2)} onClick={markSignInStarted}>
            {t('officerSignIn.eid')}
          </Button>
        </div>
      </Stack>
      <Title order={2} size="h3">
        {t('officerSignIn.firstSetup')}
      </Title>
      <Text>
        <Trans i18nKey="signIn.explanation" components={{ code: <Code /> }} />
      </Text>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <PasswordInput
            ref={input}
            label={t('signIn.tokenLabel')}
            description={t('signIn.tokenHelp')}
            value={token}
            onChange={(event) => setToken(event.currentTarget.value)}
            error={inputError}
            aria-invalid={inputError !== null}
            required
            autoComplete="off"
            spellCheck={false}
            visibilityToggleButtonProps={{ 'aria-label': t('signIn.showToken') }}
          />
          {problem && <ProblemAlert problem={problem} />}
          <div>
            <Button type="submit" loading={checking}>
              {t('signIn.submit')}
            </Button>
          </div>
        </Stack>
      </form>
    </Stack>
  );
}
