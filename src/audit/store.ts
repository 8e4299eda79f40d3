/** The only code that touches the `audit` tables. */
import { type Generated, type Kysely, type Selectable, sql } from 'kysely';
import type { Database, NoTables, Tx } from '../db/index.ts';
import { type ChainedRow, GENESIS_HASH } from './chain.ts';
import type { AccessChannel, ActorKind, UsageFilter, UsageRow } from './model.ts';

type AccessLogTable = {
  id: Generated<number>;
  lane: number;
  seq: number;
  at: Date;
  actor_id: string;
  actor_kind: ActorKind;
  actor_name: string | null;
  purpose: string;
  channel: AccessChannel;
  action: string;
  subject_id: string;
  request_id: string | null;
  details: Record<string, unknown> | null;
  prev_hash: Uint8Array;
  hash: Uint8Array;
};

type ChainHeadTable = {
  lane: number;
  seq: number;
  hash: Uint8Array;
  at: Date | null;
};

type AuditTables = {
  'audit.access_log': AccessLogTable;
  'audit.chain_head': ChainHeadTable;
};

/** The last row of a lane as `audit.chain_head` records it (seq 0 and the genesis hash before any row). */
export interface LaneHead {
  readonly lane: number;
  readonly seq: number;
  readonly hash: Buffer;
  readonly at: Date | null;
}

/** A row ready to insert: its fields, its place in the lane and its hashes. */
export interface SealedRow extends ChainedRow {
  readonly prevHash: Buffer;
  readonly hash: Buffer;
}

/** A row as stored, with `details` as read back from `jsonb`. */
export interface StoredRow extends Omit<ChainedRow, 'detailsJson' | 'actorKind' | 'channel'> {
  readonly id: number;
  readonly actorKind: ActorKind;
  readonly channel: AccessChannel;
  readonly details: Record<string, unknown> | null;
  readonly prevHash: Buffer;
  readonly hash: Buffer;
}

/** Where a keyset page of a subject's history starts: strictly before this row. */
export interface SubjectCursor {
  readonly at: Date;
  readonly id: number;
}

export class AuditStore {
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
  }

  /**
   * Locks the heads of `lanes` until the transaction ends, in ascending lane order so that two appends never
   * wait for each other in a cycle; heads of lanes beyond the pre-filled ones are created first.
   */
  async lockHeads(tx: Tx, lanes: readonly number[]): Promise<LaneHead[]> {
    const t = tables(tx.kysely);
    const ordered = [...new Set(lanes)].sort((a, b) => a - b);
    const select = () =>
      t.selectFrom('audit.chain_head').selectAll().where('lane', 'in', ordered).orderBy('lane').forUpdate().execute();
    let rows = await select();
    if (rows.length < ordered.length) {
      const missing = ordered.filter((lane) => !rows.some((row) => row.lane === lane));
      await t
        .insertInto('audit.chain_head')
        .values(missing.map((lane) => ({ lane, seq: 0, hash: GENESIS_HASH, at: null })))
        .onConflict((conflict) => conflict.column('lane').doNothing())
        .execute();
      rows = await select();
    }
    return rows.map(laneHead);
  }

  /**
   * Inserts rows in the transaction that locked their lanes and, when `heads` are given, moves those lanes'
   * heads to their new last rows in the same statement (one round trip fewer per append). Hand-written SQL
   * on the hot path: `unnest` of one array per column is one multi-row insert whose text and parameters stay
   * the same for any number of rows; bytea travels as hex, which both engines read the same way.
   */
  async insertRows(tx: Tx, rows: readonly SealedRow[], heads?: readonly LaneHead[]): Promise<void> {
    const column = <T>(pick: (row: SealedRow) => T) => rows.map(pick);
    await sql`
      ${heads ? sql`with moved as (${moveHeadsStatement(heads)}) ` : sql``}
      insert into audit.access_log (lane, seq, at, actor_id, actor_kind, actor_name, purpose, channel, action,
        subject_id, request_id, details, prev_hash, hash)
      select lane, seq, at, actor_id, actor_kind, actor_name, purpose, channel, action,
        subject_id, request_id, details::jsonb, decode(prev_hash, 'hex'), decode(hash, 'hex')
      from unnest(${column((r) => r.lane)}::int2[], ${column((r) => r.seq)}::int8[],
        ${column((r) => r.at.toISOString())}::timestamptz[], ${column((r) => r.actorId)}::text[],
        ${column((r) => r.actorKind)}::text[], ${column((r) => r.actorName)}::text[],
        ${column((r) => r.purpose)}::text[], ${column((r) => r.channel)}::text[], ${column((r) => r.action)}::text[],
        ${column((r) => r.subjectId)}::text[], ${column((r) => r.requestId)}::text[],
        ${column((r) => r.detailsJson)}::text[], ${column((r) => r.prevHash.toString('hex'))}::text[],
        ${column((r) => r.hash.toString('hex'))}::text[])
        as v(lane, seq, at, actor_id, actor_kind, actor_name, purpose, channel, action,
          subject_id, request_id, details, prev_hash, hash)`.execute(tx.kysely);
  }

  /** Up to `limit` rows about one subject, newest first, strictly before `before` when given. */
  async subjectPage(subjectId: string, limit: number, before?: SubjectCursor): Promise<StoredRow[]> {
    let query = tables(this.#db.kysely)
      .selectFrom('audit.access_log')
      .selectAll()
      .where('subject_id', '=', subjectId)
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit);
    if (before) query = query.where((eb) => eb(eb.refTuple('at', 'id'), '<', eb.tuple(before.at, before.id)));
    return (await query.execute()).map(storedRow);
  }

  /** Counts per period (Vietnam's days or months), actor, action and purpose. */
  async usage(filter: UsageFilter): Promise<UsageRow[]> {
    // A literal format, so that the grouped expression and the selected one are the same text.
    const format = sql.lit(filter.groupBy === 'day' ? 'YYYY-MM-DD' : 'YYYY-MM');
    const period = sql<string>`to_char(at at time zone interval '+07:00', ${format})`;
    // The key is checked by the service (a plain name), and written as a literal for the same reason.
    const detail =
      filter.detailKey === undefined
        ? sql<unknown>`null::jsonb`
        : sql<unknown>`details -> ${sql.lit(filter.detailKey)}`;
    let query = tables(this.#db.kysely)
      .selectFrom('audit.access_log')
      .select((eb) => [
        period.as('period'),
        'actor_id',
        'actor_kind',
        'action',
        'purpose',
        'channel',
        detail.as('detail'),
        eb.fn.countAll<number>().as('count'),
      ])
      .where('at', '>=', filter.from)
      .where('at', '<', filter.to)
      .groupBy([period, 'actor_id', 'actor_kind', 'action', 'purpose', 'channel', detail])
      .orderBy(period)
      .orderBy('actor_id')
      .orderBy('action')
      .orderBy('purpose')
      .orderBy('channel')
      .orderBy(detail);
    if (filter.actorId !== undefined) query = query.where('actor_id', '=', filter.actorId);
    if (filter.actorKind !== undefined) query = query.where('actor_kind', '=', filter.actorKind);
    const rows = await query.execute();
    return rows.map((row) => ({
      period: row.period,
      actorId: row.actor_id,
      actorKind: row.actor_kind,
      action: row.action,
      purpose: row.purpose,
      channel: row.channel,
      ...(filter.detailKey === undefined ? {} : { detail: row.detail ?? null }),
      count: Number(row.count),
    }));
  }

  /** The head of every lane. */
  async heads(): Promise<LaneHead[]> {
    const rows = await tables(this.#db.kysely).selectFrom('audit.chain_head').selectAll().orderBy('lane').execute();
    return rows.map(laneHead);
  }

  /** The head of one lane, if it has one. */
  async head(lane: number): Promise<LaneHead | undefined> {
    const row = await tables(this.#db.kysely)
      .selectFrom('audit.chain_head')
      .selectAll()
      .where('lane', '=', lane)
      .executeTakeFirst();
    return row && laneHead(row);
  }

  /**
   * The lanes that hold rows, by a loose index scan of `(lane, seq)`: one index probe per lane instead of
   * reading the table.
   */
  async lanesWithRows(): Promise<number[]> {
    const { rows } = await sql<{ lane: number }>`
      with recursive lanes (lane) as (
        (select lane from audit.access_log order by lane limit 1)
        union all
        select (select l.lane from audit.access_log l where l.lane > lanes.lane order by l.lane limit 1)
        from lanes where lanes.lane is not null
      )
      select lane from lanes where lane is not null`.execute(this.#db.kysely);
    return rows.map((row) => row.lane);
  }

  /** Up to `limit` rows of a lane in chain order (seq, then id), after `after` when given. */
  async lanePage(lane: number, limit: number, after?: { seq: number; id: number }): Promise<StoredRow[]> {
    let query = tables(this.#db.kysely)
      .selectFrom('audit.access_log')
      .selectAll()
      .where('lane', '=', lane)
      .orderBy('seq')
      .orderBy('id')
      .limit(limit);
    if (after) {
      // `seq >= ` is the index condition; the `or` only matters for a duplicated seq.
      query = query
        .where('seq', '>=', after.seq)
        .where((eb) => eb.or([eb('seq', '>', after.seq), eb('id', '>', after.id)]));
    }
    return (await query.execute()).map(storedRow);
  }

  /** The row of a lane with the highest seq, if any. */
  async lastRow(lane: number): Promise<{ seq: number; id: number } | undefined> {
    return tables(this.#db.kysely)
      .selectFrom('audit.access_log')
      .select(['seq', 'id'])
      .where('lane', '=', lane)
      .orderBy('seq', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
  }
}

/** Moves the heads of lanes locked by {@link AuditStore.lockHeads} to their new last rows. */
function moveHeadsStatement(heads: readonly LaneHead[]) {
  return sql`
    update audit.chain_head as h set seq = v.seq, hash = decode(v.hash, 'hex'), at = v.at
    from unnest(${heads.map((h) => h.lane)}::int2[], ${heads.map((h) => h.seq)}::int8[],
      ${heads.map((h) => h.hash.toString('hex'))}::text[],
      ${heads.map((h) => h.at?.toISOString() ?? null)}::timestamptz[]) as v(lane, seq, hash, at)
    where h.lane = v.lane`;
}

function tables(kysely: Kysely<NoTables>): Kysely<AuditTables> {
  return kysely.withTables<AuditTables>();
}

/** `bytea` arrives as a Buffer from `pg` and as a Uint8Array from PGlite. */
function bytes(value: Uint8Array): Buffer {
  return Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.byteLength);
}

function laneHead(row: Selectable<ChainHeadTable>): LaneHead {
  return { lane: row.lane, seq: row.seq, hash: bytes(row.hash), at: row.at };
}

function storedRow(row: Selectable<AccessLogTable>): StoredRow {
  return {
    id: row.id,
    lane: row.lane,
    seq: row.seq,
    at: row.at,
    actorId: row.actor_id,
    actorKind: row.actor_kind,
    actorName: row.actor_name,
    purpose: row.purpose,
    channel: row.channel,
    action: row.action,
    subjectId: row.subject_id,
    requestId: row.request_id,
    details: row.details,
    prevHash: bytes(row.prev_hash),
    hash: bytes(row.hash),
  };
}
