import { useSearchParams } from 'react-router';
import { type PersonSearch, searchPeople } from '../api/registry.ts';
import type { PersonPage } from '../api/registry-model.ts';
import { type AsyncState, useAsync } from './use-async.ts';

/** The search the URL's query string holds (`name`, `birthDate`, `communeId`, `after`), or null without a name. */
export function searchFromQuery(params: URLSearchParams): PersonSearch | null {
  const name = params.get('name')?.trim();
  if (!name) return null;
  const optional = (key: string) => params.get(key) || undefined;
  return { name, birthDate: optional('birthDate'), communeId: optional('communeId'), after: optional('after') };
}

/** The query string of `search`, in a fixed order so that equal searches have equal URLs. */
export function queryFromSearch(search: PersonSearch): URLSearchParams {
  const params = new URLSearchParams({ name: search.name });
  if (search.birthDate) params.set('birthDate', search.birthDate);
  if (search.communeId) params.set('communeId', search.communeId);
  if (search.after) params.set('after', search.after);
  return params;
}

/**
 * The search held in the URL and its page of results. The URL is the state: back and forward replay
 * searches and pages.
 */
export function usePersonSearch(): { search: PersonSearch | null; results: AsyncState<PersonPage> } {
  const [params] = useSearchParams();
  const search = searchFromQuery(params);
  const key = search ? queryFromSearch(search).toString() : null;
  const results = useAsync(key, (signal) =>
    search ? searchPeople(search, signal) : Promise.reject(new Error('no search to run')),
  );
  return { search, results };
}
