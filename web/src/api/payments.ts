import { apiGet, apiSend } from './client.ts';
import type { SandboxPayment } from './services-model.ts';

/** The built-in sandbox payment provider (`/api/v1/payments/sandbox`): pay or cancel without real money. */

const one = (id: string) => `/api/v1/payments/sandbox/${encodeURIComponent(id)}`;

/** @throws ApiProblem PAYMENT_NOT_FOUND */
export const getSandboxPayment = (id: string, signal?: AbortSignal) =>
  apiGet<SandboxPayment>(one(id), { signal, credential: 'session' });

/** Ends the payment; the answer says where the browser goes back to. */
export const completeSandboxPayment = (id: string, outcome: 'paid' | 'cancelled') =>
  apiSend<{ returnUrl: string }>('POST', `${one(id)}/complete`, { outcome }, { credential: 'session' });
