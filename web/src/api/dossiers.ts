import { apiGet, apiSend } from './client.ts';
import type { Dossier, DossierSummary, FormValues, Notification } from './services-model.ts';

/** The citizen's own dossiers (`/api/v1/dossiers`), their payments and notifications; the web session only. */

const BASE = '/api/v1/dossiers';
const one = (id: string) => `${BASE}/${encodeURIComponent(id)}`;
const session = { credential: 'session' } as const;

export interface NewDossier {
  readonly procedureCode: string;
  readonly form: FormValues;
  /** Of an interlinked group whose steps are optional, the ones chosen. */
  readonly steps?: readonly string[];
}

/** @throws ApiProblem VALIDATION_FAILED, LEVEL_TOO_LOW, PROCEDURE_NOT_FOUND, FORM_INVALID */
export const fileDossier = (dossier: NewDossier) => apiSend<Dossier>('POST', BASE, dossier, session);

export const listMyDossiers = (signal?: AbortSignal) =>
  apiGet<{ items: DossierSummary[] }>(BASE, { signal, credential: 'session' });

/** @throws ApiProblem DOSSIER_NOT_FOUND */
export const getMyDossier = (id: string, signal?: AbortSignal) =>
  apiGet<Dossier>(one(id), { signal, credential: 'session' });

/** Answers an open supplement request with a note and the corrected fields. */
export const answerSupplement = (id: string, note: string, form?: FormValues) =>
  apiSend<Dossier>('POST', `${one(id)}/supplement`, form ? { note, form } : { note }, session);

export const withdrawDossier = (id: string, reason: string) =>
  apiSend<Dossier>('POST', `${one(id)}/withdraw`, { reason }, session);

/** Starts paying the dossier's fee: where to send the browser (the payment provider's page). */
export const startPayment = (id: string) =>
  apiSend<{ paymentId: string; redirectUrl: string }>('POST', `${one(id)}/payments`, {}, session);

export const listNotifications = (signal?: AbortSignal) =>
  apiGet<{ items: Notification[] }>('/api/v1/notifications', { signal, credential: 'session' });

export const markNotificationRead = (id: number) =>
  apiSend<unknown>('POST', `/api/v1/notifications/${id}/read`, {}, session);
