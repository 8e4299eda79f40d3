import { Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { signOutReason } from '../../api/officer-session.ts';
import { isStaff } from '../../api/web-session.ts';
import { useOfficerToken } from '../../hooks/use-officer-token.ts';
import { useWebSession } from '../../hooks/use-web-session.ts';
import { SIGN_IN_PATH, type SignInState } from '../../officer-paths.ts';
import { ProblemAlert } from '../ProblemAlert.tsx';

/**
 * The officer pages' guard. An officer is signed in with the access token of this tab (first setup), or with
 * the web session of an eID account holding an officer or administrator role. Otherwise (never signed in,
 * signed out, the token refused or the session ended with a 401, or no such role) it sends the officer to
 * the sign-in page, saying why and where to come back to.
 */
export function RequireOfficer() {
  const { t } = useTranslation();
  const token = useOfficerToken();
  const session = useWebSession();
  const location = useLocation();
  if (token !== null) return <Outlet />;
  if (session.kind === 'loading') return <Loader size="sm" aria-label={t('common.loading')} />;
  if (session.kind === 'error') return <ProblemAlert problem={session.problem} />;
  if (session.kind === 'signedIn' && isStaff(session.session)) return <Outlet />;
  const state: SignInState = {
    reason:
      session.kind === 'signedIn'
        ? 'noRole'
        : (signOutReason() ?? (session.kind === 'signedOut' && session.ended ? 'sessionEnded' : 'required')),
    from: `${location.pathname}${location.search}`,
  };
  return <Navigate to={SIGN_IN_PATH} replace state={state} />;
}
