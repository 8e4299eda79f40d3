/**
 * The code that touches the `audit` tables, with usage-store.ts (the reads for metering and quotas) and
 * history-store.ts (a subject's history).
 */
import { type Generated, type Kysely, type Selectable, sql } from 'kysely';
import type { Database, NoTables, Tx } from '../db/index.ts';
import type { ChainedRow, GroupSeal } from './chain.ts';
import type { AccessChannel, ActorKind } from './model.ts';

export type AccessLogTable = {
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
  subject_id: string | null;
  subjects: Generated<number>;
  subjects_digest: Uint8Array | null;
  request_id: string | null;
  details: Record<string, unknown> | null;
  prev_hash: Uint8Array;
  hash: Uint8Array;
};

type AccessSubjectTable = {
  entry_id: number;
  item: number;
  subject_id: string;
  at: Date;
  line: number | null;
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
  'audit.access_subject': AccessSubjectTable;
};

/** The last row of a lane as `audit.chain_head` records it (seq 0 and the genesis hash before any row). */
export interface LaneHead {
  readonly lane: number;
  readonly seq: number;
  readonly hash: Buffer;
  readonly at: Date | null;
}

/** What `audit.append()` returns of a head that moved, as text so that both engines read it the same way. */
interface MovedHead {
  readonly head_lane: number;
  readonly head_seq: string | number;
  readonly head_hash: string;
  readonly head_at: string | null;
}

const APPEND_SQL = `
  select head_lane, head_seq, encode(head_hash, 'hex') as head_hash,
    to_char(head_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as head_at
  from audit.append($1::int2[], $2::int8[], $3::timestamptz[], $4::text[], $5::text[], $6::text[], $7::text[],
    $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[])`;

const APPEND_GROUP_SQL = `
  select head_lane, head_seq, encode(head_hash, 'hex') as head_hash,
    to_char(head_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as head_at
  from audit.append_group($1::int2, $2::int8, $3::timestamptz, $4::text, $5::text, $6::text, $7::text, $8::text,
    $9::text, $10::text, $11::text, $12::text, $13::text, $14::text, $15::text[], $16::int4[])`;

/** A row ready to insert: its fields, its place in the lane and its hashes. */
export interface SealedRow extends ChainedRow {
  readonly prevHash: Buffer;
  readonly hash: Buffer;
}

/** A row as stored, with `details` as read back from `jsonb`. */
export interface StoredRow extends Omit<ChainedRow, 'detailsJson' | 'actorKind' | 'channel' | 'group'> {
  readonly id: number;
  readonly actorKind: ActorKind;
  readonly channel: AccessChannel;
  readonly details: Record<string, unknown> | null;
  /** A group's number of subjects and their digest; null for a plain entry. */
  readonly group: GroupSeal | null;
  readonly prevHash: Buffer;
  readonly hash: Buffer;
}

export class AuditStore {
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
  }

  /**
   * Appends sealed rows with `audit.append()` (migration 0002), in `tx` or, without one, as a statement that
   * is its own transaction: one round trip. The function locks the rows' lane heads in ascending lane order
   * and writes only when each lane's first row continues from its head; otherwise it writes nothing and the
   * heads of the lanes that moved are returned, for the rows to be sealed again after them.
   *
   * Hand-written SQL on the hot path: one array per column keeps the statement's text and parameters the same
   * for any number of rows; bytea travels as hex, which both engines read the same way.
   */
  async append(rows: readonly SealedRow[], tx?: Tx): Promise<LaneHead[]> {
    // One pass over the rows, a column per parameter (as many as the function's arguments).
    const params: unknown[][] = Array.from({ length: 14 }, () => new Array(rows.length));
    rows.forEach((r, i) => {
      const values = [
        r.lane,
        r.seq,
        r.at.toISOString(),
        r.actorId,
        r.actorKind,
        r.actorName,
        r.purpose,
        r.channel,
        r.action,
        r.subjectId,
        r.requestId,
        r.detailsJson,
        r.prevHash.toString('hex'),
        r.hash.toString('hex'),
      ];
      for (let column = 0; column < values.length; column++) (params[column] as unknown[])[i] = values[column];
    });
    const { rows: moved } = await (tx ?? this.#db).query<MovedHead>(APPEND_SQL, params);
    return moved.map(movedHead);
  }

  /**
   * Appends a sealed group with `audit.append_group()` (migration 0005): its row, then one narrow row per
   * subject, in one round trip; like {@link append}, it writes nothing and returns the lane's head when the
   * row does not continue from it.
   */
  async appendGroup(
    row: SealedRow,
    subjects: { readonly subjectIds: readonly string[]; readonly lines: readonly (number | null)[] },
    tx?: Tx,
  ): Promise<LaneHead[]> {
    if (!row.group) throw new TypeError('appendGroup takes a group row');
    const { rows: moved } = await (tx ?? this.#db).query<MovedHead>(APPEND_GROUP_SQL, [
      row.lane,
      row.seq,
      row.at.toISOString(),
      row.actorId,
      row.actorKind,
      row.actorName,
      row.purpose,
      row.channel,
      row.action,
      row.requestId,
      row.detailsJson,
      row.prevHash.toString('hex'),
      row.hash.toString('hex'),
      row.group.digest.toString('hex'),
      subjects.subjectIds,
      subjects.lines,
    ]);
    return moved.map(movedHead);
  }

  /** A group's subjects and their lines, in item order (for verification). */
  async groupSubjects(entryId: number): Promise<{ subjectIds: string[]; lines: (number | null)[]; items: number[] }> {
    const rows = await tables(this.#db.kysely)
      .selectFrom('audit.access_subject')
      .select(['item', 'subject_id', 'line'])
      .where('entry_id', '=', entryId)
      .orderBy('item')
      .execute();
    return {
      subjectIds: rows.map((row) => row.subject_id),
      lines: rows.map((row) => row.line),
      items: rows.map((row) => row.item),
    };
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

/** The audit tables as Kysely sees them (for the other reads of this store, `usage-store.ts`). */
export function tables(kysely: Kysely<NoTables>): Kysely<AuditTables> {
  return kysely.withTables<AuditTables>();
}

/** `bytea` arrives as a Buffer from `pg` and as a Uint8Array from PGlite. */
function bytes(value: Uint8Array): Buffer {
  return Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.byteLength);
}

function movedHead(row: MovedHead): LaneHead {
  return {
    lane: row.head_lane,
    seq: Number(row.head_seq),
    hash: Buffer.from(row.head_hash, 'hex'),
    at: row.head_at === null ? null : new Date(row.head_at),
  };
}

function laneHead(row: Selectable<ChainHeadTable>): LaneHead {
  return { lane: row.lane, seq: row.seq, hash: bytes(row.hash), at: row.at };
}

/** What every kind of row tells of the access: when, who, why, how. */
export function accessFields(
  row: Pick<
    Selectable<AccessLogTable>,
    'at' | 'actor_id' | 'actor_kind' | 'actor_name' | 'purpose' | 'channel' | 'action' | 'request_id' | 'details'
  >,
) {
  return {
    at: row.at,
    actorId: row.actor_id,
    actorKind: row.actor_kind,
    actorName: row.actor_name,
    purpose: row.purpose,
    channel: row.channel,
    action: row.action,
    requestId: row.request_id,
    details: row.details,
  };
}

function storedRow(row: Selectable<AccessLogTable>): StoredRow {
  return {
    ...accessFields(row),
    id: row.id,
    lane: row.lane,
    seq: row.seq,
    subjectId: row.subject_id,
    group: row.subjects_digest === null ? null : { subjects: row.subjects, digest: bytes(row.subjects_digest) },
    prevHash: bytes(row.prev_hash),
    hash: bytes(row.hash),
  };
}
