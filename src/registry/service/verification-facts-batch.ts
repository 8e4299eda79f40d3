import type { Tx } from '../../db/index.ts';
import type { ResidenceRow } from '../tables.ts';
import { type AccessContext, type RegistryDeps, today } from './context.ts';
import {
  addressOfRow,
  factsOfRow,
  factsRows,
  OPEN_RESIDENCES,
  type VerificationAddress,
  type VerificationFacts,
} from './verification-facts.ts';

/** One check of a batch: a personal ID number already parsed, and the line of the file it came from. */
export interface BatchCheck {
  readonly personalId: string;
  readonly line?: number;
}

/** How a chunk of checks is read and logged. */
export interface BatchReadOptions {
  /** Also read each person's open residences (an address check). */
  readonly withAddresses?: boolean;
  /** Facts about the chunk for its log entry, shared by its checks: never personal data (the batch's id). */
  readonly details?: Record<string, unknown>;
}

/** What {@link verificationFactsForBatch} read, and the access-log entries that must be kept with its results. */
export interface BatchFacts {
  /** By personal ID number; a number nobody has is absent. */
  readonly facts: ReadonlyMap<string, VerificationFacts>;
  /**
   * Writes the chunk's `verify` entry, one group whose subjects are the checks (each shown in that person's
   * history), in the caller's transaction: the one that keeps the checks' results, so that a chunk of a batch
   * done twice (after a crash) is logged, and billed, once.
   */
  record(tx: Tx): Promise<void>;
}

/**
 * The facts a batch of checks is matched against, read set-wise: the people and their cards in one statement
 * and, when asked for, their open residences in another, whatever the number of checks. The comparison
 * rules stay the verification module's; the facts are the same as {@link verificationFacts} reads one by one.
 * @example
 * const read = await registry.verificationFactsForBatch(checks, access, { withAddresses: true });
 * await db.transaction(async (tx) => { await keepResults(tx); await read.record(tx); });
 */
export async function verificationFactsForBatch(
  deps: RegistryDeps,
  checks: readonly BatchCheck[],
  access: AccessContext,
  options: BatchReadOptions = {},
): Promise<BatchFacts> {
  const ids = [...new Set(checks.map((check) => check.personalId))];
  const now = today(deps);
  const facts = new Map<string, VerificationFacts>();
  if (ids.length > 0) {
    for (const [id, row] of await factsRows(deps.db, ids)) facts.set(id, factsOfRow(row, now));
    if (options.withAddresses) await addAddresses(deps, facts, now);
  }
  if (checks.length === 0) return { facts, record: async () => {} };
  const group = {
    actorId: access.actor.id,
    actorKind: access.actor.kind,
    ...(access.actor.name ? { actorName: access.actor.name } : {}),
    purpose: access.purpose,
    channel: access.channel,
    action: 'verify',
    ...(access.requestId ? { requestId: access.requestId } : {}),
    ...(options.details ? { details: options.details } : {}),
    subjects: checks.map((check) =>
      check.line === undefined ? { subjectId: check.personalId } : { subjectId: check.personalId, line: check.line },
    ),
  };
  return { facts, record: (tx) => deps.accessLog.recordGroup(group, tx) };
}

/** Every found person's open residences, in one statement; a unit's names resolved once per chunk. */
async function addAddresses(deps: RegistryDeps, facts: Map<string, VerificationFacts>, now: string): Promise<void> {
  type Row = Pick<ResidenceRow, 'personal_id' | 'kind' | 'commune_id' | 'address_line' | 'valid_from'>;
  const { rows } = await deps.db.query<Row>(
    `select r.personal_id, r.kind, r.commune_id, r.address_line, r.valid_from from registry.residence r
     where r.personal_id = any($1::char(12)[]) and ${OPEN_RESIDENCES}
     order by r.personal_id, r.kind, r.valid_from desc, r.id`,
    [[...facts.keys()], now],
  );
  const byPerson = new Map<string, VerificationAddress[]>();
  const names = new Map<string, readonly string[]>();
  for (const row of rows) {
    const unit = `${row.commune_id}|${row.valid_from}`;
    let communeNames = names.get(unit);
    if (!communeNames) {
      communeNames = (await addressOfRow(deps, row, now)).communeNames;
      names.set(unit, communeNames);
    }
    const list = byPerson.get(row.personal_id) ?? [];
    list.push({
      kind: row.kind === 'permanent' ? 'permanent' : 'temporary',
      addressLine: row.address_line,
      communeNames,
    });
    byPerson.set(row.personal_id, list);
  }
  for (const [id, value] of facts) facts.set(id, { ...value, addresses: byPerson.get(id) ?? [] });
}
