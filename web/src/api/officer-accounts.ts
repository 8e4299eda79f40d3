import { apiSend } from './client.ts';

/** Police officers' work on eID accounts (`/api/v1/officer/…`). */

/** What the officer attests at the desk for a level-2 activation. */
export interface Level2Evidence {
  readonly personalId: string;
  /** The card checked; for a chip card its number is the personal ID number. */
  readonly cardNumber: string;
  readonly faceMatched: boolean;
  readonly fingerprintsMatched: boolean;
  /** The phone of an account created at activation (a person without a level-1 account). */
  readonly phone?: string;
  readonly method?: 'in_person' | 'new_card';
  /** 10 to 500 characters. */
  readonly attestation: string;
}

/**
 * Activates level 2 (creating the account when the person has none).
 * @throws ApiProblem FORBIDDEN, OUTSIDE_JURISDICTION, CARD_NOT_VALID, BIOMETRICS_NOT_MATCHED,
 *   ACCOUNT_ALREADY_LEVEL2, PHONE_REQUIRED, ACCOUNT_LOCKED, VALIDATION_FAILED
 */
export const activateLevel2 = (evidence: Level2Evidence) =>
  apiSend<{ accountId: string; created: boolean }>('POST', '/api/v1/officer/level2-activations', evidence);
