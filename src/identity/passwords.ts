import { hash, verify } from '@node-rs/argon2';
import { DomainError } from '../kernel/index.ts';

// argon2id with the OWASP parameters (19 MiB, 2 passes, 1 lane): about 20-40 ms per hash on one core.
const OPTIONS = { algorithm: 2 as const, memoryCost: 19_456, timeCost: 2, parallelism: 1 };
const MIN_LENGTH = 8;
const MAX_LENGTH = 128;

/**
 * Refuses a password that is too short or too long, or that lacks letters or digits.
 * @throws DomainError PASSWORD_TOO_WEAK
 */
export function assertPasswordPolicy(password: string, personalId: string): void {
  const reasons: PasswordRule[] = [];
  if (password.length < MIN_LENGTH) reasons.push('min_length');
  if (password.length > MAX_LENGTH) reasons.push('max_length');
  if (!/\p{L}/u.test(password) || !/\d/.test(password)) reasons.push('letters_and_digits');
  if (password.includes(personalId)) reasons.push('contains_personal_id');
  if (reasons.length > 0) {
    throw new DomainError(
      'PASSWORD_TOO_WEAK',
      `A password has ${MIN_LENGTH} to ${MAX_LENGTH} characters with letters and digits, without the personal ID number.`,
      { reasons },
    );
  }
}

/** The rules a password can break, as `details.reasons` of PASSWORD_TOO_WEAK. */
export type PasswordRule = 'min_length' | 'max_length' | 'letters_and_digits' | 'contains_personal_id';

/** argon2id hash in PHC string form. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/** Whether the password matches the stored hash; false on a malformed hash. */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

let decoy: Promise<string> | undefined;

/** A hash to verify against when the account does not exist, so that a miss costs the same time as a hit. */
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword('decoy-password-0');
  return decoy;
}
