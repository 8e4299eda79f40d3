import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../test/support/db.ts';
import type { Database } from '../db/index.ts';
import { ManualClock } from '../kernel/index.ts';
import { AccessLog } from './index.ts';
import { accessEntry, subjectsInLane } from './testing.ts';

let handle: TestDatabase;
let db: Database;

beforeAll(async () => {
  handle = await openTestDatabase();
  db = handle.db;
});
afterAll(async () => handle.close());

/** Per lane: rows, lowest and highest seq, and the head's seq. */
async function laneShapes(): Promise<Array<{ lane: number; rows: number; low: number; high: number; head: number }>> {
  const { rows } = await db.query<{ lane: number; rows: number; low: number; high: number; head: number }>(`
    select l.lane, count(*)::int8 as rows, min(l.seq) as low, max(l.seq) as high, h.seq as head
    from audit.access_log l join audit.chain_head h using (lane)
    group by l.lane, h.seq order by l.lane`);
  return rows;
}

describe('concurrent appends', () => {
  it('keeps every lane gap-free and verifiable after 20 concurrent record calls, some in callers’ transactions', async () => {
    const log = new AccessLog(db, new ManualClock('2025-07-01T01:00:00Z'));
    const subjects = Array.from({ length: 16 }, (_, lane) => subjectsInLane(lane, 2)).flat();
    const calls = Array.from({ length: 20 }, (_, call) => {
      const entries = Array.from({ length: 5 }, (_, i) =>
        accessEntry(subjects[(call * 7 + i * 3) % subjects.length] ?? '', { requestId: `c${call}-${i}` }),
      );
      return call % 2 === 0 ? log.record(entries) : db.transaction((tx) => log.record(entries, tx));
    });
    await Promise.all(calls);
    const report = await log.verifyChain();
    expect(report).toEqual({ ok: true, rows: 100, lanes: 16, breaks: [] });
    for (const lane of await laneShapes()) {
      expect(lane).toEqual({ ...lane, low: 1, high: lane.rows, head: lane.rows });
    }
  });

  it('creates the heads of lanes beyond the 16 pre-filled ones on first use', async () => {
    const log = new AccessLog(db, new ManualClock('2025-07-02T01:00:00Z'), { lanes: 32 });
    const subjects = Array.from({ length: 32 }, (_, lane) => subjectsInLane(lane, 1, 32)).flat();
    await Promise.all(subjects.map((subject) => log.record(accessEntry(subject))));
    const report = await log.verifyChain();
    expect(report).toMatchObject({ ok: true, lanes: 32, rows: 132 });
  });
});
