import { apiGet } from './client.ts';
import { ApiProblem } from './problem.ts';
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
 * Whether the server accepts `token`. There is no "who am I" endpoint yet, so this asks for a search the
 * server refuses before reading anything (a one-letter name: SEARCH_TOO_BROAD), after it has checked the
 * token: 401 means the token is wrong, SEARCH_TOO_BROAD that it is right. Nothing is read, nothing logged.
 *
 * @throws ApiProblem UNAUTHENTICATED for a wrong token; any other problem when the check itself failed.
 */
export async function checkOfficerToken(token: string): Promise<void> {
  try {
    await apiGet<PersonPage>(`${BASE}/people`, { query: { name: '-', limit: 1 }, token });
  } catch (error) {
    if (error instanceof ApiProblem && error.code === 'SEARCH_TOO_BROAD') return;
    throw error;
  }
  // A one-letter search that succeeds would mean the server changed its rules; the token was accepted.
}
