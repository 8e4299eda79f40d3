import { Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { signOutReason } from '../../api/officer-session.ts';
import type { WebSession } from '../../api/web-session.ts';
import { useOfficerToken } from '../../hooks/use-officer-token.ts';
import { useWebSession } from '../../hooks/use-web-session.ts';
import { SIGN_IN_PATH, type SignInState } from '../../officer-paths.ts';
import { ProblemAlert } from '../ProblemAlert.tsx';

const isAdmin = (session: WebSession) => session.roles.some((role) => role.role === 'admin');

/**
 * The administration pages' guard: the access token of this tab (the bootstrap administrator token), or the
 * web session of an eID account holding the administrator role. Otherwise it sends the user to the staff
 * sign-in page, saying why and where to come back to. The server checks the role again on every call.
 */
export function RequireAdmin() {
  const { t } = useTranslation();
  const token = useOfficerToken();
  const session = useWebSession();
  const location = useLocation();
  if (token !== null) return <Outlet />;
  if (session.kind === 'loading') return <Loader size="sm" aria-label={t('common.loading')} />;
  if (session.kind === 'error') return <ProblemAlert problem={session.problem} />;
  if (session.kind === 'signedIn' && isAdmin(session.session)) return <Outlet />;
  const state: SignInState = {
    reason:
      session.kind === 'signedIn'
        ? 'noAdminRole'
        : (signOutReason() ?? (session.kind === 'signedOut' && session.ended ? 'sessionEnded' : 'adminRequired')),
    from: `${location.pathname}${location.search}`,
  };
  return <Navigate to={SIGN_IN_PATH} replace state={state} />;
}
