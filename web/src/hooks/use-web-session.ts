import { useEffect, useSyncExternalStore } from 'react';
import {
  loadSession,
  mayHaveSession,
  type SessionState,
  sessionState,
  subscribeToWebSession,
} from '../api/web-session.ts';

/**
 * The web session, asked of the server once per page load. `required` pages ask in any case; others only when
 * this browser may hold a session (else they are told `signedOut` without a request).
 */
export function useWebSession(required = false): SessionState {
  const state = useSyncExternalStore(subscribeToWebSession, sessionState);
  const ask = required || mayHaveSession();
  useEffect(() => {
    if (state.kind === 'unknown' && ask) void loadSession();
  }, [state.kind, ask]);
  if (state.kind === 'unknown') return ask ? { kind: 'loading' } : { kind: 'signedOut', ended: false };
  return state;
}
