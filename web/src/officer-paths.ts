import type { SignOutReason } from './api/officer-session.ts';

/** The officer console's client routes. */
export const OFFICER_PATH = '/officer';
export const SIGN_IN_PATH = '/officer/sign-in';

/** The person page of `personalId`, as of `asOf` when given. */
export function personPath(personalId: string, asOf?: string): string {
  const path = `${OFFICER_PATH}/people/${encodeURIComponent(personalId)}`;
  return asOf ? `${path}?${new URLSearchParams({ asOf })}` : path;
}

/** What the sign-in page is told through the router's location state. */
export interface SignInState {
  /** Why the officer is asked to sign in: no token yet, or it ended (signed out, refused by the server). */
  readonly reason?: SignOutReason | 'required';
  /** Where to go back to after signing in (path and query). */
  readonly from?: string;
}
