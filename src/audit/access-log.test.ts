import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../test/support/db.ts';
import type { Database } from '../db/index.ts';
import { isDomainError, ManualClock } from '../kernel/index.ts';
import { type AccessEntry, AccessLog } from './index.ts';
import { accessEntry, subjectsInLane } from './testing.ts';

let handle: TestDatabase;
let db: Database;
let clock: ManualClock;
let log: AccessLog;

beforeAll(async () => {
  handle = await openTestDatabase();
  db = handle.db;
});
afterAll(async () => handle.close());
beforeEach(() => {
  clock = new ManualClock('2025-07-01T01:00:00Z');
  log = new AccessLog(db, clock);
});

const [alice = '', bob = ''] = subjectsInLane(2, 2);
const [carol = ''] = subjectsInLane(9, 1);

async function rowCount(): Promise<number> {
  const { rows } = await db.query<{ n: number }>('select count(*)::int8 as n from audit.access_log');
  return rows[0]?.n ?? -1;
}

async function refusal(promise: Promise<unknown>): Promise<{ code: string; details: Record<string, unknown> }> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!isDomainError(error)) throw new Error(`expected a DomainError, got ${String(error)}`);
  return { code: error.code, details: { ...error.details } };
}

describe('AccessLog.record and listForSubject', () => {
  it('lists a subject’s accesses newest first, only theirs, with what the citizen is shown', async () => {
    await log.record(accessEntry(alice, { actorKind: 'partner', actorName: 'Ngân hàng ACB', channel: 'api' }));
    clock.advance(60_000);
    await log.record([accessEntry(alice, { action: 'export', requestId: 'req-1' }), accessEntry(bob)]);
    const page = await log.listForSubject(alice);
    expect(page.next).toBeUndefined();
    expect(page.items.map((item) => [item.at, item.action])).toEqual([
      ['2025-07-01T01:01:00.000Z', 'export'],
      ['2025-07-01T01:00:00.000Z', 'read'],
    ]);
    expect(page.items[0]).toMatchObject({ actorKind: 'officer', requestId: 'req-1', subjectId: alice });
    expect(page.items[1]).toMatchObject({ actorKind: 'partner', actorName: 'Ngân hàng ACB', channel: 'api' });
    expect(page.items[1]).not.toHaveProperty('requestId');
  });

  it('pages with an opaque cursor, without gaps or repeats, also among entries recorded at the same instant', async () => {
    const [subject = ''] = subjectsInLane(4, 1);
    for (let i = 0; i < 5; i++) {
      clock.advance(1000);
      await log.record(accessEntry(subject, { requestId: `single-${i}` }));
    }
    clock.advance(1000);
    await log.record(Array.from({ length: 20 }, (_, i) => accessEntry(subject, { requestId: `batch-${i}` })));
    const seen: string[] = [];
    let before: string | undefined;
    for (let pages = 0; pages < 10; pages++) {
      const page = await log.listForSubject(subject, { limit: 7, ...(before ? { before } : {}) });
      seen.push(...page.items.map((item) => item.requestId ?? ''));
      if (!page.next) break;
      before = page.next;
    }
    expect(seen).toHaveLength(25);
    expect(new Set(seen).size).toBe(25);
    expect(seen.slice(-5)).toEqual(['single-4', 'single-3', 'single-2', 'single-1', 'single-0']);
  });

  it('refuses a cursor it did not give and a page size out of range', async () => {
    expect((await refusal(log.listForSubject(alice, { before: 'not-a-cursor' }))).code).toBe('AUDIT_QUERY_INVALID');
    expect((await refusal(log.listForSubject(alice, { limit: 101 }))).details).toEqual({ field: 'limit' });
    expect((await refusal(log.listForSubject('12345'))).code).toBe('INVALID_PERSONAL_ID');
  });

  it('keeps details as given through the jsonb round trip, and the chain still verifies', async () => {
    const details = { zeta: 1, a: [0.1, 1e21, -0, 'Hà Nội'], nested: { 'khóa 👍': true, empty: {} }, none: null };
    await log.record(accessEntry(carol, { details }));
    const [item] = (await log.listForSubject(carol)).items;
    expect(item?.details).toEqual({ ...details, a: [0.1, 1e21, 0, 'Hà Nội'] });
    expect((await log.verifyChain()).ok).toBe(true);
  });

  it('stores purpose and display name in NFC', async () => {
    const [subject = ''] = subjectsInLane(5, 1);
    await log.record(accessEntry(subject, { purpose: 'Kiê\u0309m tra', actorName: 'Co\u0302ng an' }));
    const [item] = (await log.listForSubject(subject)).items;
    expect(item?.purpose).toBe('Kiểm tra');
    expect(item?.actorName).toBe('Công an');
  });
});

describe('AccessLog.record refuses invalid entries', () => {
  const cases: Array<[string, Partial<AccessEntry> | Record<string, unknown>, string]> = [
    ['a subject that is not a personal ID number', { subjectId: '00119000012' }, 'subjectId'],
    ['an unknown kind of actor', { actorKind: 'robot' }, 'actorKind'],
    ['an unknown channel', { channel: 'fax' }, 'channel'],
    ['a blank purpose', { purpose: '   ' }, 'purpose'],
    ['a purpose over 200 characters', { purpose: 'x'.repeat(201) }, 'purpose'],
    ['an action that is not a lower-case word', { action: 'Read data' }, 'action'],
    ['a field the entry does not have', { citizenName: 'Nguyễn Văn A' }, 'citizenName'],
    ['details carrying a personal ID number', { details: { other: '001190000123' } }, 'details'],
    ['details that are not plain JSON', { details: { at: new Date() } }, 'details'],
    ['text PostgreSQL cannot store', { actorId: 'a\u0000b' }, 'actorId'],
  ];
  for (const [what, change, field] of cases) {
    it(`refuses ${what} with AUDIT_ENTRY_INVALID`, async () => {
      const bad = { ...accessEntry(alice), ...change } as AccessEntry;
      const error = await refusal(log.record(bad));
      expect(error.code).toBe('AUDIT_ENTRY_INVALID');
      expect(error.details).toMatchObject({ index: 0, field });
    });
  }

  it('writes nothing of a batch with one invalid entry, and says which one', async () => {
    const before = await rowCount();
    const batch = [accessEntry(alice), accessEntry(bob, { channel: 'fax' as 'api' }), accessEntry(carol)];
    const error = await refusal(log.record(batch));
    expect(error).toMatchObject({ code: 'AUDIT_ENTRY_INVALID', details: { index: 1, field: 'channel' } });
    expect(await rowCount()).toBe(before);
  });
});

describe('AccessLog.record in the caller’s transaction', () => {
  it('leaves nothing when the caller’s transaction rolls back, and the chain goes on unbroken', async () => {
    const before = await rowCount();
    await expect(
      db.transaction(async (tx) => {
        await log.record([accessEntry(alice), accessEntry(carol)], tx);
        throw new Error('the caller changed its mind');
      }),
    ).rejects.toThrow('changed its mind');
    expect(await rowCount()).toBe(before);
    await log.record(accessEntry(alice));
    expect((await log.verifyChain()).ok).toBe(true);
  });

  it('commits with the caller’s transaction', async () => {
    const [subject = ''] = subjectsInLane(7, 1);
    await db.transaction(async (tx) => log.record(accessEntry(subject), tx));
    expect((await log.listForSubject(subject)).items).toHaveLength(1);
  });
});

describe('AccessLog time within a lane', () => {
  it('never goes back in time within a lane when a node’s clock is behind', async () => {
    const [first = '', second = ''] = subjectsInLane(11, 2);
    clock.set('2025-07-01T05:00:00Z');
    await log.record(accessEntry(first));
    const lagging = new AccessLog(db, new ManualClock('2025-07-01T04:59:59Z'));
    await lagging.record(accessEntry(second));
    const [item] = (await log.listForSubject(second)).items;
    expect(item?.at).toBe('2025-07-01T05:00:00.000Z');
  });
});
