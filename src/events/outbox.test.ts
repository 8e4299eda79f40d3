import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../test/support/db.ts';
import { ManualClock } from '../kernel/index.ts';
import { type DomainEvent, EventDispatcher, publishEvent } from './index.ts';

let t: TestDatabase;
const clock = new ManualClock('2026-03-02T02:00:00Z');

beforeAll(async () => {
  t = await openTestDatabase();
});
afterAll(async () => t.close());

describe('the events outbox', () => {
  it('delivers each committed event once to each consumer, in order, and nothing of a rolled-back change', async () => {
    const dispatcher = new EventDispatcher(t.db);
    const a: DomainEvent[] = [];
    const b: string[] = [];
    dispatcher.subscribe('test.a', ['person.died', 'person.moved'], async (event) => {
      a.push(event);
    });
    dispatcher.subscribe('test.b', ['person.moved'], async (event) => {
      b.push(event.subject);
    });
    await t.db.transaction(async (tx) => {
      await publishEvent(tx, clock, {
        type: 'person.died',
        subject: '001090000001',
        payload: { diedOn: '2026-03-01' },
      });
      await publishEvent(tx, clock, { type: 'person.moved', subject: '001090000002' });
    });
    await t.db
      .transaction(async (tx) => {
        await publishEvent(tx, clock, { type: 'person.died', subject: '001090000003' });
        throw new Error('the change failed');
      })
      .catch(() => undefined);
    expect(await dispatcher.drain()).toBe(4);
    expect(a.map((e) => [e.type, e.subject])).toEqual([
      ['person.died', '001090000001'],
      ['person.moved', '001090000002'],
    ]);
    expect(a[0]?.payload).toEqual({ diedOn: '2026-03-01' });
    expect(b).toEqual(['001090000002']);
    expect(await dispatcher.drain()).toBe(0);
    expect(a).toHaveLength(2);
  });

  it('keeps an event pending for a consumer whose handler fails, and delivers it on the next drain', async () => {
    const dispatcher = new EventDispatcher(t.db);
    let fail = true;
    const seen: string[] = [];
    dispatcher.subscribe('test.flaky', ['person.died'], async (event) => {
      if (fail) throw new Error('not now');
      seen.push(event.subject);
    });
    await t.db.transaction((tx) => publishEvent(tx, clock, { type: 'person.died', subject: '001090000004' }));
    await expect(dispatcher.drain()).rejects.toThrow('not now');
    fail = false;
    await dispatcher.drain();
    expect(seen).toContain('001090000004');
  });
});
