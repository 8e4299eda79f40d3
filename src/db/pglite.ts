import { PGlite } from '@electric-sql/pglite';
import type { ConnectionPool, QueryResult, RawConnection } from './connection.ts';
import { typeParsers } from './types.ts';

/**
 * PGlite runs PostgreSQL in this process with one session. Kysely and our transaction helper expect a
 * pool, so the pool hands out that one session to one holder at a time: a transaction is never
 * interleaved with another caller's statements.
 */
const LOCK_WAIT_MS = 60_000;

/** Where an embedded database lives: a folder on disk, memory, or a memory copy of a dumped data folder. */
export type PgliteLocation = { dataDir: string } | { memory: true; loadDataDir?: Blob };

/** Largest CSV batch handed to one `COPY … FROM '/dev/blob'`; PGlite needs the batch as one blob. */
const COPY_BATCH_BYTES = 8 * 1024 * 1024;

export async function openPglite(location: PgliteLocation): Promise<PglitePool> {
  const options = {
    parsers: typeParsers,
    relaxedDurability: false,
    ...('dataDir' in location ? { dataDir: location.dataDir } : { loadDataDir: location.loadDataDir }),
  };
  const pglite = await PGlite.create(options);
  return new PglitePool(pglite);
}

class PgliteConnection implements RawConnection {
  constructor(private readonly pglite: PGlite) {}

  async query<R>(text: string, params: readonly unknown[] = []): Promise<QueryResult<R>> {
    const result = await this.pglite.query<R>(text, [...params]);
    return { rows: result.rows, rowCount: result.affectedRows ?? 0 };
  }

  async exec(script: string): Promise<void> {
    await this.pglite.exec(script);
  }

  async copyFrom(statement: string, chunks: AsyncIterable<string>): Promise<number> {
    const target = statement.replace(/\bFROM\s+STDIN\b/i, "FROM '/dev/blob'");
    let batch: string[] = [];
    let size = 0;
    let total = 0;
    const flush = async () => {
      if (size === 0) return;
      const result = await this.pglite.query(target, [], { blob: new Blob([batch.join('')]) });
      total += result.affectedRows ?? 0;
      batch = [];
      size = 0;
    };
    for await (const chunk of chunks) {
      batch.push(chunk);
      size += chunk.length;
      if (size >= COPY_BATCH_BYTES) await flush();
    }
    await flush();
    return total;
  }
}

export class PglitePool implements ConnectionPool {
  readonly engine = 'pglite' as const;
  readonly #connection: PgliteConnection;
  readonly #releasers = new Map<RawConnection, () => void>();
  #holder: Promise<void> = Promise.resolve();

  constructor(readonly pglite: PGlite) {
    this.#connection = new PgliteConnection(pglite);
  }

  async acquire(): Promise<RawConnection> {
    const previous = this.#holder;
    let release!: () => void;
    this.#holder = new Promise<void>((resolve) => {
      release = resolve;
    });
    await waitOrFail(previous, LOCK_WAIT_MS);
    this.#releasers.set(this.#connection, release);
    return this.#connection;
  }

  release(connection: RawConnection): void {
    const release = this.#releasers.get(connection);
    this.#releasers.delete(connection);
    release?.();
  }

  async end(): Promise<void> {
    await this.pglite.close();
  }
}

/**
 * A caller that waits a minute for the one embedded session is almost always code that uses the pool
 * while it holds the session inside a transaction: fail with a message that says so instead of hanging.
 */
async function waitOrFail(turn: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(new Error('waited too long for the embedded database session: is the pool used inside a transaction?')),
      ms,
    );
  });
  try {
    await Promise.race([turn, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
