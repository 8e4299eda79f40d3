import type { Tx } from '../db/index.ts';
import { DomainError } from '../kernel/index.ts';
import type { Actor } from '../registry/index.ts';
import { getAccountRow, type IdentityDeps, maskPhone, recordAccountEvent, tables } from './context.ts';
import type { LockReason } from './model.ts';
import { sendCode } from './send-code.ts';
import { accountOfPerson, assertUsable } from './sign-in.ts';

/**
 * Locks an account (Decree 69/2024, Art. 16): by its holder, by the police, by a guardian, or on death.
 * Locking a locked account changes nothing (so a repeated event is harmless); a death lock replaces any other.
 */
export async function lockAccount(
  tx: Tx,
  deps: Pick<IdentityDeps, 'clock'>,
  accountId: string,
  reason: LockReason,
  by: Actor,
): Promise<void> {
  const account = await getAccountRow(tx, accountId, true);
  if (account.status === 'locked' && (account.locked_reason === reason || account.locked_reason === 'deceased')) return;
  const now = deps.clock.now();
  await tables(tx)
    .updateTable('identity.account')
    .set({ status: 'locked', locked_reason: reason, locked_at: now, updated_at: now })
    .where('id', '=', accountId)
    .execute();
  await recordAccountEvent(tx, now, { accountId, kind: 'locked', actorId: by.id, details: { reason } });
}

/**
 * Unlocks an account. The holder may lift only their own lock; the police lift theirs and the holder's; a
 * death lock is never lifted.
 * @throws DomainError ACCOUNT_NOT_LOCKED, UNLOCK_NOT_ALLOWED
 */
export async function unlockAccount(
  tx: Tx,
  deps: Pick<IdentityDeps, 'clock'>,
  accountId: string,
  as: 'holder' | 'police' | 'guardian',
  by: Actor,
): Promise<void> {
  const account = await getAccountRow(tx, accountId, true);
  if (account.status !== 'locked') throw new DomainError('ACCOUNT_NOT_LOCKED', 'The account is not locked.');
  const allowed: Record<typeof as, LockReason[]> = {
    holder: ['holder'],
    guardian: ['guardian', 'holder'],
    police: ['holder', 'police', 'guardian'],
  };
  if (!account.locked_reason || !allowed[as].includes(account.locked_reason)) {
    throw new DomainError('UNLOCK_NOT_ALLOWED', 'This lock cannot be lifted here.', { reason: account.locked_reason });
  }
  const now = deps.clock.now();
  await tables(tx)
    .updateTable('identity.account')
    .set({ status: 'active', locked_reason: null, locked_at: null, updated_at: now })
    .where('id', '=', accountId)
    .execute();
  await recordAccountEvent(tx, now, { accountId, kind: 'unlocked', actorId: by.id, details: { as } });
}

/**
 * A holder who locked their account asks to unlock it: a code goes to the account's phone if the number
 * given is the account's (the answer is the same either way).
 */
export async function requestHolderUnlock(
  deps: IdentityDeps,
  personalId: string,
  phone: string,
): Promise<{ sentTo: string }> {
  const account = await accountOfPerson(deps, personalId).catch(() => undefined);
  if (account && account.phone === phone && account.status === 'locked' && account.locked_reason === 'holder') {
    await deps.db.transaction((tx) => sendCode(deps, tx, 'unlock', account.id, account.phone));
  }
  return { sentTo: maskPhone(phone) };
}

/** Unlocks with the code sent by {@link requestHolderUnlock}. @throws DomainError OTP_*, ACCOUNT_NOT_LOCKED, UNLOCK_NOT_ALLOWED */
export async function confirmHolderUnlock(deps: IdentityDeps, personalId: string, code: string): Promise<void> {
  const account = await accountOfPerson(deps, personalId).catch(() => undefined);
  if (!account) throw new DomainError('OTP_EXPIRED', 'The code has expired or was replaced: ask for a new one.');
  await deps.db.transaction((tx) => deps.codes.consume(tx, 'unlock', account.id, code));
  await deps.db.transaction((tx) => unlockAccount(tx, deps, account.id, 'holder', { id: account.id, kind: 'citizen' }));
}

/** The holder locks their own account (a lost phone, a suspected misuse). */
export async function lockOwnAccount(deps: IdentityDeps, accountId: string): Promise<void> {
  const account = await getAccountRow(deps.db, accountId);
  assertUsable(account);
  await deps.db.transaction((tx) => lockAccount(tx, deps, accountId, 'holder', { id: accountId, kind: 'citizen' }));
}
