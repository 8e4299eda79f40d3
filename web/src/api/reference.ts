import { apiGet } from './client.ts';

/**
 * Public reference data (`/api/v1/reference`): administrative units and code lists. No token needed, and
 * it changes rarely, so the lists are fetched once per page load.
 */

export type Era = '2025' | 'pre2025';

export interface Commune {
  readonly id: string;
  readonly era: Era;
  readonly name: string;
  readonly districtName: string | null;
  readonly provinceId: string;
}

export interface Province {
  readonly id: string;
  readonly era: Era;
  readonly name: string;
  readonly shortName: string;
}

/** A commune as it stands today (`recorded`), and the 2025 unit(s) that replaced it (`current`). */
export interface ResolvedCommune {
  readonly recorded: { readonly commune: Commune; readonly province: Province };
  readonly current: readonly { readonly commune: Commune; readonly province: Province }[];
}

export interface CodeName {
  readonly code: string;
  readonly name: string;
}

const BASE = '/api/v1/reference';

/** 2025 communes whose name matches `q` (accents and case ignored). */
export function findCommunes(q: string, signal?: AbortSignal): Promise<Commune[]> {
  return apiGet<Commune[]>(`${BASE}/communes`, { query: { q, era: '2025', limit: 20 }, signal, credential: 'none' });
}

const cache = new Map<string, Promise<unknown>>();

/** GETs `path` once per page load; a failed fetch is forgotten so that the next call tries again. */
function cached<T>(path: string, query: Record<string, string> = {}): Promise<T> {
  const key = `${path}?${new URLSearchParams(query)}`;
  let found = cache.get(key) as Promise<T> | undefined;
  if (!found) {
    found = apiGet<T>(path, { query, credential: 'none' });
    found.catch(() => cache.delete(key));
    cache.set(key, found);
  }
  return found;
}

/** A commune of either era, with the unit(s) it belongs to today. */
export const resolveCommune = (communeId: string): Promise<ResolvedCommune> =>
  cached(`${BASE}/communes/${encodeURIComponent(communeId)}`);
/** The 34 provinces of the 2025 map. */
export const listProvinces = (): Promise<Province[]> => cached(`${BASE}/provinces`, { era: '2025' });
/** Ethnic groups (dân tộc) by code. */
export const listEthnicities = (): Promise<CodeName[]> => cached(`${BASE}/ethnicities`);
/** Religions (tôn giáo) by code. */
export const listReligions = (): Promise<CodeName[]> => cached(`${BASE}/religions`);
