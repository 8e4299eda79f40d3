/**
 * The access log read as one subject's history ("who accessed my data"). Part of the audit store (store.ts):
 * the only other code that touches the audit tables.
 */
import type { Selectable } from 'kysely';
import type { Database } from '../db/index.ts';
import type { AccessChannel, ActorKind } from './model.ts';
import { type AccessLogTable, accessFields } from './store.ts';

/**
 * A subject's history: its plain entries and its places in groups, each side newest first by its own index,
 * merged. $2 to $4 are the cursor (null for the first page): a plain row is before it when (at, id) is, a
 * group's subject when (at, entry, item) is, and no plain row shares a group's id.
 */
const SUBJECT_PAGE_SQL = `
  select * from (
    (select l.id, 0 as item, l.at, l.actor_id, l.actor_kind, l.actor_name, l.purpose, l.channel, l.action,
       l.subject_id, l.request_id, l.details, null::int4 as line
     from audit.access_log l
     where l.subject_id = $1::char(12) and ($2::timestamptz is null or (l.at, l.id) < ($2, $3::int8))
     order by l.at desc, l.id desc limit $5)
    union all
    (select l.id, s.item, s.at, l.actor_id, l.actor_kind, l.actor_name, l.purpose, l.channel, l.action,
       s.subject_id, l.request_id, l.details, s.line
     from audit.access_subject s join audit.access_log l on l.id = s.entry_id and l.subject_id is null
     where s.subject_id = $1::char(12)
       and ($2::timestamptz is null or (s.at, s.entry_id, s.item) < ($2, $3::int8, $4::int4))
     order by s.at desc, s.entry_id desc, s.item desc limit $5)
  ) as history
  order by at desc, id desc, item desc limit $5`;

/** One entry of a subject's history: a plain entry (item 0), or the subject's place in a group. */
export interface HistoryRow {
  readonly id: number;
  /** 0 for a plain entry; the subject's place in the group (from 1) otherwise. */
  readonly item: number;
  readonly at: Date;
  readonly actorId: string;
  readonly actorKind: ActorKind;
  readonly actorName: string | null;
  readonly purpose: string;
  readonly channel: AccessChannel;
  readonly action: string;
  readonly subjectId: string;
  readonly requestId: string | null;
  readonly details: Record<string, unknown> | null;
  readonly line: number | null;
}

/** Where a keyset page of a subject's history starts: strictly before this entry (item 0: a plain one). */
export interface SubjectCursor {
  readonly at: Date;
  readonly id: number;
  readonly item: number;
}

/** Up to `limit` entries about one subject, newest first, strictly before `before` when given. */
export async function subjectPage(
  db: Database,
  subjectId: string,
  limit: number,
  before?: SubjectCursor,
): Promise<HistoryRow[]> {
  type Row = Omit<
    Selectable<AccessLogTable>,
    'lane' | 'seq' | 'subjects' | 'subjects_digest' | 'prev_hash' | 'hash'
  > & {
    item: number;
    line: number | null;
  };
  const { rows } = await db.query<Row>(SUBJECT_PAGE_SQL, [
    subjectId,
    before?.at ?? null,
    before?.id ?? null,
    before?.item ?? null,
    limit,
  ]);
  return rows.map((row) => ({
    ...accessFields(row),
    id: Number(row.id),
    item: Number(row.item),
    subjectId: row.subject_id as string,
    line: row.line,
  }));
}
