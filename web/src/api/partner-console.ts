import { currentLanguage } from '../i18n/index.ts';
import { apiGet } from './client.ts';
import type { CheckType, Contract, Invoice, Partner, UsageReport } from './partners.ts';
import { problemFrom } from './problem.ts';
import { csrfToken, sessionEnded } from './web-session.ts';

/**
 * The partner console's calls: the signed-in member of a partner's staff reads its own partner's contract,
 * usage, invoices and batch jobs, always with the web session (`credential: 'session'`), never with a token
 * this tab may hold for the officer console. The shapes mirror src/verification/model.ts.
 */

/** The month's quota: checks in the log, rows of unfinished batch jobs, and what is left. */
export interface QuotaStatus {
  readonly month: string;
  readonly quota: number;
  readonly used: number;
  readonly reserved: number;
  readonly remaining: number;
}

export interface PartnerContract {
  readonly partner: Partner;
  /** Null when no contract is in force today. */
  readonly contract: Contract | null;
  readonly quota: QuotaStatus | null;
}

export type BatchStatus = 'queued' | 'running' | 'done' | 'failed';

/** A batch job (src/verification/batch/model.ts). */
export interface BatchJob {
  readonly id: string;
  readonly partnerId: string;
  readonly purpose: string;
  readonly checkTypes: readonly CheckType[];
  readonly sha256: string;
  readonly status: BatchStatus;
  readonly rowsRead: number;
  readonly rowsProcessed: number;
  readonly rowsMatched: number;
  readonly rowsMismatched: number;
  readonly rowsUnreadable: number;
  /** From 0 to 1. */
  readonly progress: number;
  readonly unitPriceVnd: number;
  readonly createdAt: string;
  readonly startedAt?: string;
  readonly finishedAt?: string;
  /** Where the results file is, once `done`. */
  readonly results?: string;
}

const session = { credential: 'session' } as const;

/** @throws ApiProblem UNAUTHENTICATED, FORBIDDEN (not a member of a partner's staff), LEVEL2_SIGN_IN_REQUIRED */
export const getOwnContract = (signal?: AbortSignal) =>
  apiGet<PartnerContract>('/api/v1/partner/contract', { ...session, signal });

export const getOwnUsage = (month: string, signal?: AbortSignal) =>
  apiGet<UsageReport>('/api/v1/partner/usage', { ...session, query: { month, groupBy: 'day' }, signal });

export const getOwnInvoice = (month: string, signal?: AbortSignal) =>
  apiGet<Invoice>(`/api/v1/partner/invoices/${encodeURIComponent(month)}`, { ...session, signal });

/** The partner's latest jobs, newest first. */
export const listBatches = (signal?: AbortSignal) =>
  apiGet<{ items: BatchJob[] }>('/api/v1/verification-batches', { ...session, query: { limit: 20 }, signal });

export const getBatch = (id: string, signal?: AbortSignal) =>
  apiGet<BatchJob>(`/api/v1/verification-batches/${encodeURIComponent(id)}`, { ...session, signal });

/** The results file of a finished job: a same-origin link, which the browser fetches with the session cookie. */
export const batchResultsUrl = (id: string) => `/api/v1/verification-batches/${encodeURIComponent(id)}/results`;

/**
 * Uploads a CSV file for `purpose`: the job it became (`created`), or the job of the same file sent before.
 * @throws ApiProblem BATCH_QUOTA_EXCEEDED, BATCH_HEADER_INVALID, CHECK_TYPE_NOT_ALLOWED, PURPOSE_NOT_ALLOWED,
 *   PARTNER_SUSPENDED, CONTRACT_NOT_IN_FORCE, BATCH_TOO_LARGE, UNAUTHENTICATED, FORBIDDEN
 */
export async function uploadBatch(file: Blob, purpose: string): Promise<{ job: BatchJob; created: boolean }> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    'accept-language': currentLanguage(),
    'content-type': 'text/csv',
  };
  const csrf = await csrfToken();
  if (csrf) headers['x-csrf-token'] = csrf;
  const response = await fetch(`/api/v1/verification-batches?${new URLSearchParams({ purpose })}`, {
    method: 'POST',
    headers,
    body: file,
  });
  if (!response.ok) {
    const problem = await problemFrom(response);
    if (problem.status === 401) sessionEnded();
    throw problem;
  }
  return { job: (await response.json()) as BatchJob, created: response.status === 202 };
}
