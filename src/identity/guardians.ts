import { DomainError, parsePersonalId, vietnamDate } from '../kernel/index.ts';
import type { Caller } from './caller.ts';
import {
  findAccountByPerson,
  getAccountRow,
  type IdentityDeps,
  insertAccount,
  recordAccountEvent,
  tables,
} from './context.ts';
import { lockAccount, unlockAccount } from './locks.ts';

/** Below this age a child's account is made and managed by a guardian (Decree 69/2024, Art. 12). */
export const GUARDIAN_AGE_LIMIT = 14;

/**
 * A guardian with a level-2 account makes an account for their child under 14. The registry must record the
 * guardian as the child's father, mother or legal representative.
 * @throws DomainError FORBIDDEN (not a citizen's session), GUARDIAN_NOT_LEVEL2, NOT_GUARDIAN, CHILD_TOO_OLD,
 *   PERSON_NOT_ELIGIBLE, ACCOUNT_EXISTS
 */
export async function createChildAccount(
  deps: IdentityDeps,
  guardian: Caller,
  childPersonalIdText: string,
): Promise<{ accountId: string }> {
  if (!guardian.accountId) throw new DomainError('FORBIDDEN', 'Sign in with your own eID account to do this.');
  const guardianAccount = await getAccountRow(deps.db, guardian.accountId);
  if (guardianAccount.level !== 2) {
    throw new DomainError('GUARDIAN_NOT_LEVEL2', 'Only a level-2 account can register a child.');
  }
  const childId = parsePersonalId(childPersonalIdText);
  const record = await deps.registry
    .getPersonRecord(childId, undefined, {
      actor: guardian.actor,
      purpose: 'Đăng ký tài khoản định danh điện tử cho con dưới 14 tuổi',
      channel: 'web',
    })
    .catch((error: unknown) => {
      if (error instanceof DomainError && error.code === 'PERSON_NOT_FOUND') throw notGuardian();
      throw error;
    });
  const isGuardian = record.family.some(
    (link) =>
      link.personalId === guardianAccount.personal_id &&
      link.validTo === null &&
      (link.relation === 'father' || link.relation === 'mother' || link.relation === 'legal_representative'),
  );
  if (!isGuardian) throw notGuardian();
  if (record.person.status !== 'alive')
    throw new DomainError('PERSON_NOT_ELIGIBLE', 'An eID account cannot be registered for this person.');
  if (ageOn(record.person.birthDate, vietnamDate(deps.clock.now())) >= GUARDIAN_AGE_LIMIT) {
    throw new DomainError('CHILD_TOO_OLD', 'From the age of 14 a person registers their own account.');
  }
  return deps.db.transaction(async (tx) => {
    if (await findAccountByPerson(tx, childId, true))
      throw new DomainError('ACCOUNT_EXISTS', 'The child already has an eID account.');
    const now = deps.clock.now();
    const { id: accountId } = await insertAccount(tx, now, {
      personalId: childId,
      level: 2,
      phone: guardianAccount.phone,
      guardianAccountId: guardianAccount.id,
    });
    await recordAccountEvent(tx, now, {
      accountId,
      kind: 'created',
      actorId: guardianAccount.id,
      details: { level: 2, method: 'guardian' },
    });
    return { accountId };
  });
}

/**
 * The guardian locks or unlocks a child's account.
 * @throws DomainError ACCOUNT_NOT_FOUND (not a child of the caller), ACCOUNT_NOT_LOCKED, UNLOCK_NOT_ALLOWED
 */
export async function setChildLock(
  deps: IdentityDeps,
  guardian: Caller,
  childAccountId: string,
  locked: boolean,
): Promise<void> {
  const child = await tables(deps.db)
    .selectFrom('identity.account')
    .select('id')
    .where('id', '=', childAccountId)
    .where('guardian_account_id', '=', guardian.accountId ?? '')
    .executeTakeFirst();
  if (!child) throw new DomainError('ACCOUNT_NOT_FOUND', 'You manage no account with this identifier.');
  await deps.db.transaction((tx) =>
    locked
      ? lockAccount(tx, deps, child.id, 'guardian', guardian.actor)
      : unlockAccount(tx, deps, child.id, 'guardian', guardian.actor),
  );
}

function notGuardian(): DomainError {
  return new DomainError(
    'NOT_GUARDIAN',
    'The registry does not record you as this child’s parent or legal representative.',
  );
}

/** Whole years between a birth date and a day (both `YYYY-MM-DD`). */
export function ageOn(birthDate: string, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return day.slice(5) < birthDate.slice(5) ? years - 1 : years;
}
