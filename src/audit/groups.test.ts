import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../test/support/db.ts';
import type { Database } from '../db/index.ts';
import { type DomainError, ManualClock } from '../kernel/index.ts';
import { DEFAULT_LANES, laneOf } from './chain.ts';
import { type AccessGroup, AccessLog, type AccessLogItem } from './index.ts';
import { accessEntry, subjectsInLane } from './testing.ts';

// One database; each test's groups go to a lane of their own (a group's lane is its actor's).
let handle: TestDatabase;
let db: Database;
let clock: ManualClock;
let log: AccessLog;

beforeAll(async () => {
  handle = await openTestDatabase();
  db = handle.db;
  clock = new ManualClock('2025-07-01T01:30:00Z');
  log = new AccessLog(db, clock);
});
afterAll(async () => handle.close());

const [alice, bob, carol] = subjectsInLane(3, 3) as [string, string, string];
const usedLanes = new Set<number>();

/** A partner id whose groups go to a lane no other test of this file uses. */
function partnerOfNewLane(): string {
  for (let i = 0; ; i++) {
    const id = `bank-${i}`;
    const lane = laneOf(id, DEFAULT_LANES);
    if (!usedLanes.has(lane)) {
      usedLanes.add(lane);
      return id;
    }
  }
}

function group(actorId: string, subjects: AccessGroup['subjects'], overrides: Partial<AccessGroup> = {}): AccessGroup {
  return {
    actorId,
    actorKind: 'partner',
    actorName: 'Ngân hàng Á Châu',
    purpose: 'Làm sạch dữ liệu khách hàng',
    channel: 'batch',
    action: 'verify',
    details: { batchId: '7', checkTypes: ['identity', 'card'] },
    subjects,
    ...overrides,
  };
}

async function allOf(subject: string): Promise<AccessLogItem[]> {
  return (await log.listForSubject(subject, { limit: 100 })).items;
}

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('expected a refusal');
}

async function counts(): Promise<{ entries: number; subjects: number }> {
  const { rows } = await db.query<{ entries: number; subjects: number }>(
    `select (select count(*) from audit.access_log)::int as entries,
            (select count(*) from audit.access_subject)::int as subjects`,
  );
  return rows[0] as { entries: number; subjects: number };
}

/** Runs statements with the append-only triggers of both tables disabled, as the tables' owner could. */
async function tamper(...statements: Array<[string, unknown[]?]>): Promise<void> {
  await db.query('alter table audit.access_subject disable trigger user');
  await db.query('alter table audit.access_log disable trigger user');
  try {
    for (const [text, params] of statements) await db.query(text, params);
  } finally {
    await db.query('alter table audit.access_subject enable trigger user');
    await db.query('alter table audit.access_log enable trigger user');
  }
}

async function lastGroup(actorId: string): Promise<{ id: number; lane: number; seq: number }> {
  const { rows } = await db.query<{ id: number; lane: number; seq: number }>(
    'select id, lane, seq from audit.access_log where actor_id = $1 and subject_id is null order by id desc limit 1',
    [actorId],
  );
  return rows[0] as { id: number; lane: number; seq: number };
}

describe('AccessLog.recordGroup', () => {
  it("shows each subject in that subject's history with its line, and counts every subject", async () => {
    const partner = partnerOfNewLane();
    const before = await counts();
    await log.recordGroup(
      group(partner, [
        { subjectId: alice, line: 2 },
        { subjectId: bob, line: 3 },
        { subjectId: alice, line: 9 },
        { subjectId: carol },
      ]),
    );
    // One chained row for the group, a narrow row per subject.
    expect(await counts()).toEqual({ entries: before.entries + 1, subjects: before.subjects + 4 });
    const { id } = await lastGroup(partner);
    const shared = {
      id,
      at: '2025-07-01T01:30:00.000Z',
      actorId: partner,
      actorKind: 'partner',
      actorName: 'Ngân hàng Á Châu',
      purpose: 'Làm sạch dữ liệu khách hàng',
      channel: 'batch',
      action: 'verify',
    };
    const details = { batchId: '7', checkTypes: ['identity', 'card'] };
    expect((await allOf(alice)).filter((item) => item.actorId === partner)).toEqual([
      { ...shared, subjectId: alice, details: { ...details, line: 9 }, item: 3 },
      { ...shared, subjectId: alice, details: { ...details, line: 2 }, item: 1 },
    ]);
    expect((await allOf(carol)).filter((item) => item.actorId === partner)).toEqual([
      { ...shared, subjectId: carol, details, item: 4 },
    ]);

    // Quotas and usage count the group's four checks, from the hourly counts and from the rows alike.
    const filter = { actorId: partner, actorKind: 'partner' as const, action: 'verify' };
    const whole = { from: new Date('2025-07-01T01:00:00Z'), to: new Date('2025-07-01T03:00:00Z') };
    const partial = { from: new Date('2025-07-01T01:15:00Z'), to: new Date('2025-07-01T01:45:00Z') };
    expect(await log.count({ ...filter, ...whole })).toBe(4);
    expect(await log.count({ ...filter, ...partial })).toBe(4);
    const usage = await log.usage({ actorId: partner, ...whole, groupBy: 'day', detailKey: 'checkTypes' });
    expect(usage).toEqual([expect.objectContaining({ period: '2025-07-01', detail: ['identity', 'card'], count: 4 })]);
    expect((await log.verifyChain()).ok).toBe(true);
  });

  it("pages a subject's history across plain entries and groups, newest first, never twice nor skipped", async () => {
    const partner = partnerOfNewLane();
    const [subject, other] = subjectsInLane(9, 2) as [string, string];
    await log.record(accessEntry(subject, { requestId: 'plain-1' }));
    clock.advance(1000);
    await log.recordGroup(
      group(partner, [{ subjectId: subject, line: 1 }, { subjectId: other }, { subjectId: subject }]),
    );
    await log.record(accessEntry(subject, { requestId: 'plain-2' })); // the same instant as the group
    clock.advance(1000);
    await log.recordGroup(group(partner, [{ subjectId: subject, line: 5 }]));
    const whole = await allOf(subject);
    expect(whole.map((item) => item.requestId ?? `${item.item}`)).toEqual(['1', 'plain-2', '3', '1', 'plain-1']);
    const paged: AccessLogItem[] = [];
    let before: string | undefined;
    do {
      const page = await log.listForSubject(subject, { limit: 1, ...(before ? { before } : {}) });
      paged.push(...page.items);
      before = page.next;
    } while (before);
    expect(paged).toEqual(whole);
  });

  it('refuses a group with an invalid subject, naming its place, and writes nothing', async () => {
    const partner = partnerOfNewLane();
    const before = await counts();
    const bad = await refusal(
      log.recordGroup(group(partner, [{ subjectId: alice }, { subjectId: bob }, { subjectId: '999190000123' }])),
    );
    expect(bad).toMatchObject({ code: 'AUDIT_ENTRY_INVALID', details: { index: 2, field: 'subjectId' } });
    const empty = await refusal(log.recordGroup(group(partner, [])));
    expect(empty).toMatchObject({ code: 'AUDIT_ENTRY_INVALID', details: { index: 0, field: 'subjects' } });
    const line = await refusal(log.recordGroup(group(partner, [{ subjectId: alice, line: 0 }])));
    expect(line).toMatchObject({ code: 'AUDIT_ENTRY_INVALID', details: { field: 'subjects/0/line' } });
    const personal = await refusal(log.recordGroup(group(partner, [{ subjectId: alice }], { details: { id: bob } })));
    expect(personal).toMatchObject({ code: 'AUDIT_ENTRY_INVALID', details: { index: 0, field: 'details' } });
    expect(await counts()).toEqual(before);
  });

  it('keeps a group rolled back with its transaction out, and chains the next after the true head', async () => {
    const partner = partnerOfNewLane();
    const failed = db.transaction(async (tx) => {
      await log.recordGroup(group(partner, [{ subjectId: bob, line: 40 }]), tx);
      throw new Error('the chunk failed');
    });
    await expect(failed).rejects.toThrow('the chunk failed');
    await log.recordGroup(group(partner, [{ subjectId: bob, line: 41 }]));
    const lines = (await allOf(bob)).filter((item) => item.actorId === partner).map((item) => item.details?.line);
    expect(lines).toEqual([41]);
    expect((await log.verifyChain()).ok).toBe(true);
  });
});

describe('verifying groups', () => {
  async function brokenGroup(): Promise<{ id: number; lane: number; seq: number }> {
    const partner = partnerOfNewLane();
    await log.recordGroup(
      group(partner, [
        { subjectId: alice, line: 1 },
        { subjectId: bob, line: 2 },
      ]),
    );
    await log.recordGroup(group(partner, [{ subjectId: carol, line: 3 }]));
    const first = await db.query<{ id: number; lane: number; seq: number }>(
      'select id, lane, seq from audit.access_log where actor_id = $1 order by seq limit 1',
      [partner],
    );
    return first.rows[0] as { id: number; lane: number; seq: number };
  }

  async function breakOf(lane: number) {
    return (await log.verifyChain()).breaks.filter((found) => found.lane === lane);
  }

  it('refuses UPDATE, DELETE and TRUNCATE of subject rows', async () => {
    const { id, lane } = await brokenGroup();
    await expect(db.query('update audit.access_subject set line = 9 where entry_id = $1', [id])).rejects.toThrow(
      /append-only/,
    );
    await expect(db.query('delete from audit.access_subject where entry_id = $1', [id])).rejects.toThrow(/append-only/);
    await expect(db.query('truncate audit.access_subject')).rejects.toThrow(/append-only/);
    expect(await breakOf(lane)).toEqual([]);
  });

  const cases: Array<[string, (id: number) => Array<[string, unknown[]?]>]> = [
    [
      'a subject changed',
      (id) => [[`update audit.access_subject set subject_id = $2 where entry_id = $1 and item = 2`, [id, carol]]],
    ],
    ['a line changed', (id) => [['update audit.access_subject set line = 7 where entry_id = $1 and item = 1', [id]]]],
    ['a subject deleted', (id) => [['delete from audit.access_subject where entry_id = $1 and item = 2', [id]]]],
    [
      'a subject slipped in',
      (id) => [
        [
          `insert into audit.access_subject (entry_id, item, subject_id, at, line)
           select entry_id, 3, $2, at, null from audit.access_subject where entry_id = $1 and item = 1`,
          [id, carol],
        ],
      ],
    ],
  ];
  for (const [what, statements] of cases) {
    it(`finds ${what} behind the triggers' back, at the group's row`, async () => {
      const { id, lane, seq } = await brokenGroup();
      await tamper(...statements(id));
      expect(await breakOf(lane)).toEqual([{ lane, seq, id, reason: 'subjects' }]);
    });
  }

  it("finds a group's sealed count or digest changed, as an altered row", async () => {
    const { id, lane, seq } = await brokenGroup();
    await tamper(['update audit.access_log set subjects = 3 where id = $1', [id]]);
    expect(await breakOf(lane)).toEqual([{ lane, seq, id, reason: 'altered' }]);
  });

  it('does not let a row be a plain entry and a group at once', async () => {
    const { id } = await brokenGroup();
    await expect(tamper(['update audit.access_log set subject_id = $2 where id = $1', [id, alice]])).rejects.toThrow(
      /access_log_subject_or_group/,
    );
  });
});
