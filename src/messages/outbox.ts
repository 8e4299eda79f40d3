import type { Database, Tx } from '../db/index.ts';
import { type Clock, DomainError } from '../kernel/index.ts';
import type { MessageSender, NewMessage, OutboxMessage } from './model.ts';

const DEFAULT_TTL_SECONDS = 600;
const BATCH = 50;
const KIND = /^[a-z][a-z0-9_.]{0,63}$/;

interface OutboxRow {
  id: string;
  channel: 'sms' | 'email';
  recipient: string;
  kind: string;
  body: string;
  created_at: Date;
  sent_at: Date | null;
}

/**
 * The messages outbox: modules enqueue in their own transaction; {@link deliverPending} hands what is due to
 * the sender. A message whose sender fails stays pending and is tried again until it expires.
 */
export class Messages {
  #timer: NodeJS.Timeout | undefined;
  #delivering: Promise<number> | undefined;

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly sender: MessageSender,
  ) {}

  /**
   * Queues a message in the caller's transaction.
   * @throws DomainError MESSAGE_INVALID when the recipient, kind or body cannot be sent
   */
  async enqueue(tx: Tx, message: NewMessage): Promise<void> {
    if (!KIND.test(message.kind) || message.body.length === 0 || message.body.length > 2000) {
      throw new DomainError('MESSAGE_INVALID', 'The message kind or text cannot be sent.');
    }
    if (message.recipient.length < 3 || message.recipient.length > 254) {
      throw new DomainError('MESSAGE_INVALID', 'The message has no usable recipient.');
    }
    const now = this.clock.now();
    const expires = new Date(now.getTime() + (message.ttlSeconds ?? DEFAULT_TTL_SECONDS) * 1000);
    await tx.query(
      `insert into messages.outbox (channel, recipient, kind, body, created_at, expires_at)
       values ($1, $2, $3, $4, $5, $6)`,
      [message.channel, message.recipient, message.kind, message.body, now, expires],
    );
  }

  /** Sends every pending message that has not expired; returns how many the sender accepted. */
  async deliverPending(): Promise<number> {
    while (this.#delivering) await this.#delivering.catch(() => undefined);
    this.#delivering = this.#deliver();
    try {
      return await this.#delivering;
    } finally {
      this.#delivering = undefined;
    }
  }

  /** The latest messages, newest first (the developer inbox of the embedded mode). */
  async latest(limit = 50, recipient?: string): Promise<OutboxMessage[]> {
    const { rows } = await this.db.query<OutboxRow>(
      `select id, channel, recipient, kind, body, created_at, sent_at from messages.outbox
       where ($1::text is null or recipient = $1) order by id desc limit $2`,
      [recipient ?? null, limit],
    );
    return rows.map((row) => ({
      id: Number(row.id),
      channel: row.channel,
      recipient: row.recipient,
      kind: row.kind,
      body: row.body,
      createdAt: new Date(row.created_at).toISOString(),
      sentAt: row.sent_at ? new Date(row.sent_at).toISOString() : null,
    }));
  }

  /** Delivers in the background every `intervalMs` (what failed is tried again at the next round). */
  start(intervalMs = 2000, onError: (error: unknown) => void = () => undefined): void {
    if (this.#timer) return;
    this.#timer = setInterval(() => this.deliverPending().catch(onError), intervalMs);
    this.#timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.#timer);
    this.#timer = undefined;
    await this.#delivering?.catch(() => undefined);
  }

  async #deliver(): Promise<number> {
    let sent = 0;
    for (;;) {
      const delivered = await this.db.transaction(async (tx) => {
        const { rows } = await tx.query<OutboxRow>(
          `select id, channel, recipient, kind, body from messages.outbox
           where sent_at is null and expires_at > $1 order by id limit $2 for update skip locked`,
          [this.clock.now(), BATCH],
        );
        let accepted = 0;
        for (const row of rows) {
          const id = Number(row.id);
          try {
            await this.sender.send({
              id,
              channel: row.channel,
              recipient: row.recipient,
              kind: row.kind,
              body: row.body,
            });
            await tx.query('update messages.outbox set sent_at = $2, attempts = attempts + 1 where id = $1', [
              id,
              this.clock.now(),
            ]);
            accepted++;
          } catch (error) {
            const reason = error instanceof Error ? error.message.slice(0, 500) : 'send failed';
            await tx.query('update messages.outbox set attempts = attempts + 1, last_error = $2 where id = $1', [
              id,
              reason,
            ]);
          }
        }
        return { read: rows.length, accepted };
      });
      sent += delivered.accepted;
      if (delivered.read < BATCH || delivered.accepted === 0) return sent;
    }
  }
}
