import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../test/support/db.ts';
import { ManualClock } from '../kernel/index.ts';
import { type MessageSender, Messages } from './index.ts';

let t: TestDatabase;
const clock = new ManualClock('2026-03-02T02:00:00Z');

beforeAll(async () => {
  t = await openTestDatabase();
});
afterAll(async () => t.close());

function sender(): MessageSender & { sent: string[]; down: boolean } {
  const state = {
    name: 'test',
    sent: [] as string[],
    down: false,
    async send(message: { recipient: string; body: string }) {
      if (state.down) throw new Error('gateway unavailable');
      state.sent.push(`${message.recipient}: ${message.body}`);
    },
  };
  return state;
}

describe('the messages outbox', () => {
  it('sends what was enqueued in a committed transaction, once', async () => {
    const gateway = sender();
    const messages = new Messages(t.db, clock, gateway);
    await t.db.transaction((tx) =>
      messages.enqueue(tx, { channel: 'sms', recipient: '0912345678', kind: 'otp.test', body: 'Ma 123456' }),
    );
    await t.db
      .transaction(async (tx) => {
        await messages.enqueue(tx, { channel: 'sms', recipient: '0912345679', kind: 'otp.test', body: 'rolled back' });
        throw new Error('no');
      })
      .catch(() => undefined);
    expect(await messages.deliverPending()).toBe(1);
    expect(await messages.deliverPending()).toBe(0);
    expect(gateway.sent).toEqual(['0912345678: Ma 123456']);
    const [latest] = await messages.latest(1, '0912345678');
    expect(latest).toMatchObject({ kind: 'otp.test', sentAt: expect.any(String) });
  });

  it('retries while the gateway is down, and gives up on a message that expired', async () => {
    const gateway = sender();
    const messages = new Messages(t.db, clock, gateway);
    await t.db.transaction(async (tx) => {
      await messages.enqueue(tx, {
        channel: 'email',
        recipient: 'a@example.vn',
        kind: 'notice.test',
        body: 'Thong bao',
        ttlSeconds: 3600,
      });
      await messages.enqueue(tx, {
        channel: 'sms',
        recipient: '0912000000',
        kind: 'otp.test',
        body: 'Ma 654321',
        ttlSeconds: 60,
      });
    });
    gateway.down = true;
    expect(await messages.deliverPending()).toBe(0);
    gateway.down = false;
    clock.advance(120_000);
    expect(await messages.deliverPending()).toBe(1);
    expect(gateway.sent).toEqual(['a@example.vn: Thong bao']);
  });

  it('refuses a message without a usable kind or text', async () => {
    const messages = new Messages(t.db, clock, sender());
    await expect(
      t.db.transaction((tx) =>
        messages.enqueue(tx, { channel: 'sms', recipient: '0912', kind: 'Bad Kind', body: 'x' }),
      ),
    ).rejects.toMatchObject({ code: 'MESSAGE_INVALID' });
  });
});
