import type { Database, Tx } from '../db/index.ts';
import type { Clock } from '../kernel/index.ts';
import type { DomainEvent, NewEvent } from './model.ts';

/**
 * Writes an event in the caller's transaction, so that it exists exactly when the change it reports was
 * committed (the transactional outbox).
 */
export async function publishEvent(tx: Tx, clock: Clock, event: NewEvent): Promise<void> {
  await tx.query('insert into events.outbox (type, subject, payload, occurred_at) values ($1, $2, $3, $4)', [
    event.type,
    event.subject,
    JSON.stringify(event.payload ?? {}),
    clock.now(),
  ]);
}

/** One consumer's handler; it must be idempotent by event id (a crash between handling and commit repeats it). */
export type EventHandler = (event: DomainEvent, tx: Tx) => Promise<void>;

interface Subscription {
  readonly consumer: string;
  readonly types: ReadonlySet<string>;
  readonly handle: EventHandler;
}

interface OutboxRow {
  id: string;
  type: string;
  subject: string;
  payload: Record<string, unknown>;
  occurred_at: Date;
}

const BATCH = 100;

/**
 * Delivers outbox events to in-process consumers. Each consumer's position is a row locked while it
 * advances (`for update skip locked`), so any number of nodes may run the dispatcher: each event is handled
 * once per consumer, in order, and the handler runs in the same transaction as the position update.
 */
export class EventDispatcher {
  readonly #subscriptions: Subscription[] = [];
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<number> | undefined;

  constructor(private readonly db: Database) {}

  /** Registers a consumer for some event types; a new consumer starts from the first event of the outbox. */
  subscribe(consumer: string, types: readonly string[], handle: EventHandler): void {
    if (this.#subscriptions.some((s) => s.consumer === consumer)) {
      throw new Error(`event consumer ${consumer} is already subscribed`);
    }
    this.#subscriptions.push({ consumer, types: new Set(types), handle });
  }

  /** Delivers every pending event to every consumer; returns how many were handled. */
  async drain(): Promise<number> {
    // One drain at a time in this process; a call during a drain waits for it and then drains again.
    while (this.#running) await this.#running.catch(() => undefined);
    this.#running = this.#drainAll();
    try {
      return await this.#running;
    } finally {
      this.#running = undefined;
    }
  }

  /** Polls for new events every `intervalMs` until {@link stop}. */
  start(intervalMs = 1000, onError: (error: unknown) => void = () => undefined): void {
    if (this.#timer) return;
    this.#timer = setInterval(() => {
      this.drain().catch(onError);
    }, intervalMs);
    this.#timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.#timer);
    this.#timer = undefined;
    await this.#running?.catch(() => undefined);
  }

  async #drainAll(): Promise<number> {
    let handled = 0;
    for (const subscription of this.#subscriptions) {
      for (;;) {
        const count = await this.#advance(subscription);
        handled += count;
        if (count < BATCH) break;
      }
    }
    return handled;
  }

  /** Handles the next batch for one consumer in one transaction; returns the number of events read. */
  async #advance(subscription: Subscription): Promise<number> {
    return this.db.transaction(async (tx) => {
      await tx.query('insert into events.consumer (name) values ($1) on conflict do nothing', [subscription.consumer]);
      const { rows: locked } = await tx.query<{ position: string }>(
        'select position from events.consumer where name = $1 for update skip locked',
        [subscription.consumer],
      );
      const position = locked[0]?.position;
      if (position === undefined) return 0; // another node is delivering to this consumer
      const { rows } = await tx.query<OutboxRow>(
        'select id, type, subject, payload, occurred_at from events.outbox where id > $1 order by id limit $2',
        [position, BATCH],
      );
      for (const row of rows) {
        if (!subscription.types.has(row.type)) continue;
        await subscription.handle(
          {
            id: Number(row.id),
            type: row.type,
            subject: row.subject,
            payload: row.payload,
            occurredAt: new Date(row.occurred_at),
          },
          tx,
        );
      }
      const last = rows.at(-1);
      if (last) {
        await tx.query('update events.consumer set position = $2, updated_at = now() where name = $1', [
          subscription.consumer,
          last.id,
        ]);
      }
      return rows.length;
    });
  }
}
