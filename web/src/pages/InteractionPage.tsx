import { Alert, Anchor, Loader, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { abortInteraction, getInteraction, type InteractionDetails, type InteractionStep } from '../api/interaction.ts';
import { type ApiProblem, asProblem } from '../api/problem.ts';
import { ConsentView } from '../components/eid/ConsentView.tsx';
import { SecondFactorForm } from '../components/eid/SecondFactorForm.tsx';
import { SignInForm } from '../components/eid/SignInForm.tsx';
import { ProblemAlert } from '../components/ProblemAlert.tsx';
import { useAsync } from '../hooks/use-async.ts';
import { usePageTitle } from '../hooks/use-page-title.ts';

type SecondFactor = { readonly method: 'sms' | 'totp'; readonly sentTo?: string | undefined };

/**
 * Where the eID provider sends the browser to sign in (`/interaction/:uid`): the password, then the code
 * of a level-2 sign-in, or the consent screen of an application. Each step ends by sending the browser back
 * to the provider, which goes on to the next step or to the application.
 */
export function InteractionPage() {
  const { t } = useTranslation();
  const uid = useParams().uid ?? '';
  const details = useAsync(`interaction:${uid}`, (signal) => getInteraction(uid, signal));
  const [secondFactor, setSecondFactor] = useState<SecondFactor | null>(null);
  const [redirecting, setRedirecting] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [cancelProblem, setCancelProblem] = useState<ApiProblem | null>(null);

  const consent = details.kind === 'ok' && details.value.prompt === 'consent';
  const title = consent ? t('interaction.consentTitle') : t('interaction.loginTitle');
  usePageTitle(title);

  const leave = (redirectTo: string) => {
    setRedirecting(true);
    window.location.assign(redirectTo);
  };
  const onStep = (step: InteractionStep) => {
    if ('redirectTo' in step) leave(step.redirectTo);
    else setSecondFactor({ method: step.method, sentTo: step.sentTo });
  };
  const onCancel = async () => {
    setCancelProblem(null);
    setCancelling(true);
    try {
      leave((await abortInteraction(uid)).redirectTo);
    } catch (error) {
      setCancelProblem(asProblem(error));
      setCancelling(false);
    }
  };

  if (details.kind === 'error') {
    return (
      <Stack gap="md" maw={640}>
        <Title order={1}>{t('interaction.notFoundTitle')}</Title>
        <ProblemAlert problem={details.problem} />
        <Anchor component={Link} to="/">
          {t('interaction.home')}
        </Anchor>
      </Stack>
    );
  }

  return (
    <Stack gap="md" maw={640}>
      <Title order={1}>{title}</Title>
      {details.kind !== 'ok' ? (
        <Loader size="sm" aria-label={t('common.loading')} />
      ) : redirecting ? (
        <Text role="status">{t('interaction.redirecting')}</Text>
      ) : (
        <>
          <ClientLine details={details.value} />
          {cancelProblem && <ProblemAlert problem={cancelProblem} />}
          {consent ? (
            <ConsentView details={details.value} onDone={leave} onDeny={onCancel} denying={cancelling} />
          ) : (secondFactor ?? details.value.secondFactor) ? (
            <SecondFactorForm
              uid={uid}
              method={(secondFactor ?? details.value.secondFactor)?.method ?? 'sms'}
              sentTo={secondFactor?.sentTo}
              onDone={leave}
              onCancel={onCancel}
              cancelling={cancelling}
            />
          ) : (
            <SignInForm uid={uid} onStep={onStep} onCancel={onCancel} cancelling={cancelling} />
          )}
        </>
      )}
    </Stack>
  );
}

/** For whom the citizen signs in, and whether level 2 is asked for. */
function ClientLine({ details }: { details: InteractionDetails }) {
  const { t } = useTranslation();
  const { client } = details;
  return (
    <>
      {!client.firstParty && details.prompt === 'login' && (
        <Text fw={500}>{t('interaction.forClient', { name: client.name, organisation: client.organisation })}</Text>
      )}
      {details.level2Required && details.prompt === 'login' && (
        <Alert variant="light" color="blue" role="note">
          {t('interaction.level2Required')}
        </Alert>
      )}
    </>
  );
}
