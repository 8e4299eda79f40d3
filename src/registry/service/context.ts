import type { AccessChannel, AccessLog, ActorKind } from '../../audit/index.ts';
import { type Database, type Tx, withSavepoint } from '../../db/index.ts';
import { type Clock, DomainError, vietnamDate } from '../../kernel/index.ts';
import type { AdminUnits } from '../admin-units/index.ts';
import { type RegistryDb, registryDb, store } from '../store.ts';

/** What the registry's services need, passed in once. */
export interface RegistryDeps {
  readonly db: Database;
  readonly clock: Clock;
  readonly accessLog: AccessLog;
  readonly units: AdminUnits;
  /**
   * A transaction of the caller that changes join (as a savepoint) instead of opening their own: a workflow
   * step records its result in the same transaction as the registry change it made. See `Registry.within`.
   */
  readonly tx?: Tx;
}

/** Who acts. */
export interface Actor {
  readonly id: string;
  readonly kind: ActorKind;
  /** Shown to the citizen in "who accessed my data" (an agency or partner name). */
  readonly name?: string;
}

/** Why and how a person's data is read: every read is logged with this (DESIGN §3). */
export interface AccessContext {
  readonly actor: Actor;
  readonly purpose: string;
  readonly channel: AccessChannel;
  readonly requestId?: string;
}

/** Who records a change, and on what basis (a dossier, a court decision, a data correction). */
export interface ChangeContext {
  readonly actor: Actor;
  readonly basis?: string;
}

/** Today in Vietnam, from the injected clock. */
export function today(deps: Pick<RegistryDeps, 'clock'>): string {
  return vietnamDate(deps.clock.now());
}

/** Runs a registry change in one transaction, with the registry's tables on it. */
export function inTransaction<T>(deps: RegistryDeps, fn: (db: RegistryDb, tx: Tx) => Promise<T>): Promise<T> {
  const joined = deps.tx;
  if (joined) return withSavepoint(joined, () => fn(registryDb(joined), joined));
  return deps.db.transaction((tx) => fn(registryDb(tx), tx));
}

/** Appends one civil event in the change's transaction. */
export async function recordEvent(
  deps: RegistryDeps,
  db: RegistryDb,
  context: ChangeContext,
  event: { personalId: string; kind: string; occurredOn: string; payload?: Record<string, unknown> },
): Promise<void> {
  await store.insertEvents(db, [
    {
      personal_id: event.personalId,
      kind: event.kind,
      occurred_on: event.occurredOn,
      recorded_at: deps.clock.now(),
      actor_id: context.actor.id,
      basis: context.basis ?? null,
      payload: event.payload ?? {},
    },
  ]);
}

/** The person, locked for the change, or PERSON_NOT_FOUND. */
export async function getPersonForUpdate(db: RegistryDb, personalId: string) {
  const person = await store.findPerson(db, personalId, true);
  if (!person) throw new DomainError('PERSON_NOT_FOUND', 'No person has this personal ID number.');
  return person;
}

/** Refuses a change to a person who is no longer alive. */
export function assertAlive(person: { status: string }, what: string): void {
  if (person.status !== 'alive') {
    throw new DomainError('PERSON_NOT_ALIVE', `${what} is not possible for a person recorded as ${person.status}.`, {
      status: person.status,
    });
  }
}

/** Refuses an effective day in the future or before a limit. */
export function assertEffectiveDay(day: string, deps: Pick<RegistryDeps, 'clock'>, notBefore?: string): void {
  if (day > today(deps)) {
    throw new DomainError('INVALID_EFFECTIVE_DATE', 'A change cannot take effect on a day that has not come yet.');
  }
  if (notBefore !== undefined && day < notBefore) {
    throw new DomainError('INVALID_EFFECTIVE_DATE', `The change cannot take effect before ${notBefore}.`, {
      notBefore,
    });
  }
}
