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
    let pending = '';
    let total = 0;
    const send = async (rows: string) => {
      const result = await this.pglite.query(target, [], { blob: new Blob([rows]) });
      total += result.affectedRows ?? 0;
    };
    for await (const chunk of chunks) {
      pending += chunk;
      if (pending.length < COPY_BATCH_BYTES) continue;
      // A batch must end where a row ends: chunks may end anywhere, even inside a quoted field.
      const end = lastRowEnd(pending);
      if (end < 0) continue;
      await send(pending.slice(0, end + 1));
      pending = pending.slice(end + 1);
    }
    if (pending !== '') await send(pending);
    return total;
  }

  async copyFromBinary(statement: string, chunks: AsyncIterable<Uint8Array>): Promise<number> {
    const parts: Uint8Array[] = [];
    for await (const chunk of chunks) parts.push(chunk);
    const target = statement.replace(/\bFROM\s+STDIN\b/i, "FROM '/dev/blob'");
    const result = await this.pglite.query(target, [], { blob: new Blob(parts as BlobPart[]) });
    return result.affectedRows ?? 0;
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

/**
 * The index of the last newline that ends a CSV row in `text` (one outside double quotes), or -1. `text` must
 * begin at the start of a row; a doubled quote inside a quoted field toggles twice and so changes nothing.
 */
export function lastRowEnd(text: string): number {
  let quoted = false;
  let last = -1;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 34) quoted = !quoted;
    else if (code === 10 && !quoted) last = i;
  }
  return last;
}
