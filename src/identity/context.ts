import { randomUUID } from 'node:crypto';
import type { AccessLog } from '../audit/index.ts';
import type { Database, Tx } from '../db/index.ts';
import { type Clock, DomainError } from '../kernel/index.ts';
import type { Messages } from '../messages/index.ts';
import type { AccessContext, Registry } from '../registry/index.ts';
import type { OneTimeCodes } from './one-time-codes.ts';
import type { AccountRow, IdentityTables } from './tables.ts';
import type { SignInThrottle } from './throttle.ts';

/** What the identity services need, passed in once. */
export interface IdentityDeps {
  readonly db: Database;
  readonly clock: Clock;
  readonly accessLog: AccessLog;
  readonly registry: Registry;
  readonly messages: Messages;
  readonly codes: OneTimeCodes;
  readonly throttle: SignInThrottle;
}

/** Where a request came from, for throttling and the access log. */
export interface RequestOrigin {
  readonly address: string;
  readonly requestId?: string;
}

/** The identity tables on a database or a transaction. */
export function tables(on: Database | Tx) {
  return on.kysely.withTables<IdentityTables>();
}

/** The account, or ACCOUNT_NOT_FOUND. */
export async function getAccountRow(on: Database | Tx, id: string, forUpdate = false): Promise<AccountRow> {
  let query = tables(on).selectFrom('identity.account').selectAll().where('id', '=', id);
  if (forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) throw new DomainError('ACCOUNT_NOT_FOUND', 'No eID account has this identifier.');
  return row;
}

/** The account of a person, if any. */
export async function findAccountByPerson(on: Database | Tx, personalId: string, forUpdate = false) {
  let query = tables(on).selectFrom('identity.account').selectAll().where('personal_id', '=', personalId);
  if (forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

/** What a new account is made with; the rest starts empty (active, no factors but the password, no lock). */
export interface NewAccount {
  readonly personalId: string;
  readonly level: 1 | 2;
  readonly phone: string;
  readonly email?: string | null;
  readonly passwordHash?: string | null;
  readonly guardianAccountId?: string | null;
}

/** Inserts a new account in the caller's transaction and returns its row. */
export async function insertAccount(tx: Tx, now: Date, account: NewAccount): Promise<AccountRow> {
  return tables(tx)
    .insertInto('identity.account')
    .values({
      id: randomUUID(),
      personal_id: account.personalId,
      level: account.level,
      phone: account.phone,
      email: account.email ?? null,
      password_hash: account.passwordHash ?? null,
      totp_secret: null,
      status: 'active',
      locked_reason: null,
      locked_at: null,
      guardian_account_id: account.guardianAccountId ?? null,
      created_at: now,
      level2_at: account.level === 2 ? now : null,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Appends to the account's own history in the change's transaction. */
export async function recordAccountEvent(
  tx: Tx,
  at: Date,
  event: { accountId: string; kind: string; actorId: string; details?: Record<string, unknown> },
): Promise<void> {
  await tables(tx)
    .insertInto('identity.account_event')
    .values({
      account_id: event.accountId,
      kind: event.kind,
      at,
      actor_id: event.actorId,
      details: JSON.stringify(event.details ?? {}),
    })
    .execute();
}

/** The platform itself reading the registry for an eID procedure (logged like every read). */
export function systemAccess(purpose: string, origin?: RequestOrigin): AccessContext {
  return {
    actor: { id: 'identity', kind: 'system', name: 'Hệ thống định danh điện tử' },
    purpose,
    channel: 'api',
    ...(origin?.requestId ? { requestId: origin.requestId } : {}),
  };
}

/** `0912345678` → `091*****78`. */
export function maskPhone(phone: string): string {
  return `${phone.slice(0, 3)}${'*'.repeat(Math.max(0, phone.length - 5))}${phone.slice(-2)}`;
}
