import { apiGet, apiSend } from './client.ts';
import type { ScopeLabel } from './interaction.ts';
import type { SessionRole } from './web-session.ts';

/** The signed-in holder's own account (`/api/v1/me`), through the web session's cookie. */

export type LockReason = 'holder' | 'police' | 'guardian' | 'deceased';

export interface MyAccount {
  readonly id: string;
  readonly personalId: string;
  readonly fullName: string;
  readonly level: 1 | 2;
  readonly status: 'active' | 'locked';
  readonly lockedReason: LockReason | null;
  readonly phone: string;
  readonly email: string | null;
  readonly totpEnabled: boolean;
  readonly roles: readonly SessionRole[];
  readonly guardianOf: readonly { accountId: string; personalId: string; fullName: string; status: string }[];
  readonly createdAt: string;
  readonly level2At: string | null;
}

/** An application the holder let see their data. */
export interface Consent {
  readonly grantId: string;
  readonly clientId: string;
  readonly clientName: string;
  readonly organisation: string;
  readonly purpose: string;
  readonly scopes: readonly ScopeLabel[];
  readonly grantedAt: string | null;
}

const BASE = '/api/v1/me';
const session = { credential: 'session' } as const;

export const getMyAccount = (signal?: AbortSignal) => apiGet<MyAccount>(BASE, { ...session, signal });
export const lockMyAccount = () => apiSend('POST', `${BASE}/lock`, {}, session);
/** @throws ApiProblem INVALID_CREDENTIALS (the current password is wrong), PASSWORD_TOO_WEAK */
export const changePassword = (current: string, next: string) =>
  apiSend('POST', `${BASE}/password`, { current, next }, session);
/** Starts enrolling an authenticator app: its secret, and the `otpauth://` URI that carries it. */
export const beginTotp = () => apiSend<{ secret: string; uri: string }>('POST', `${BASE}/totp`, {}, session);
/** @throws ApiProblem OTP_INVALID */
export const confirmTotp = (secret: string, code: string) =>
  apiSend('POST', `${BASE}/totp/confirmation`, { secret, code }, session);
export const listConsents = (signal?: AbortSignal) =>
  apiGet<{ items: Consent[] }>(`${BASE}/consents`, { ...session, signal });
export const revokeConsent = (grantId: string) =>
  apiSend('DELETE', `${BASE}/consents/${encodeURIComponent(grantId)}`, undefined, session);
/** @throws ApiProblem GUARDIAN_NOT_LEVEL2, NOT_GUARDIAN, CHILD_TOO_OLD, ACCOUNT_EXISTS, PERSON_NOT_FOUND */
export const addChildAccount = (personalId: string) =>
  apiSend<{ accountId: string }>('POST', `${BASE}/children`, { personalId }, session);
export const setChildLock = (accountId: string, locked: boolean) =>
  apiSend('POST', `${BASE}/children/${encodeURIComponent(accountId)}/lock`, { locked }, session);
