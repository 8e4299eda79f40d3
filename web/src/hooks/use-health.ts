import { useCallback, useEffect, useState } from 'react';
import { fetchHealth, type Health } from '../api/health.ts';

export type HealthState =
  | { readonly kind: 'checking' }
  | { readonly kind: 'ok'; readonly health: Health }
  | { readonly kind: 'error' };

/** The server's health, checked on mount and again on `retry()`. */
export function useHealth(): { state: HealthState; retry: () => void } {
  const [state, setState] = useState<HealthState>({ kind: 'checking' });
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is the trigger to check again.
  useEffect(() => {
    const controller = new AbortController();
    setState({ kind: 'checking' });
    fetchHealth(controller.signal).then(
      (health) => setState({ kind: 'ok', health }),
      () => {
        if (!controller.signal.aborted) setState({ kind: 'error' });
      },
    );
    return () => controller.abort();
  }, [attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, retry };
}
