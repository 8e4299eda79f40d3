import { Loader, Stack, Text } from '@mantine/core';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { startSignIn, type WebSession } from '../api/web-session.ts';
import { useWebSession } from '../hooks/use-web-session.ts';
import { ProblemAlert } from './ProblemAlert.tsx';

/**
 * The guard of the pages of a signed-in person: asks the server for the session and, when there is none
 * (a 401), sends the browser to the eID sign-in, to come back here; at `level` 2 when the page needs it.
 */
export function RequireSession({
  children,
  level = 1,
}: {
  children: (session: WebSession) => ReactNode;
  level?: 1 | 2;
}) {
  const { t } = useTranslation();
  const state = useWebSession(true);
  const { pathname, search } = useLocation();
  const signedOut = state.kind === 'signedOut';

  useEffect(() => {
    if (signedOut) startSignIn(`${pathname}${search}`, level);
  }, [signedOut, pathname, search, level]);

  switch (state.kind) {
    case 'signedIn':
      return children(state.session);
    case 'error':
      return <ProblemAlert problem={state.problem} />;
    case 'signedOut':
      return <Text role="status">{t('account.redirecting')}</Text>;
    default:
      return (
        <Stack gap="xs">
          <Loader size="sm" aria-label={t('account.checking')} />
        </Stack>
      );
  }
}
