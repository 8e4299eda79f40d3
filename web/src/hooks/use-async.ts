import { useEffect, useRef, useState } from 'react';
import { type ApiProblem, asProblem } from '../api/problem.ts';

export type AsyncState<T> =
  | { readonly kind: 'idle' }
  | { readonly kind: 'loading' }
  | { readonly kind: 'ok'; readonly value: T }
  | { readonly kind: 'error'; readonly problem: ApiProblem };

/**
 * Runs `load` whenever `key` changes (nothing while `key` is null) and tracks its outcome. `key` names the
 * request (e.g. its URL): a new key aborts the previous request, and a stale answer is never shown.
 */
export function useAsync<T>(key: string | null, load: (signal: AbortSignal) => Promise<T>): AsyncState<T> {
  const [result, setResult] = useState<{ key: string; state: AsyncState<T> } | null>(null);
  const latestLoad = useRef(load);
  latestLoad.current = load;

  useEffect(() => {
    if (key === null) return;
    const controller = new AbortController();
    setResult(null);
    latestLoad.current(controller.signal).then(
      (value) => {
        if (!controller.signal.aborted) setResult({ key, state: { kind: 'ok', value } });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setResult({ key, state: { kind: 'error', problem: asProblem(error) } });
      },
    );
    return () => controller.abort();
  }, [key]);

  if (key === null) return { kind: 'idle' };
  return result?.key === key ? result.state : { kind: 'loading' };
}
