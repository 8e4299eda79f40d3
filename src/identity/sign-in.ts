import { generateSecret, generateURI, verify as verifyTotp } from 'otplib';
import { DomainError, parsePersonalId, tryParsePersonalId } from '../kernel/index.ts';
import {
  findAccountByPerson,
  getAccountRow,
  type IdentityDeps,
  maskPhone,
  type RequestOrigin,
  recordAccountEvent,
  tables,
} from './context.ts';
import { assertPasswordPolicy, decoyHash, hashPassword, verifyPassword } from './passwords.ts';
import { sendCode } from './send-code.ts';
import type { AccountRow } from './tables.ts';
import { accountKey } from './throttle.ts';

/**
 * Checks a personal ID number and password (the first factor). Failures count against the account and the
 * address; the same refusal is given for an unknown number and a wrong password.
 * @throws DomainError SIGN_IN_THROTTLED, INVALID_CREDENTIALS, ACCOUNT_LOCKED (with `reason`)
 */
export async function authenticatePassword(
  deps: IdentityDeps,
  personalIdText: string,
  password: string,
  origin: RequestOrigin,
): Promise<AccountRow> {
  const personalId = tryParsePersonalId(personalIdText);
  const key = accountKey(personalId ?? personalIdText.slice(0, 20));
  await deps.throttle.assertAllowed(key, origin.address);
  const account = personalId ? await findAccountByPerson(deps.db, personalId) : undefined;
  const stored = account?.password_hash ?? (await decoyHash());
  const matches = await verifyPassword(stored, password);
  if (!account?.password_hash || !matches) {
    await deps.throttle.recordFailure(key, origin.address);
    throw new DomainError('INVALID_CREDENTIALS', 'The personal ID number or the password is not right.');
  }
  assertUsable(account);
  await deps.throttle.recordSuccess(key);
  return account;
}

/**
 * Refuses an account that cannot be used to sign in.
 * @throws DomainError ACCOUNT_LOCKED
 */
export function assertUsable(account: AccountRow): void {
  if (account.status === 'locked') {
    throw new DomainError('ACCOUNT_LOCKED', lockMessage(account.locked_reason), { reason: account.locked_reason });
  }
}

function lockMessage(reason: AccountRow['locked_reason']): string {
  switch (reason) {
    case 'deceased':
      return 'The account is closed: the holder is recorded as deceased.';
    case 'police':
      return 'The account was locked by the police: go to the commune police to unlock it.';
    case 'guardian':
      return "The account was locked by the holder's guardian.";
    default:
      return 'The account was locked by its holder: unlock it with a code sent to the phone.';
  }
}

/** Sends a sign-in code to the account's phone for the second factor; returns the masked phone. */
export async function sendSignInCode(deps: IdentityDeps, accountId: string): Promise<{ sentTo: string }> {
  return deps.db.transaction(async (tx) => {
    const account = await getAccountRow(tx, accountId);
    assertUsable(account);
    const { sentTo } = await sendCode(deps, tx, 'sign_in', accountId, account.phone);
    return { sentTo };
  });
}

/**
 * Checks the second factor: a code from the holder's authenticator app when one is enrolled, else the code
 * sent by SMS. Wrong codes count against the account like wrong passwords.
 * @throws DomainError OTP_INVALID, OTP_EXPIRED, OTP_TOO_MANY_ATTEMPTS, SIGN_IN_THROTTLED, ACCOUNT_LOCKED
 */
export async function verifySecondFactor(
  deps: IdentityDeps,
  accountId: string,
  code: string,
  origin: RequestOrigin,
): Promise<'totp' | 'otp'> {
  const account = await getAccountRow(deps.db, accountId);
  assertUsable(account);
  const key = accountKey(account.personal_id);
  await deps.throttle.assertAllowed(key, origin.address);
  if (account.totp_secret && (await totpMatches(deps, account.totp_secret, code))) return 'totp';
  try {
    await deps.db.transaction((tx) => deps.codes.consume(tx, 'sign_in', accountId, code));
    return 'otp';
  } catch (error) {
    await deps.throttle.recordFailure(key, origin.address);
    throw error;
  }
}

async function totpMatches(deps: IdentityDeps, secret: string, code: string): Promise<boolean> {
  if (!/^\d{6}$/.test(code)) return false;
  const epoch = Math.floor(deps.clock.now().getTime() / 1000);
  const result = await verifyTotp({ secret, token: code, epoch, epochTolerance: 30 });
  return result.valid;
}

/** A new authenticator-app secret and its `otpauth://` URI, to confirm with {@link confirmTotp}. */
export async function beginTotp(deps: IdentityDeps, accountId: string): Promise<{ secret: string; uri: string }> {
  const account = await getAccountRow(deps.db, accountId);
  const secret = generateSecret();
  const uri = generateURI({ issuer: 'dancu eID', label: maskPhone(account.phone), secret });
  return { secret, uri };
}

/**
 * Enrols the authenticator app once it has produced a right code for the secret.
 * @throws DomainError OTP_INVALID
 */
export async function confirmTotp(deps: IdentityDeps, accountId: string, secret: string, code: string): Promise<void> {
  if (!(await totpMatches(deps, secret, code))) {
    throw new DomainError('OTP_INVALID', 'The code from the authenticator app is not right.', { attemptsLeft: null });
  }
  await deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    await tables(tx)
      .updateTable('identity.account')
      .set({ totp_secret: secret, updated_at: now })
      .where('id', '=', accountId)
      .execute();
    await recordAccountEvent(tx, now, { accountId, kind: 'totp_enabled', actorId: accountId });
  });
}

/** Changes the password after checking the current one. @throws DomainError INVALID_CREDENTIALS, PASSWORD_TOO_WEAK */
export async function changePassword(
  deps: IdentityDeps,
  accountId: string,
  current: string,
  next: string,
): Promise<void> {
  const account = await getAccountRow(deps.db, accountId);
  if (!account.password_hash || !(await verifyPassword(account.password_hash, current))) {
    throw new DomainError('INVALID_CREDENTIALS', 'The current password is not right.');
  }
  assertPasswordPolicy(next, account.personal_id);
  const hash = await hashPassword(next);
  await deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    await tables(tx)
      .updateTable('identity.account')
      .set({ password_hash: hash, updated_at: now })
      .where('id', '=', accountId)
      .execute();
    await recordAccountEvent(tx, now, { accountId, kind: 'password_changed', actorId: accountId });
  });
}

/** The account of a personal ID number, or ACCOUNT_NOT_FOUND. */
export async function accountOfPerson(deps: IdentityDeps, personalIdText: string): Promise<AccountRow> {
  const account = await findAccountByPerson(deps.db, parsePersonalId(personalIdText));
  if (!account) throw new DomainError('ACCOUNT_NOT_FOUND', 'This person has no eID account.');
  return account;
}
