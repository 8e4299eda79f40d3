/**
 * Group commit: writes that arrive while earlier ones are being committed are gathered and committed together,
 * in one transaction. On the verification hot path most access entries come one per request; a transaction
 * each would spend its time in round trips, lane locks and the commit's flush to disk, while a shared one
 * costs little more than a single entry (measured with 20 to 100 concurrent callers on PostgreSQL 15: three
 * to ten times the entries per second of a transaction per call).
 * Nobody waits for a timer: a queue that is idle starts its transaction at the end of the event loop's current
 * turn (`setImmediate`), so that the calls made in the same turn go in it too. On PGlite, where a statement
 * runs to its end on this thread once started, a transaction started at once would hold a single call every
 * time: API lookups with 32 callers wrote one entry per append there (1.6 ms each), and 17 with the wait
 * (bench/RESULTS.md, registry).
 */

interface Waiting<T> {
  readonly items: readonly T[];
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

export interface GroupCommitOptions {
  /**
   * Queues, each with at most one transaction in flight (holding one connection). A caller picks the queue:
   * calls that would contend for the same locks should share one.
   */
  readonly queues: number;
  /** Most items in one transaction; a single call larger than this is still written whole. */
  readonly maxBatch: number;
}

export class GroupCommit<T> {
  readonly #write: (items: readonly T[]) => Promise<void>;
  readonly #maxBatch: number;
  readonly #queues: Waiting<T>[][];
  readonly #busy: boolean[];

  /** @param write commits its items all or none, in one transaction. */
  constructor(write: (items: readonly T[]) => Promise<void>, options: GroupCommitOptions) {
    this.#write = write;
    this.#maxBatch = options.maxBatch;
    this.#queues = Array.from({ length: options.queues }, () => []);
    this.#busy = this.#queues.map(() => false);
  }

  /**
   * Resolves once `items` are committed; rejects with the error of the transaction that wrote them.
   * @param queue from 0 to `queues - 1`.
   */
  submit(items: readonly T[], queue: number): Promise<void> {
    const waiting = this.#queues[queue];
    if (!waiting) throw new RangeError(`no group-commit queue ${queue}`);
    return new Promise<void>((resolve, reject) => {
      waiting.push({ items, resolve, reject });
      if (!this.#busy[queue]) {
        this.#busy[queue] = true;
        setImmediate(() => void this.#drain(queue, waiting));
      }
    });
  }

  async #drain(queue: number, waiting: Waiting<T>[]): Promise<void> {
    this.#busy[queue] = true;
    try {
      for (let group = this.#take(waiting); group.length > 0; group = this.#take(waiting)) await this.#commit(group);
    } finally {
      this.#busy[queue] = false;
    }
  }

  /** The calls waiting longest, up to `maxBatch` items (at least one call). */
  #take(waiting: Waiting<T>[]): Waiting<T>[] {
    let size = 0;
    let count = 0;
    for (const call of waiting) {
      if (count > 0 && size + call.items.length > this.#maxBatch) break;
      size += call.items.length;
      count++;
    }
    return waiting.splice(0, count);
  }
  async #commit(group: readonly Waiting<T>[]): Promise<void> {
    try {
      await this.#write(group.flatMap((waiting) => waiting.items));
      for (const waiting of group) waiting.resolve();
    } catch (error) {
      if (group.length === 1) {
        group[0]?.reject(error);
        return;
      }
      // One call's entries must not fail the others': write each call on its own.
      for (const waiting of group) {
        await this.#write(waiting.items).then(waiting.resolve, waiting.reject);
      }
    }
  }
}
