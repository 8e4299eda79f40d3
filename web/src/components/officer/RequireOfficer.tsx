import { Navigate, Outlet, useLocation } from 'react-router';
import { signOutReason } from '../../api/officer-session.ts';
import { useOfficerToken } from '../../hooks/use-officer-token.ts';
import { SIGN_IN_PATH, type SignInState } from '../../officer-paths.ts';

/**
 * The officer pages' guard: without a token (never signed in, signed out, or refused by the server with a
 * 401, which clears it) it sends the officer to the sign-in page, saying why and where to come back to.
 */
export function RequireOfficer() {
  const token = useOfficerToken();
  const location = useLocation();
  if (token === null) {
    const state: SignInState = {
      reason: signOutReason() ?? 'required',
      from: `${location.pathname}${location.search}`,
    };
    return <Navigate to={SIGN_IN_PATH} replace state={state} />;
  }
  return <Outlet />;
}
