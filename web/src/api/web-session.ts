import { currentLanguage } from '../i18n/index.ts';
import { type ApiProblem, asProblem, problemFrom } from './problem.ts';

/**
 * The web app's own session: the server signs the browser in through the eID provider (`/auth/login`) and
 * keeps the session behind an httpOnly cookie that scripts cannot read. `GET /api/v1/session` tells who it
 * stands for, and gives the CSRF token that every unsafe request made with the cookie must echo.
 *
 * Asking when nobody signed in costs a 401 (which browsers print in the console), so anonymous pages ask only
 * when this browser may hold a session: a sign-in was started or a session was seen, and no 401 or sign-out
 * came since. Pages that need the session ask in any case.
 */

/** A role of the signed-in account, as the session endpoint gives it. */
export interface SessionRole {
  readonly id: number;
  readonly role: 'officer' | 'admin';
  readonly agency: 'police' | 'civil_status' | 'social_insurance' | 'social_affairs' | 'justice' | null;
  readonly communeId: string | null;
  readonly provinceId: string | null;
}

/** What `GET /api/v1/session` answers. */
export interface WebSession {
  readonly actor: { readonly id: string; readonly kind: string; readonly name?: string };
  readonly via: 'session' | 'token';
  readonly account?: { readonly id: string; readonly personalId: string; readonly acr: string };
  readonly roles: readonly SessionRole[];
  readonly csrfToken?: string;
}

export type SessionState =
  | { readonly kind: 'unknown' }
  | { readonly kind: 'loading' }
  | { readonly kind: 'signedIn'; readonly session: WebSession }
  /** `ended`: the browser had a session that the server no longer accepts. */
  | { readonly kind: 'signedOut'; readonly ended: boolean }
  | { readonly kind: 'error'; readonly problem: ApiProblem };

/** The `acr` of a level-2 sign-in (src/identity/model.ts). */
export const ACR_LEVEL2 = 'urn:dancu:eid:level2';

const HINT_KEY = 'dancu.session.maybe';
const listeners = new Set<() => void>();
let state: SessionState = { kind: 'unknown' };
let loading: Promise<SessionState> | null = null;

/** The session as last learnt. */
export function sessionState(): SessionState {
  return state;
}

/** Calls `listener` on every change of the session state; returns the unsubscribe function. */
export function subscribeToWebSession(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Whether this browser may hold a session cookie (see above). */
export function mayHaveSession(): boolean {
  try {
    return window.localStorage.getItem(HINT_KEY) === '1';
  } catch {
    return true;
  }
}

function setHint(present: boolean): void {
  try {
    if (present) window.localStorage.setItem(HINT_KEY, '1');
    else window.localStorage.removeItem(HINT_KEY);
  } catch {
    // Storage disabled: every page then asks the server.
  }
}

function setState(next: SessionState): void {
  state = next;
  for (const listener of listeners) listener();
}

/** Asks the server who the cookie stands for; concurrent calls share one request. */
export function loadSession(): Promise<SessionState> {
  loading ??= fetchSession().finally(() => {
    loading = null;
  });
  return loading;
}

async function fetchSession(): Promise<SessionState> {
  const hadHint = mayHaveSession();
  setState({ kind: 'loading' });
  let next: SessionState;
  try {
    const response = await fetch('/api/v1/session', {
      headers: { accept: 'application/json', 'accept-language': currentLanguage() },
    });
    if (response.ok) {
      const session = (await response.json()) as WebSession;
      next = session.via === 'session' ? { kind: 'signedIn', session } : { kind: 'signedOut', ended: false };
    } else {
      const problem = await problemFrom(response);
      next = problem.status === 401 ? { kind: 'signedOut', ended: hadHint } : { kind: 'error', problem };
    }
  } catch (error) {
    next = { kind: 'error', problem: asProblem(error) };
  }
  if (next.kind === 'signedIn') setHint(true);
  if (next.kind === 'signedOut') setHint(false);
  setState(next);
  return next;
}

/** Called when the server refused the cookie (a 401): the session ended. */
export function sessionEnded(): void {
  setHint(false);
  setState({ kind: 'signedOut', ended: true });
}

/** The CSRF token of the session, asking the server when it is not known yet. */
export async function csrfToken(): Promise<string | undefined> {
  const known = state.kind === 'signedIn' ? state : await loadSession();
  return known.kind === 'signedIn' ? known.session.csrfToken : undefined;
}

/** `/auth/login`: the server's start of a sign-in through the eID provider, coming back to `returnTo`. */
export function loginUrl(returnTo: string, level: 1 | 2 = 1): string {
  const query = new URLSearchParams({ returnTo });
  if (level === 2) query.set('level', '2');
  return `/auth/login?${query}`;
}

/** Remembers that a sign-in started, so that the page it returns to asks for the session. */
export function markSignInStarted(): void {
  setHint(true);
}

/** Leaves for the eID sign-in, to come back to `returnTo`. */
export function startSignIn(returnTo: string, level: 1 | 2 = 1): void {
  markSignInStarted();
  window.location.assign(loginUrl(returnTo, level));
}

/**
 * Ends the session on the server, then sends the browser where the server says (the provider's sign-out,
 * which ends the eID session too).
 *
 * @throws ApiProblem when the server refused
 */
export async function signOutOfSession(): Promise<void> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    'content-type': 'application/json',
    'accept-language': currentLanguage(),
  };
  const csrf = await csrfToken();
  if (csrf) headers['x-csrf-token'] = csrf;
  const response = await fetch('/auth/logout', { method: 'POST', headers, body: '{}' });
  if (!response.ok) throw await problemFrom(response);
  const { redirectTo } = (await response.json()) as { redirectTo: string };
  setHint(false);
  // The state stays as it is while the browser leaves: a guard seeing "signed out" would start a new sign-in.
  window.location.assign(redirectTo);
}

/** Whether the session's account holds an officer or administrator role. */
export function isStaff(session: WebSession): boolean {
  return session.roles.some((role) => role.role === 'officer' || role.role === 'admin');
}
