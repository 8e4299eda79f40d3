/**
 * The access log read for metering and quotas: counts by period and actor. Part of the audit store (store.ts):
 * the only other code that touches the audit tables.
 */
import { sql } from 'kysely';
import type { Database } from '../db/index.ts';
import type { CountFilter, UsageFilter, UsageRow } from './model.ts';
import { tables } from './store.ts';

const HOUR_MS = 3_600_000;

/** Whole hours ($4 to $5) from the counts, the hours' parts before and after them ($6 to $4, $5 to $7) from rows. */
const COUNT_SQL = `
  select coalesce((select sum(entries) from audit.access_count
      where actor_kind = $1 and actor_id = $2 and action = $3 and hour >= $4 and hour < $5), 0)
    + (select coalesce(sum(subjects), 0) from audit.access_log
      where actor_kind = $1 and actor_id = $2 and action = $3
        and ((at >= $6 and at < $4) or (at >= $5 and at < $7))) as count`;

export class UsageStore {
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
  }

  /** Counts per period (Vietnam's days or months), actor, action and purpose; a group counts its subjects. */
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
        eb.fn.sum<number>('subjects').as('count'),
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

  /**
   * How many entries match, without grouping (a quota's read of a month): the whole UTC hours of the period
   * from `audit.access_count` (migration 0003), the partial hours at its ends from the rows themselves.
   */
  async count(filter: CountFilter): Promise<number> {
    const { from, to } = filter;
    let firstHour = new Date(Math.ceil(from.getTime() / HOUR_MS) * HOUR_MS);
    let endHour = new Date(Math.floor(to.getTime() / HOUR_MS) * HOUR_MS);
    // A period within one hour has no whole hour: its rows are counted from `from` to `to`.
    if (firstHour >= endHour) firstHour = endHour = to;
    const { rows } = await this.#db.query<{ count: string | number }>(COUNT_SQL, [
      filter.actorKind,
      filter.actorId,
      filter.action,
      firstHour,
      endHour,
      from,
      to,
    ]);
    return Number(rows[0]?.count ?? 0);
  }
}
