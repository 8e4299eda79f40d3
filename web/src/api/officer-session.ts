/**
 * The officer's access token for this browser tab. Until eID sign-in exists the only token is the bootstrap
 * administrator token that `npm start` prints. It is kept in sessionStorage, not localStorage: it dies with
 * the tab and is never shared with other tabs.
 */

const STORAGE_KEY = 'dancu.officer.token';

/** Why the officer is no longer signed in: they signed out, or the server refused the token (401). */
export type SignOutReason = 'signedOut' | 'rejected';

const listeners = new Set<() => void>();
/** Used when the browser refuses storage, so that sign-in still lasts for the page's life. */
let memoryToken: string | null = null;
let lastReason: SignOutReason | null = null;

/** The token, or null when signed out. */
export function officerToken(): string | null {
  try {
    return window.sessionStorage.getItem(STORAGE_KEY) ?? memoryToken;
  } catch {
    return memoryToken;
  }
}

/** Keeps `token` for this tab and tells the subscribers. */
export function signIn(token: string): void {
  memoryToken = token;
  lastReason = null;
  try {
    window.sessionStorage.setItem(STORAGE_KEY, token);
  } catch {
    // Storage disabled: the token lasts for this page only.
  }
  notify();
}

/** Forgets the token; `reason` is shown on the sign-in page. */
export function signOut(reason: SignOutReason): void {
  if (officerToken() === null) return;
  memoryToken = null;
  lastReason = reason;
  try {
    window.sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // Nothing was stored.
  }
  notify();
}

/** Why the last sign-out happened, if it happened in this page's life. */
export function signOutReason(): SignOutReason | null {
  return lastReason;
}

/** Calls `listener` on each sign-in and sign-out; returns the unsubscribe function. */
export function subscribeToOfficerSession(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function notify(): void {
  for (const listener of listeners) listener();
}
