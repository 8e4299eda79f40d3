import { apiSend } from './client.ts';

/** eID accounts without signing in: level-1 registration, the first password, unlocking. */

export interface RegistrationRequest {
  readonly personalId: string;
  readonly fullName: string;
  /** `YYYY-MM-DD` */
  readonly birthDate: string;
  /** 0 and nine digits */
  readonly phone: string;
  readonly email?: string;
}

export interface RegistrationStarted {
  readonly registrationId: string;
  /** The phone the code went to, masked (`091*****78`). */
  readonly sentTo: string;
  readonly codeExpiresAt: string;
}

const BASE = '/api/v1/accounts';

/** @throws ApiProblem REGISTRATION_MISMATCH, ACCOUNT_EXISTS, PERSON_NOT_ELIGIBLE, VALIDATION_FAILED */
export const startRegistration = (request: RegistrationRequest) =>
  apiSend<RegistrationStarted>('POST', `${BASE}/registrations`, request, { credential: 'none' });

/** @throws ApiProblem OTP_INVALID, OTP_EXPIRED, OTP_TOO_MANY_ATTEMPTS, PASSWORD_TOO_WEAK, REGISTRATION_NOT_FOUND */
export const confirmRegistration = (registrationId: string, code: string, password: string) =>
  apiSend<{ accountId: string }>(
    'POST',
    `${BASE}/registrations/${encodeURIComponent(registrationId)}/confirmation`,
    { code, password },
    { credential: 'none' },
  );

/** The first password of an account made at the police station, with the code sent to its phone. */
export const setFirstPassword = (personalId: string, code: string, password: string) =>
  apiSend('POST', `${BASE}/first-password`, { personalId, code, password }, { credential: 'none' });

/** Asks for a code to unlock an account its holder locked; it goes to the account's phone. */
export const requestUnlock = (personalId: string, phone: string) =>
  apiSend<{ sentTo: string }>('POST', `${BASE}/unlock-requests`, { personalId, phone }, { credential: 'none' });

/** @throws ApiProblem OTP_INVALID, OTP_EXPIRED, UNLOCK_NOT_ALLOWED, ACCOUNT_NOT_LOCKED */
export const confirmUnlock = (personalId: string, code: string) =>
  apiSend('POST', `${BASE}/unlock`, { personalId, code }, { credential: 'none' });
