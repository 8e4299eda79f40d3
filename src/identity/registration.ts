import { randomUUID } from 'node:crypto';
import { DomainError, parsePersonalId, toNfc } from '../kernel/index.ts';
import {
  findAccountByPerson,
  type IdentityDeps,
  insertAccount,
  type RequestOrigin,
  recordAccountEvent,
  systemAccess,
  tables,
} from './context.ts';
import type { RegistrationConfirmation, RegistrationRequest, RegistrationStarted } from './model.ts';
import { assertPasswordPolicy, hashPassword } from './passwords.ts';
import { sendCode } from './send-code.ts';

/** A registration waits 30 minutes for its phone to be confirmed. */
const REGISTRATION_TTL_MS = 30 * 60_000;

/**
 * Starts a level-1 self-registration (Decree 69/2024, Art. 13): the declared identity must match the registry
 * exactly; a code is sent to the phone. A mismatch is refused without saying which field differs.
 * @throws DomainError INVALID_PERSONAL_ID, REGISTRATION_MISMATCH, PERSON_NOT_ELIGIBLE (deceased or missing),
 *   ACCOUNT_EXISTS, SIGN_IN_THROTTLED (too many tries from the address)
 */
export async function startRegistration(
  deps: IdentityDeps,
  request: RegistrationRequest,
  origin: RequestOrigin,
): Promise<RegistrationStarted> {
  const personalId = parsePersonalId(request.personalId);
  await deps.throttle.assertAllowed(`registration:${personalId}`, origin.address);
  const person = await matchRegistry(deps, request, origin);
  if (person === undefined) {
    await deps.throttle.recordFailure(`registration:${personalId}`, origin.address);
    throw new DomainError('REGISTRATION_MISMATCH', 'The details do not match the population registry.');
  }
  if (person.status !== 'alive') {
    throw new DomainError('PERSON_NOT_ELIGIBLE', 'An eID account cannot be registered for this person.');
  }
  return deps.db.transaction(async (tx) => {
    if (await findAccountByPerson(tx, personalId)) {
      throw new DomainError('ACCOUNT_EXISTS', 'This person already has an eID account: sign in, or unlock it.');
    }
    const id = randomUUID();
    const now = deps.clock.now();
    await tables(tx)
      .insertInto('identity.registration')
      .values({
        id,
        personal_id: personalId,
        phone: request.phone,
        email: request.email ?? null,
        created_at: now,
        expires_at: new Date(now.getTime() + REGISTRATION_TTL_MS),
        completed_at: null,
      })
      .execute();
    const { sentTo, expiresAt } = await sendCode(deps, tx, 'registration', id, request.phone);
    return { registrationId: id, sentTo, codeExpiresAt: expiresAt.toISOString() };
  });
}

/**
 * Confirms the phone with the code and creates the level-1 account with its password.
 * @throws DomainError REGISTRATION_NOT_FOUND (unknown, expired or already used), OTP_INVALID, OTP_EXPIRED,
 *   OTP_TOO_MANY_ATTEMPTS, PASSWORD_TOO_WEAK, ACCOUNT_EXISTS
 */
export async function confirmRegistration(
  deps: IdentityDeps,
  registrationId: string,
  confirmation: RegistrationConfirmation,
): Promise<{ accountId: string }> {
  const pending = await tables(deps.db)
    .selectFrom('identity.registration')
    .selectAll()
    .where('id', '=', registrationId)
    .executeTakeFirst();
  const now = deps.clock.now();
  if (!pending || pending.completed_at !== null || pending.expires_at.getTime() <= now.getTime()) {
    throw new DomainError('REGISTRATION_NOT_FOUND', 'This registration does not exist, has expired or is complete.');
  }
  assertPasswordPolicy(confirmation.password, pending.personal_id);
  const passwordHash = await hashPassword(confirmation.password);
  // The code is checked (and a wrong try counted) in its own transaction, which must commit even when wrong.
  await deps.db.transaction((tx) => deps.codes.consume(tx, 'registration', registrationId, confirmation.code));
  return deps.db.transaction(async (tx) => {
    if (await findAccountByPerson(tx, pending.personal_id, true)) {
      throw new DomainError('ACCOUNT_EXISTS', 'This person already has an eID account: sign in, or unlock it.');
    }
    const { id: accountId } = await insertAccount(tx, now, {
      personalId: pending.personal_id,
      level: 1,
      phone: pending.phone,
      email: pending.email,
      passwordHash,
    });
    await tables(tx)
      .updateTable('identity.registration')
      .set({ completed_at: now })
      .where('id', '=', registrationId)
      .execute();
    await recordAccountEvent(tx, now, {
      accountId,
      kind: 'created',
      actorId: accountId,
      details: { level: 1, method: 'self_registration' },
    });
    return { accountId };
  });
}

/** A new code is sent at most once a minute (an SMS costs money and can be used to harass). */
const RESEND_INTERVAL_MS = 60_000;

/**
 * Sends a new code for a registration still waiting for its phone (the old code stops working).
 * @throws DomainError REGISTRATION_NOT_FOUND, OTP_RESEND_TOO_SOON (with `retryAfterSeconds`)
 */
export async function resendRegistrationCode(deps: IdentityDeps, registrationId: string): Promise<RegistrationStarted> {
  return deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    const pending = await tables(tx)
      .selectFrom('identity.registration')
      .selectAll()
      .where('id', '=', registrationId)
      .forUpdate()
      .executeTakeFirst();
    if (!pending || pending.completed_at !== null || pending.expires_at.getTime() <= now.getTime()) {
      throw new DomainError('REGISTRATION_NOT_FOUND', 'This registration does not exist, has expired or is complete.');
    }
    const last = await tables(tx)
      .selectFrom('identity.one_time_code')
      .select('created_at')
      .where('purpose', '=', 'registration')
      .where('subject', '=', registrationId)
      .orderBy('created_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    const wait = last ? last.created_at.getTime() + RESEND_INTERVAL_MS - now.getTime() : 0;
    if (wait > 0) {
      throw new DomainError('OTP_RESEND_TOO_SOON', 'A code was sent less than a minute ago.', {
        retryAfterSeconds: Math.ceil(wait / 1000),
      });
    }
    const { sentTo, expiresAt } = await sendCode(deps, tx, 'registration', registrationId, pending.phone);
    return { registrationId, sentTo, codeExpiresAt: expiresAt.toISOString() };
  });
}

/** The person's status when the declared name and date of birth match the registry; undefined otherwise. */
async function matchRegistry(deps: IdentityDeps, request: RegistrationRequest, origin: RequestOrigin) {
  let record: Awaited<ReturnType<IdentityDeps['registry']['getPersonRecord']>>;
  try {
    record = await deps.registry.getPersonRecord(
      request.personalId,
      undefined,
      systemAccess('Đăng ký tài khoản định danh điện tử', origin),
    );
  } catch (error) {
    if (error instanceof DomainError && error.code === 'PERSON_NOT_FOUND') return undefined;
    throw error;
  }
  const { person } = record;
  // The name must match letter for letter (diacritics included); case, spacing and Unicode form do not matter.
  const sameName = normaliseName(person.fullName) === normaliseName(request.fullName);
  const sameBirth = person.birthDate === request.birthDate;
  return sameName && sameBirth ? { status: person.status } : undefined;
}

function normaliseName(name: string): string {
  return toNfc(name).toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim();
}
