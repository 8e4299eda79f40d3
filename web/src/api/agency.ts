import { apiGet, apiSend } from './client.ts';
import type { Dossier, FormValues, QueueItem } from './services-model.ts';

/** An officer's work on dossiers (`/api/v1/agency`): the agency's queue and the decisions on its steps. */

const one = (id: string) => `/api/v1/agency/dossiers/${encodeURIComponent(id)}`;
const stepPath = (id: string, step: string) => `${one(id)}/steps/${encodeURIComponent(step)}`;

export interface QueueFilter {
  readonly state?: string;
  readonly overdue?: boolean;
}

/** The steps waiting at the officer's agency in their jurisdiction. */
export const getQueue = (filter: QueueFilter, signal?: AbortSignal) =>
  apiGet<{ items: QueueItem[] }>('/api/v1/agency/queue', {
    query: { state: filter.state, overdue: filter.overdue ? 'true' : undefined },
    signal,
  });

/** @throws ApiProblem DOSSIER_NOT_FOUND, OUTSIDE_JURISDICTION, FORBIDDEN */
export const getAgencyDossier = (id: string, signal?: AbortSignal) => apiGet<Dossier>(one(id), { signal });

export const claimStep = (id: string, step: string) => apiSend<Dossier>('POST', `${stepPath(id, step)}/claim`);

/** Puts a claimed step back in the queue (or hands it to another officer). */
export const handOnStep = (id: string, step: string, toAccountId?: string) =>
  apiSend<Dossier>('POST', `${stepPath(id, step)}/hand-on`, toAccountId ? { toAccountId } : {});

export type Decision =
  | { readonly decision: 'approve'; readonly note?: string; readonly data?: FormValues }
  | { readonly decision: 'refuse'; readonly note: string }
  | { readonly decision: 'request_supplement'; readonly note: string; readonly documents: readonly string[] };

export const decideStep = (id: string, step: string, decision: Decision) =>
  apiSend<Dossier>('POST', `${stepPath(id, step)}/decision`, decision);
