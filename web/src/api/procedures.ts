import { apiGet } from './client.ts';
import type { FormValues, Procedure } from './services-model.ts';

/** The procedure catalogue (`/api/v1/services/procedures`) and the registry's pre-filling of an e-form. */

const BASE = '/api/v1/services/procedures';
const one = (code: string) => `${BASE}/${encodeURIComponent(code)}`;

/** The catalogue; `q` is matched by the server without regard to accents. */
export const listProcedures = (q: string, signal?: AbortSignal) =>
  apiGet<{ items: Procedure[] }>(BASE, { query: { q }, signal, credential: 'none' });

/** @throws ApiProblem PROCEDURE_NOT_FOUND */
export const getProcedure = (code: string, signal?: AbortSignal) =>
  apiGet<Procedure>(one(code), { signal, credential: 'none' });

/**
 * The e-form's values the registry knows for the signed-in citizen.
 * @throws ApiProblem LEVEL_TOO_LOW, UNAUTHENTICATED, PROCEDURE_NOT_FOUND
 */
export const getPrefill = (code: string, signal?: AbortSignal) =>
  apiGet<{ form: FormValues }>(`${one(code)}/prefill`, { signal, credential: 'session' });
