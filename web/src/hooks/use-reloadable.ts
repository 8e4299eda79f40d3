import { useRef, useState } from 'react';
import { type AsyncState, useAsync } from './use-async.ts';

/**
 * `useAsync` for data a page changes and then reads again: `reload()` fetches anew, while the last value stays
 * shown (no flash of a loader, and the sections keep their own state).
 */
export function useReloadable<T>(
  name: string,
  load: (signal: AbortSignal) => Promise<T>,
): { state: AsyncState<T>; reload: () => void } {
  const [round, setRound] = useState(0);
  const state = useAsync(`${name}:${round}`, load);
  const last = useRef<AsyncState<T>>({ kind: 'loading' });
  if (state.kind !== 'loading') last.current = state;
  return {
    state: state.kind === 'loading' && last.current.kind === 'ok' ? last.current : state,
    reload: () => setRound((n) => n + 1),
  };
}
