import type { SignOutReason } from './api/officer-session.ts';

/** The officer console's client routes. */
export const OFFICER_PATH = '/officer';
export const SIGN_IN_PATH = '/officer/sign-in';
export const ACTIVATION_PATH = '/officer/activation';

/** The person page of `personalId`, as of `asOf` when given. */
export function personPath(personalId: string, asOf?: string): string {
  const path = `${OFFICER_PATH}/people/${encodeURIComponent(personalId)}`;
  return asOf ? `${path}?${new URLSearchParams({ asOf })}` : path;
}

/** What the sign-in page is told through the router's location state. */
export interface SignInState {
  /**
   * Why the officer is asked to sign in: nothing presented yet, the token ended (signed out, refused by the
   * server), the eID session ended, or the account signed in holds no officer or administrator role; for the
   * administration pages, nothing presented yet (`adminRequired`) or no administrator role (`noAdminRole`).
   */
  readonly reason?: SignOutReason | 'required' | 'sessionEnded' | 'noRole' | 'adminRequired' | 'noAdminRole';
  /** Where to go back to after signing in (path and query). */
  readonly from?: string;
}

/** The agency's work queue of dossiers. */
export const QUEUE_PATH = '/officer/dossiers';

/** The officer's page of a dossier. */
export function officerDossierPath(id: string): string {
  return `${QUEUE_PATH}/${encodeURIComponent(id)}`;
}
