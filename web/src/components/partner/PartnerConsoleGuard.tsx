import { Alert, Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation } from 'react-router';
import { getOwnContract } from '../../api/partner-console.ts';
import { startSignIn } from '../../api/web-session.ts';
import type { PartnerConsoleContext } from '../../hooks/use-partner-console.ts';
import { useReloadable } from '../../hooks/use-reloadable.ts';
import { useWebSession } from '../../hooks/use-web-session.ts';
import { ProblemAlert } from '../ProblemAlert.tsx';
import { PartnerConsoleNav } from './PartnerConsoleNav.tsx';
import { SessionSignOutButton } from './SessionSignOutButton.tsx';

/**
 * The partner console's guard: a member of a partner's staff signs in through the platform's eID at level 2
 * (a second factor). Without a session the browser goes to that sign-in and comes back here.
 */
export function PartnerConsoleGuard() {
  const { t } = useTranslation();
  const session = useWebSession(true);
  const { pathname, search } = useLocation();
  const here = `${pathname}${search}`;
  const signedOut = session.kind === 'signedOut';

  useEffect(() => {
    if (signedOut) startSignIn(here, 2);
  }, [signedOut, here]);

  switch (session.kind) {
    case 'signedIn':
      return <PartnerConsoleFrame />;
    case 'error':
      return <ProblemAlert problem={session.problem} />;
    case 'signedOut':
      return <Text role="status">{t('partnerConsole.redirecting')}</Text>;
    default:
      return <Loader size="sm" aria-label={t('common.loading')} />;
  }
}

/**
 * The signed-in member's console: the server answers for the member's own partner only. An account that is
 * nobody's staff, or signed in without a second factor, is told so. The pages below get the partner and its
 * contract (`usePartnerConsole`).
 */
function PartnerConsoleFrame() {
  const { t } = useTranslation();
  const { pathname, search } = useLocation();
  const { state, reload } = useReloadable('partner-contract', (signal) => getOwnContract(signal));

  if (state.kind === 'loading' || state.kind === 'idle') return <Loader size="sm" aria-label={t('common.loading')} />;
  if (state.kind === 'error') {
    const { code } = state.problem;
    return (
      <Stack gap="md" maw={720}>
        <Title order={1}>{t('partnerConsole.title')}</Title>
        {code === 'LEVEL2_SIGN_IN_REQUIRED' || code === 'FORBIDDEN' ? (
          <Alert color="orange" variant="light" title={t(`partnerConsole.refused.${code}`)}>
            {t(`partnerConsole.refusedHelp.${code}`)}
          </Alert>
        ) : (
          <ProblemAlert problem={state.problem} />
        )}
        <Group gap="sm">
          {code === 'LEVEL2_SIGN_IN_REQUIRED' && (
            <Button onClick={() => startSignIn(`${pathname}${search}`, 2)}>{t('partnerConsole.signInLevel2')}</Button>
          )}
          <SessionSignOutButton />
        </Group>
      </Stack>
    );
  }
  const context: PartnerConsoleContext = { contract: state.value, reload };
  return (
    <Stack gap="lg" maw={1100}>
      <PartnerConsoleNav partnerName={state.value.partner.name} />
      <Outlet context={context} />
    </Stack>
  );
}
