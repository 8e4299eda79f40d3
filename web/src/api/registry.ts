import { apiGet } from './client.ts';
import type { AccessLogPage, PersonPage, PersonRecord } from './registry-model.ts';

const BASE = '/api/v1/registry';

export interface PersonSearch {
  readonly name: string;
  readonly birthDate?: string | undefined;
  readonly communeId?: string | undefined;
  /** The `next` cursor of the previous page. */
  readonly after?: string | undefined;
}

export const SEARCH_PAGE_SIZE = 20;

/**
 * Finds people by name (at least 3 letters, diacritics optional), date of birth and commune.
 * @throws ApiProblem SEARCH_TOO_BROAD, VALIDATION_FAILED, INVALID_CURSOR, UNAUTHENTICATED, …
 */
export function searchPeople(search: PersonSearch, signal?: AbortSignal): Promise<PersonPage> {
  return apiGet<PersonPage>(`${BASE}/people`, { query: { ...search, limit: SEARCH_PAGE_SIZE }, signal });
}

/**
 * The person page as of a day (the server's today without `asOf`).
 * @throws ApiProblem PERSON_NOT_FOUND, AS_OF_BEFORE_BIRTH, INVALID_PERSONAL_ID, UNAUTHENTICATED, …
 */
export function getPersonRecord(personalId: string, asOf: string | undefined, signal?: AbortSignal) {
  return apiGet<PersonRecord>(`${BASE}/people/${encodeURIComponent(personalId)}/record`, {
    query: { asOf },
    signal,
  });
}

/** Who accessed a person's data, newest first, `limit` at a time; `before` is the previous page's `next`. */
export function getAccessLog(personalId: string, page: { limit: number; before?: string }, signal?: AbortSignal) {
  return apiGet<AccessLogPage>(`${BASE}/people/${encodeURIComponent(personalId)}/access-log`, {
    query: page,
    signal,
  });
}

/**
 * Whether the server accepts `token`: `GET /api/v1/session` answers with the caller it stands for, or 401.
 * Nothing is read about anyone, so nothing is logged.
 *
 * @throws ApiProblem UNAUTHENTICATED for a wrong token; any other problem when the check itself failed.
 */
export async function checkOfficerToken(token: string): Promise<void> {
  await apiGet<unknown>('/api/v1/session', { token });
}
