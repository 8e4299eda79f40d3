import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../test/support/db.ts';
import { ManualClock } from '../kernel/index.ts';
import { AccessLog } from './index.ts';
import { accessEntry, subjectsInLane } from './testing.ts';

let handle: TestDatabase;
let log: AccessLog;
const clock = new ManualClock('2025-07-31T10:15:00Z');
const bank = { actorId: 'bank-acb', actorKind: 'partner', actorName: 'ACB', channel: 'api', action: 'verify' } as const;
const verified = { actorId: 'bank-acb', actorKind: 'partner', action: 'verify' } as const;
/** Subjects in three lanes, so that an hour's entries are counted in several lanes. */
const subjects = [...subjectsInLane(2, 2), ...subjectsInLane(5, 2), ...subjectsInLane(11, 2)];
const at = (time: string) => new Date(`2025-07-31T${time}Z`);

/** The bank's entries with `at` in [from, to), counted row by row: what `count` must agree with. */
async function rowsBetween(from: Date, to: Date): Promise<number> {
  const { rows } = await handle.db.query<{ n: string | number }>(
    `select count(*) as n from audit.access_log
     where actor_kind = 'partner' and actor_id = 'bank-acb' and action = 'verify' and at >= $1 and at < $2`,
    [from, to],
  );
  return Number(rows[0]?.n);
}

beforeAll(async () => {
  handle = await openTestDatabase();
  log = new AccessLog(handle.db, clock);
  const check = (subject: string) => accessEntry(subject, { ...bank, purpose: 'Mở tài khoản' });
  // Entries inside hours, on an hour's first millisecond and on its last one.
  for (const [time, count] of [
    ['10:15:00.000', 3],
    ['10:45:00.000', 2],
    ['11:00:00.000', 4],
    ['11:59:59.999', 1],
    ['12:30:00.000', 6],
    ['14:00:00.000', 2],
  ] as const) {
    clock.set(`2025-07-31T${time}Z`);
    await log.record(subjects.slice(0, count).map(check));
    await log.record(accessEntry(subjects[0] ?? ''));
  }
});
afterAll(async () => handle.close());

describe('AccessLog.count over the hourly counts', () => {
  it('agrees with the rows for periods starting and ending anywhere in an hour or on it', async () => {
    const starts = ['09:00:00.000', '10:15:00.000', '10:30:00.000', '11:00:00.000', '11:00:00.001', '12:00:00.000'];
    const ends = ['10:15:00.001', '10:45:00.000', '11:00:00.000', '11:59:59.999', '12:00:00.000', '12:45:00.000'];
    const periods = starts.flatMap((from) => ends.map((to) => [at(from), at(to)] as const));
    const compared = periods.filter(([from, to]) => from < to);
    expect(compared.length).toBeGreaterThan(20);
    for (const [from, to] of compared) {
      expect({ from, to, count: await log.count({ ...verified, from, to }) }).toEqual({
        from,
        to,
        count: await rowsBetween(from, to),
      });
    }
    expect(await log.count({ ...verified, from: at('00:00:00.000'), to: at('23:00:00.000') })).toBe(18);
  });

  it('keeps one count per actor, action, UTC hour and lane, summing to the rows', async () => {
    const { rows } = await handle.db.query<{ actor_id: string; hours: string | number; entries: string | number }>(
      `select actor_id, count(distinct hour) as hours, sum(entries) as entries from audit.access_count
       group by actor_id order by actor_id`,
    );
    expect(rows.map((row) => [row.actor_id, Number(row.hours), Number(row.entries)])).toEqual([
      ['bank-acb', 4, 18],
      ['officer-7', 4, 6],
    ]);
  });

  it('counts nothing of an append that is rolled back', async () => {
    clock.set('2025-07-31T13:10:00Z');
    const failed = handle.db.transaction(async (tx) => {
      await log.record(
        subjects.map((subject) => accessEntry(subject, { ...bank, purpose: 'Mở tài khoản' })),
        tx,
      );
      throw new Error('the caller fails after the append');
    });
    await expect(failed).rejects.toThrow(/caller fails/);
    expect(await log.count({ ...verified, from: at('13:00:00.000'), to: at('14:00:00.000') })).toBe(0);
    expect(await log.count({ ...verified, from: at('00:00:00.000'), to: at('23:00:00.000') })).toBe(18);
  });

  it('counts in UTC hours whatever the session’s time zone (+05:30 has no whole-hour offset)', async () => {
    clock.set('2025-07-31T15:20:00Z');
    await handle.db.transaction(async (tx) => {
      await tx.query(`set local timezone = 'Asia/Kolkata'`);
      await log.record(accessEntry(subjects[1] ?? '', { ...bank, purpose: 'Mở tài khoản' }), tx);
    });
    expect(await log.count({ ...verified, from: at('15:00:00.000'), to: at('16:00:00.000') })).toBe(1);
    const { rows } = await handle.db.query<{ hour: Date }>(
      `select hour from audit.access_count where actor_id = 'bank-acb' and hour >= $1`,
      [at('15:00:00.000')],
    );
    expect(rows.map((row) => new Date(row.hour).toISOString())).toEqual(['2025-07-31T15:00:00.000Z']);
  });
});
