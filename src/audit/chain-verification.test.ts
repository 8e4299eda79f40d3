import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../test/support/db.ts';
import type { Database } from '../db/index.ts';
import { ManualClock } from '../kernel/index.ts';
import { rowHash } from './chain.ts';
import { AccessLog, type ChainBreak } from './index.ts';
import { accessEntry, subjectsInLane } from './testing.ts';

// One database; each test writes its own lane and reads only that lane's break.
let handle: TestDatabase;
let db: Database;
let log: AccessLog;

beforeAll(async () => {
  handle = await openTestDatabase();
  db = handle.db;
  log = new AccessLog(db, new ManualClock('2025-07-01T01:00:00Z'));
});
afterAll(async () => handle.close());

/** Records `count` entries in `lane`, one call each, so that they chain one after another. */
async function fillLane(lane: number, count: number): Promise<void> {
  const subjects = subjectsInLane(lane, 3);
  await log.record(Array.from({ length: count }, (_, i) => accessEntry(subjects[i % 3] ?? '', { requestId: `r${i}` })));
}

async function idAt(lane: number, seq: number): Promise<number> {
  const { rows } = await db.query<{ id: number }>('select id from audit.access_log where lane = $1 and seq = $2', [
    lane,
    seq,
  ]);
  if (!rows[0]) throw new Error(`no row at lane ${lane}, seq ${seq}`);
  return rows[0].id;
}

/** Runs statements as someone with the owner's rights would: with the append-only trigger disabled. */
async function tamper(...statements: Array<[string, unknown[]?]>): Promise<void> {
  await db.query('alter table audit.access_log disable trigger user');
  try {
    for (const [text, params] of statements) await db.query(text, params);
  } finally {
    await db.query('alter table audit.access_log enable trigger user');
  }
}

/** Inserts a copy of row `sourceId` with purpose 'forged' at `seq`, chained after `prevHash` as a forger would. */
async function forge(sourceId: number, seq: number, prevHash: Buffer, lane?: number): Promise<void> {
  const { rows } = await db.query<Record<string, never>>('select * from audit.access_log where id = $1', [sourceId]);
  const row = rows[0] as unknown as Record<string, string | number | Date | null | object>;
  const fields = {
    lane: lane ?? (row.lane as number),
    seq,
    at: row.at as Date,
    actorId: row.actor_id as string,
    actorKind: row.actor_kind as string,
    actorName: row.actor_name as string | null,
    purpose: 'forged',
    channel: row.channel as string,
    action: row.action as string,
    subjectId: row.subject_id as string,
    requestId: row.request_id as string | null,
    detailsJson: null,
  };
  await db.query(
    `insert into audit.access_log (lane, seq, at, actor_id, actor_kind, actor_name, purpose, channel, action,
       subject_id, request_id, prev_hash, hash)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, decode($12, 'hex'), decode($13, 'hex'))`,
    [...Object.values(fields).slice(0, 11), prevHash.toString('hex'), rowHash(prevHash, fields).toString('hex')],
  );
}

async function hashAt(lane: number, seq: number): Promise<Buffer> {
  const { rows } = await db.query<{ h: string }>(
    `select encode(hash, 'hex') as h from audit.access_log where lane = $1 and seq = $2`,
    [lane, seq],
  );
  return Buffer.from(rows[0]?.h ?? '', 'hex');
}

async function breakOf(lane: number): Promise<ChainBreak[]> {
  const report = await log.verifyChain();
  return report.breaks.filter((found) => found.lane === lane);
}

describe('the append-only trigger', () => {
  it('refuses UPDATE, DELETE and TRUNCATE of access log rows', async () => {
    await fillLane(0, 2);
    await expect(db.query(`update audit.access_log set purpose = 'x' where lane = 0`)).rejects.toThrow(/append-only/);
    await expect(db.query('delete from audit.access_log where lane = 0')).rejects.toThrow(/append-only/);
    await expect(db.query('truncate audit.access_log')).rejects.toThrow(/append-only/);
    expect(await breakOf(0)).toEqual([]);
  });
});

describe('AccessLog.verifyChain', () => {
  it('reports every lane whole after many appends, walking lanes longer than one page', async () => {
    await fillLane(15, 2100);
    const report = await log.verifyChain();
    expect(report.lanes).toBe(16);
    expect(report.rows).toBeGreaterThanOrEqual(2100);
    expect(report.breaks).toEqual([]);
    expect(report.ok).toBe(true);
  });

  it('finds a row changed in SQL behind the trigger’s back, by lane and seq', async () => {
    await fillLane(1, 6);
    const id = await idAt(1, 4);
    await tamper([`update audit.access_log set purpose = 'x' where id = $1`, [id]]);
    expect(await breakOf(1)).toEqual([{ lane: 1, seq: 4, id, reason: 'altered' }]);
    expect((await log.verifyChain()).ok).toBe(false);
  });

  it('finds a changed row whose hash the forger recomputed, at the next row', async () => {
    await fillLane(2, 6);
    const changed = await idAt(2, 3);
    await tamper([`update audit.access_log set purpose = 'x' where id = $1`, [changed]]);
    const { rows } = await db.query<Record<string, unknown>>('select * from audit.access_log where id = $1', [changed]);
    const row = rows[0] ?? {};
    const rehashed = rowHash(await hashAt(2, 2), {
      lane: 2,
      seq: 3,
      at: row.at as Date,
      actorId: row.actor_id as string,
      actorKind: row.actor_kind as string,
      actorName: null,
      purpose: 'x',
      channel: row.channel as string,
      action: row.action as string,
      subjectId: row.subject_id as string,
      requestId: row.request_id as string,
      detailsJson: null,
    });
    await tamper([
      `update audit.access_log set hash = decode($1, 'hex') where id = $2`,
      [rehashed.toString('hex'), changed],
    ]);
    expect(await breakOf(2)).toEqual([{ lane: 2, seq: 4, id: await idAt(2, 4), reason: 'link' }]);
  });

  it('finds a row deleted from the middle of a lane', async () => {
    await fillLane(3, 6);
    await tamper(['delete from audit.access_log where lane = 3 and seq = 3']);
    expect(await breakOf(3)).toEqual([{ lane: 3, seq: 3, id: null, reason: 'missing' }]);
  });

  it('finds the last row of a lane deleted, against the lane’s head', async () => {
    await fillLane(4, 4);
    await tamper(['delete from audit.access_log where lane = 4 and seq = 4']);
    expect(await breakOf(4)).toEqual([{ lane: 4, seq: 4, id: null, reason: 'missing' }]);
  });

  it('finds a row inserted in the middle, even with seqs moved up and its hash computed', async () => {
    await fillLane(5, 5);
    const moved = await idAt(5, 3);
    const source = await idAt(5, 2);
    await tamper(
      ['update audit.access_log set seq = seq + 1000 where lane = 5 and seq >= 3'],
      ['update audit.access_log set seq = seq - 999 where lane = 5 and seq >= 1000'],
    );
    await forge(source, 3, await hashAt(5, 2));
    expect(await breakOf(5)).toEqual([{ lane: 5, seq: 4, id: moved, reason: 'link' }]);
  });

  it('finds a row appended past the lane’s head without going through the log', async () => {
    await fillLane(6, 3);
    await forge(await idAt(6, 3), 4, await hashAt(6, 3));
    expect(await breakOf(6)).toEqual([{ lane: 6, seq: 4, id: await idAt(6, 4), reason: 'beyond_head' }]);
  });

  it('finds a change on a later page of a long lane', async () => {
    await fillLane(7, 2100);
    const id = await idAt(7, 2050);
    await tamper([`update audit.access_log set request_id = 'other' where id = $1`, [id]]);
    expect(await breakOf(7)).toEqual([{ lane: 7, seq: 2050, id, reason: 'altered' }]);
  });

  it('finds rows in a lane that has no head', async () => {
    await fillLane(8, 1);
    await forge(await idAt(8, 1), 1, Buffer.alloc(32), 99);
    expect(await breakOf(99)).toEqual([{ lane: 99, seq: 1, id: expect.any(Number), reason: 'no_head' }]);
  });
});
