import { apiGet, apiSend } from './client.ts';

/**
 * The steps of an eID sign-in (`/interaction/:uid/…`): the provider sends the browser to the web app's page
 * `/interaction/:uid`, whose calls the provider's own cookie identifies. No session is involved.
 */

/** One thing an application asks the citizen to share, with what it shares in each language. */
export interface ScopeLabel {
  readonly scope: string;
  readonly vi: string;
  readonly en: string;
}

/** What the sign-in or consent page shows. */
export interface InteractionDetails {
  readonly uid: string;
  readonly prompt: 'login' | 'consent';
  readonly level2Required: boolean;
  readonly client: {
    readonly id: string;
    readonly name: string;
    readonly organisation: string;
    readonly purpose: string;
    /** The platform's own web app: no consent screen. */
    readonly firstParty: boolean;
  };
  readonly scopes: readonly ScopeLabel[];
  /** Set when the password was accepted and the second factor is awaited. */
  readonly secondFactor: null | { readonly method: SecondFactorMethod };
}

export type SecondFactorMethod = 'sms' | 'totp';

/** Where the browser goes next, or the second factor to ask for. */
export type InteractionStep =
  | { readonly redirectTo: string }
  | { readonly next: 'second_factor'; readonly method: SecondFactorMethod; readonly sentTo?: string };

const base = (uid: string) => `/interaction/${encodeURIComponent(uid)}`;

/** @throws ApiProblem INTERACTION_NOT_FOUND when the sign-in expired or is unknown */
export const getInteraction = (uid: string, signal?: AbortSignal) =>
  apiGet<InteractionDetails>(`${base(uid)}/details`, { credential: 'none', signal });

/** @throws ApiProblem INVALID_CREDENTIALS, SIGN_IN_THROTTLED, ACCOUNT_LOCKED, INTERACTION_NOT_FOUND, … */
export const submitPassword = (uid: string, personalId: string, password: string) =>
  apiSend<InteractionStep>('POST', `${base(uid)}/password`, { personalId, password }, { credential: 'none' });

/** @throws ApiProblem OTP_INVALID, OTP_EXPIRED, OTP_TOO_MANY_ATTEMPTS, INTERACTION_STEP_INVALID, … */
export const submitSecondFactor = (uid: string, code: string) =>
  apiSend<{ redirectTo: string }>('POST', `${base(uid)}/second-factor`, { code }, { credential: 'none' });

export const resendCode = (uid: string) =>
  apiSend<{ sentTo: string }>('POST', `${base(uid)}/resend-code`, {}, { credential: 'none' });

/** The citizen approves sharing what the application asked for. */
export const approveConsent = (uid: string) =>
  apiSend<{ redirectTo: string }>('POST', `${base(uid)}/consent`, {}, { credential: 'none' });

/** The citizen declines: the application is told `access_denied`. */
export const abortInteraction = (uid: string) =>
  apiSend<{ redirectTo: string }>('POST', `${base(uid)}/abort`, {}, { credential: 'none' });
