import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../test/support/db.ts';
import type { Database } from '../db/index.ts';
import { ManualClock } from '../kernel/index.ts';
import { GENESIS_HASH } from './chain.ts';
import { AccessLog } from './index.ts';
import { accessEntry, subjectsInLane } from './testing.ts';

// Several processes (nodes) append to the same lanes: each keeps the lane heads it knows in memory, and
// `audit.append()` refuses rows sealed after a head that another node has moved since.

let handle: TestDatabase;
let db: Database;

beforeAll(async () => {
  handle = await openTestDatabase();
  db = handle.db;
});
afterAll(async () => handle.close());

const subjects = subjectsInLane(5, 3);
const others = subjectsInLane(11, 2);
const subject = (i: number) => subjects[i % subjects.length] ?? '';

/** Rows of one lane: their count, lowest and highest seq, and the head's seq. */
async function laneShape(lane: number): Promise<{ rows: number; low: number; high: number; head: number }> {
  const { rows } = await db.query<{ rows: number; low: number; high: number; head: number }>(
    `select count(*)::int8 as rows, min(l.seq)::int8 as low, max(l.seq)::int8 as high,
       (select seq from audit.chain_head where lane = $1)::int8 as head
     from audit.access_log l where l.lane = $1`,
    [lane],
  );
  const [shape] = rows;
  if (!shape) throw new Error('no shape');
  return { rows: Number(shape.rows), low: Number(shape.low), high: Number(shape.high), head: Number(shape.head) };
}

describe('appends from several processes to the same lanes', () => {
  it('lets two access logs on one database append to the same lane at once, all rows kept and the chain whole', async () => {
    const clock = new ManualClock('2025-08-01T01:00:00Z');
    const first = new AccessLog(db, clock);
    const second = new AccessLog(db, clock);
    const before = await laneShape(5);
    const calls = Array.from({ length: 40 }, (_, call) => {
      const log = call % 2 === 0 ? first : second;
      const entries = [accessEntry(subject(call), { requestId: `n${call % 2}-${call}` })];
      if (call % 4 === 1) entries.push(accessEntry(others[call % 2] ?? ''));
      return call % 8 === 3 ? db.transaction((tx) => log.record(entries, tx)) : log.record(entries);
    });
    await Promise.all(calls);
    expect(await laneShape(5)).toEqual({
      rows: before.rows + 40,
      low: 1,
      high: before.rows + 40,
      head: before.rows + 40,
    });
    expect(await first.verifyChain()).toMatchObject({ ok: true, breaks: [] });
  });

  it('seals again after a head that another process moved since this one last wrote to the lane', async () => {
    const clock = new ManualClock('2025-08-02T01:00:00Z');
    const first = new AccessLog(db, clock);
    const second = new AccessLog(db, clock);
    await first.record(accessEntry(subject(0), { requestId: 'first-1' }));
    await second.record(accessEntry(subject(1), { requestId: 'second-1' }));
    await second.record(accessEntry(subject(2), { requestId: 'second-2' }));
    // `first` still holds the head it wrote, two rows behind.
    await first.record(accessEntry(subject(0), { requestId: 'first-2' }));
    const { rows } = await db.query<{ request_id: string; seq: number }>(
      `select request_id, seq::int8 as seq from audit.access_log
       where request_id in ('first-1', 'second-1', 'second-2', 'first-2') order by seq`,
    );
    expect(rows.map((row) => row.request_id)).toEqual(['first-1', 'second-1', 'second-2', 'first-2']);
    expect(rows.map((row) => Number(row.seq) - Number(rows[0]?.seq))).toEqual([0, 1, 2, 3]);
    expect(await first.verifyChain()).toMatchObject({ ok: true, breaks: [] });
  });

  it('goes on after a caller’s transaction that appended rolled back', async () => {
    const log = new AccessLog(db, new ManualClock('2025-08-03T01:00:00Z'));
    await log.record(accessEntry(subject(0)));
    await db
      .transaction(async (tx) => {
        await log.record(accessEntry(subject(1), { requestId: 'rolled-back' }), tx);
        throw new Error('the caller gives up');
      })
      .catch(() => undefined);
    await log.record(accessEntry(subject(2)));
    const shape = await laneShape(5);
    expect(shape).toEqual({ ...shape, low: 1, high: shape.rows, head: shape.rows });
    expect(await log.verifyChain()).toMatchObject({ ok: true, breaks: [] });
  });

  it('writes nothing and answers with the lane’s head when the rows do not continue from it', async () => {
    const before = await laneShape(5);
    const row = [
      [5],
      [1],
      ['2025-08-04T01:00:00.000Z'],
      ['officer-7'],
      ['officer'],
      [null],
      ['Kiểm tra'],
      ['web'],
      ['read'],
      [subject(0)],
      [null],
      [null],
      [GENESIS_HASH.toString('hex')],
      [Buffer.alloc(32, 1).toString('hex')],
    ];
    const { rows } = await db.query<{ head_lane: number; head_seq: number }>(
      `select head_lane, head_seq::int8 as head_seq from audit.append($1::int2[], $2::int8[], $3::timestamptz[],
         $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[],
         $12::text[], $13::text[], $14::text[])`,
      row,
    );
    expect(rows.map((head) => ({ lane: head.head_lane, seq: Number(head.head_seq) }))).toEqual([
      { lane: 5, seq: before.head },
    ]);
    expect(await laneShape(5)).toEqual(before);
  });

  it('appends in one statement when the process knows the lane’s head', async () => {
    const statements: string[] = [];
    const counting = Object.create(db) as Database;
    counting.query = (text, params) => {
      statements.push(text);
      return db.query(text, params);
    };
    const log = new AccessLog(counting, new ManualClock('2025-08-05T01:00:00Z'));
    await log.record(accessEntry(subject(0)));
    statements.length = 0;
    await log.record(accessEntry(subject(1)));
    expect(statements).toHaveLength(1);
    expect(statements[0]).toContain('audit.append(');
  });
});
