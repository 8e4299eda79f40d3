import { useSyncExternalStore } from 'react';
import { officerToken, subscribeToOfficerSession } from '../api/officer-session.ts';

/** The officer's token for this tab, or null; re-renders on sign-in and sign-out. */
export function useOfficerToken(): string | null {
  return useSyncExternalStore(subscribeToOfficerSession, officerToken);
}
