import { useCallback, useState } from 'react';
import { type ApiProblem, asProblem } from '../api/problem.ts';
import { getAccessLog } from '../api/registry.ts';
import type { AccessLogItem, AccessLogPage } from '../api/registry-model.ts';
import { type AsyncState, useAsync } from './use-async.ts';

export const ACCESS_LOG_PAGE_SIZE = 10;

export interface AccessLogView {
  /** The newest page, loaded again on each change of `reloadKey`. */
  readonly first: AsyncState<AccessLogPage>;
  /** The older entries loaded with `loadMore`, after those of `first`. */
  readonly older: readonly AccessLogItem[];
  /** Whether there are entries older than those shown. */
  readonly hasMore: boolean;
  readonly loadingMore: boolean;
  readonly moreProblem: ApiProblem | null;
  loadMore(): void;
}

interface Older {
  readonly key: string;
  readonly items: readonly AccessLogItem[];
  readonly next: string | undefined;
  readonly loading: boolean;
  readonly problem: ApiProblem | null;
}

/**
 * A person's access history, newest first, a page at a time. `reloadKey` (null: not yet) reloads it from
 * the newest entry, e.g. after each read of the person page, which adds an entry of its own.
 */
export function useAccessLog(personalId: string, reloadKey: string | null): AccessLogView {
  const key = reloadKey === null ? null : `${personalId}|${reloadKey}`;
  const first = useAsync(key, (signal) => getAccessLog(personalId, { limit: ACCESS_LOG_PAGE_SIZE }, signal));
  const [older, setOlder] = useState<Older | null>(null);
  const current = older !== null && older.key === key ? older : null;
  const next = current ? current.next : first.kind === 'ok' ? first.value.next : undefined;

  const loadMore = useCallback(() => {
    if (key === null || next === undefined || current?.loading) return;
    const base: Older = current ?? { key, items: [], next, loading: false, problem: null };
    setOlder({ ...base, loading: true, problem: null });
    getAccessLog(personalId, { limit: ACCESS_LOG_PAGE_SIZE, before: next }).then(
      (page) =>
        setOlder((now) =>
          now?.key === key ? { ...now, items: [...now.items, ...page.items], next: page.next, loading: false } : now,
        ),
      (error: unknown) =>
        setOlder((now) => (now?.key === key ? { ...now, loading: false, problem: asProblem(error) } : now)),
    );
  }, [key, next, current, personalId]);

  return {
    first,
    older: current?.items ?? [],
    hasMore: next !== undefined,
    loadingMore: current?.loading ?? false,
    moreProblem: current?.problem ?? null,
    loadMore,
  };
}
