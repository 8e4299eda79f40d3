/**
 * Read coalescing: lookups by key asked for in the same turn of the event loop are read together, in one
 * statement for all their keys. A busy endpoint that reads one row per request (the online check reads the
 * person's eID account) then sends a statement per turn instead of one per request: each statement is a round
 * trip and, on loopback, a system call on both sides, which was a third of the server thread's time.
 * Nobody waits for a timer; a lone lookup is read at the end of its turn.
 */

/** Reads the values of many keys at once; a key absent from the result has no value. */
export type ManyLoader<K, V> = (keys: readonly K[]) => Promise<ReadonlyMap<K, V>>;

/**
 * A lookup of one key that shares its read with the lookups of the same turn.
 * @example const status = coalesce((ids) => accounts.statuses(ids)); await status('001095012345')
 */
export function coalesce<K, V>(loadMany: ManyLoader<K, V>, maxKeys = MAX_KEYS): (key: K) => Promise<V | undefined> {
  type Caller = { resolve: (value: V | undefined) => void; reject: (error: unknown) => void };
  let waiting: Map<K, Caller[]> | null = null;
  /** Reads a batch once: at the end of its turn, or as soon as it is full. */
  const flush = async (batch: Map<K, Caller[]>) => {
    if (waiting === batch) waiting = null;
    try {
      const values = await loadMany([...batch.keys()]);
      for (const [key, callers] of batch) for (const caller of callers) caller.resolve(values.get(key));
    } catch (error) {
      for (const callers of batch.values()) for (const caller of callers) caller.reject(error);
    }
  };
  return (key) =>
    new Promise<V | undefined>((resolve, reject) => {
      let batch = waiting;
      if (!batch) {
        const opened = new Map<K, Caller[]>();
        batch = opened;
        waiting = opened;
        setImmediate(() => {
          if (waiting === opened) void flush(opened);
        });
      }
      const callers = batch.get(key);
      if (callers) callers.push({ resolve, reject });
      else batch.set(key, [{ resolve, reject }]);
      // A full read goes at once; the turn's later lookups start the next one.
      if (batch.size >= maxKeys) void flush(batch);
    });
}

/** Keys in one read at most, so that a burst never becomes one enormous statement. */
const MAX_KEYS = 1000;

/**
 * {@link coalesce} for a reader shared by a module's functions: one coalesced lookup per owner (a database),
 * made on its first use and dropped with it.
 * @example const personRow = coalescePer((db: Database, ids: readonly string[]) => rowsOf(db, ids));
 *   await personRow(db, '001095012345')
 */
export function coalescePer<O extends object, K, V>(
  loadMany: (owner: O, keys: readonly K[]) => Promise<ReadonlyMap<K, V>>,
): (owner: O, key: K) => Promise<V | undefined> {
  const readers = new WeakMap<O, (key: K) => Promise<V | undefined>>();
  return (owner, key) => {
    let reader = readers.get(owner);
    if (!reader) {
      reader = coalesce((keys: readonly K[]) => loadMany(owner, keys));
      readers.set(owner, reader);
    }
    return reader(key);
  };
}
