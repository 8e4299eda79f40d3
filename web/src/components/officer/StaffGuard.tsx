import { Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { signOutReason } from '../../api/officer-session.ts';
import type { WebSession } from '../../api/web-session.ts';
import { useOfficerToken } from '../../hooks/use-officer-token.ts';
import { useWebSession } from '../../hooks/use-web-session.ts';
import { SIGN_IN_PATH, type SignInState } from '../../officer-paths.ts';
import { ProblemAlert } from '../ProblemAlert.tsx';

export interface StaffGuardProps {
  /** Whether a signed-in account's session holds the role the pages need. */
  readonly allows: (session: WebSession) => boolean;
  /** Why the sign-in page is shown to an account without that role. */
  readonly noRoleReason: SignInState['reason'];
  /** Why it is shown to someone not signed in. */
  readonly requiredReason: SignInState['reason'];
}

/**
 * The staff pages' guard: the access token of this tab (the bootstrap token, first setup), or the web session
 * of an eID account that `allows` accepts. Otherwise (never signed in, signed out, the token refused or the
 * session ended with a 401, or no such role) it sends the user to the staff sign-in page, saying why and where
 * to come back to. The server checks the role again on every call.
 */
export function StaffGuard({ allows, noRoleReason, requiredReason }: StaffGuardProps) {
  const { t } = useTranslation();
  const token = useOfficerToken();
  const session = useWebSession();
  const location = useLocation();
  if (token !== null) return <Outlet />;
  if (session.kind === 'loading') return <Loader size="sm" aria-label={t('common.loading')} />;
  if (session.kind === 'error') return <ProblemAlert problem={session.problem} />;
  if (session.kind === 'signedIn' && allows(session.session)) return <Outlet />;
  const state: SignInState = {
    reason:
      session.kind === 'signedIn'
        ? noRoleReason
        : (signOutReason() ?? (session.kind === 'signedOut' && session.ended ? 'sessionEnded' : requiredReason)),
    from: `${location.pathname}${location.search}`,
  };
  return <Navigate to={SIGN_IN_PATH} replace state={state} />;
}
