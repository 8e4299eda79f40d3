import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../test/support/db.ts';
import { isDomainError, ManualClock } from '../kernel/index.ts';
import { AccessLog } from './index.ts';
import { accessEntry, subjectsInLane } from './testing.ts';

let handle: TestDatabase;
let log: AccessLog;
const clock = new ManualClock('2025-07-31T16:30:00Z');
const subjects = subjectsInLane(3, 3);
const bank = { actorId: 'bank-acb', actorKind: 'partner', actorName: 'ACB', channel: 'api', action: 'verify' } as const;

beforeAll(async () => {
  handle = await openTestDatabase();
  log = new AccessLog(handle.db, clock);
  // 23:30 on 31 July in Vietnam: two verifications by the bank, one read by an officer.
  await log.record(subjects.map((subject) => accessEntry(subject, { ...bank, purpose: 'Mở tài khoản' })).slice(0, 2));
  await log.record(accessEntry(subjects[0] ?? ''));
  // 00:30 on 1 August in Vietnam, still 31 July in UTC.
  clock.set('2025-07-31T17:30:00Z');
  await log.record(subjects.map((subject) => accessEntry(subject, { ...bank, purpose: 'Mở tài khoản' })));
  await log.record(accessEntry(subjects[1] ?? '', { ...bank, purpose: 'Cho vay' }));
});
afterAll(async () => handle.close());

const july = new Date('2025-06-30T17:00:00Z');
const september = new Date('2025-08-31T17:00:00Z');

describe('AccessLog.usage', () => {
  it('counts by Vietnamese day, actor, action, purpose and channel', async () => {
    const rows = await log.usage({ actorId: 'bank-acb', from: july, to: september, groupBy: 'day' });
    expect(rows).toEqual([
      {
        period: '2025-07-31',
        actorId: 'bank-acb',
        actorKind: 'partner',
        action: 'verify',
        purpose: 'Mở tài khoản',
        channel: 'api',
        count: 2,
      },
      {
        period: '2025-08-01',
        actorId: 'bank-acb',
        actorKind: 'partner',
        action: 'verify',
        purpose: 'Cho vay',
        channel: 'api',
        count: 1,
      },
      {
        period: '2025-08-01',
        actorId: 'bank-acb',
        actorKind: 'partner',
        action: 'verify',
        purpose: 'Mở tài khoản',
        channel: 'api',
        count: 3,
      },
    ]);
  });

  it('counts by Vietnamese month, and by kind of actor', async () => {
    const rows = await log.usage({ actorKind: 'officer', from: july, to: september, groupBy: 'month' });
    expect(rows).toEqual([
      expect.objectContaining({ period: '2025-07', actorId: 'officer-7', action: 'read', count: 1 }),
    ]);
    const all = await log.usage({ from: july, to: september, groupBy: 'month' });
    expect(all.map((row) => [row.period, row.actorId, row.purpose, row.count])).toEqual([
      ['2025-07', 'bank-acb', 'Mở tài khoản', 2],
      ['2025-07', 'officer-7', 'Giải quyết hồ sơ đăng ký thường trú', 1],
      ['2025-08', 'bank-acb', 'Cho vay', 1],
      ['2025-08', 'bank-acb', 'Mở tài khoản', 3],
    ]);
  });

  it('includes the start of the period and excludes its end', async () => {
    const from = new Date('2025-07-31T17:30:00Z');
    const rows = await log.usage({ from, to: new Date(from.getTime() + 1), groupBy: 'day' });
    expect(rows.reduce((sum, row) => sum + row.count, 0)).toBe(4);
    expect(await log.usage({ from: july, to: from, groupBy: 'day', actorId: 'bank-acb' })).toHaveLength(1);
  });

  it('counts by the value of a key of the details when asked, entries without it apart', async () => {
    const from = new Date('2025-09-30T17:00:00Z');
    const to = new Date('2025-10-31T17:00:00Z');
    clock.set('2025-10-01T02:00:00Z');
    const entry = (checkTypes: string[] | undefined, channel: 'api' | 'batch' = 'api') =>
      accessEntry(subjects[0] ?? '', {
        ...bank,
        channel,
        purpose: 'Mở tài khoản',
        ...(checkTypes ? { details: { checkTypes } } : {}),
      });
    await log.record([
      entry(['identity']),
      entry(['identity', 'card']),
      entry(['identity']),
      entry(['identity'], 'batch'),
      entry(undefined),
    ]);
    const rows = await log.usage({ actorId: 'bank-acb', from, to, groupBy: 'month', detailKey: 'checkTypes' });
    expect(rows.map((row) => [row.channel, row.detail, row.count])).toEqual([
      ['api', ['identity'], 2],
      ['api', ['identity', 'card'], 1],
      ['api', null, 1],
      ['batch', ['identity'], 1],
    ]);
    const plain = await log.usage({ actorId: 'bank-acb', from, to, groupBy: 'month' });
    expect(plain.map((row) => [row.channel, row.count, 'detail' in row])).toEqual([
      ['api', 4, false],
      ['batch', 1, false],
    ]);
  });

  it('refuses a detail key that is not a plain name', async () => {
    const error = await log
      .usage({ from: july, to: september, groupBy: 'day', detailKey: "x'; drop" })
      .catch((caught: unknown) => caught);
    expect(isDomainError(error, 'AUDIT_QUERY_INVALID')).toBe(true);
  });

  it('refuses a period that ends before it starts', async () => {
    const error = await log.usage({ from: september, to: july, groupBy: 'day' }).catch((caught: unknown) => caught);
    expect(isDomainError(error, 'AUDIT_QUERY_INVALID')).toBe(true);
  });
});

describe('AccessLog.count', () => {
  const august = new Date('2025-07-31T17:00:00Z');

  it('counts one actor’s entries with one action in a period, whatever their purpose and day', async () => {
    const verified = { actorId: 'bank-acb', actorKind: 'partner', action: 'verify' } as const;
    expect(await log.count({ ...verified, from: july, to: september })).toBe(6);
    // From Vietnamese midnight on 1 August: the entries of 00:30 only.
    expect(await log.count({ ...verified, from: august, to: september })).toBe(4);
    expect(await log.count({ ...verified, action: 'read', from: july, to: september })).toBe(0);
    expect(await log.count({ ...verified, actorKind: 'officer', from: july, to: september })).toBe(0);
  });

  it('refuses a period that ends before it starts', async () => {
    const refused = log.count({
      actorId: 'bank-acb',
      actorKind: 'partner',
      action: 'verify',
      from: september,
      to: july,
    });
    await expect(refused).rejects.toSatisfy((error: unknown) => isDomainError(error, 'AUDIT_QUERY_INVALID'));
  });
});
