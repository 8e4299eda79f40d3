import { AsyncLocalStorage } from 'node:async_hooks';
import { Kysely } from 'kysely';
import type { ConnectionPool, Engine, QueryResult, RawConnection } from './connection.ts';
import { poolDialect } from './kysely-dialect.ts';
import { openPglite, type PgliteLocation, PglitePool } from './pglite.ts';
import { PostgresPool } from './postgres.ts';

/** Kysely without tables: each module adds its own with `kysely.withTables<ModuleTables>()`. */
// biome-ignore lint/complexity/noBannedTypes: Kysely's own spelling of "no tables yet"
export type NoTables = {};

/** What a transaction callback receives: Kysely and raw SQL bound to the transaction's connection. */
export interface Tx {
  readonly engine: Engine;
  readonly kysely: Kysely<NoTables>;
  query<R = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<QueryResult<R>>;
  /** Bulk-loads CSV rows into a table inside this transaction; returns the number of rows loaded. */
  copyFrom(target: CopyTarget, chunks: AsyncIterable<string>): Promise<number>;
  /**
   * Bulk-loads rows in PostgreSQL's binary `COPY` format, the chunks together one input from its header to
   * its trailer (a few megabytes: PGlite holds it whole); returns the number of rows loaded.
   */
  copyFromBinary(target: CopyTarget, chunks: AsyncIterable<Uint8Array>): Promise<number>;
}

export interface CopyTarget {
  /** Schema-qualified table, e.g. `registry.person`. */
  readonly table: string;
  readonly columns: readonly string[];
}

export type IsolationLevel = 'read committed' | 'repeatable read' | 'serializable';

export interface TransactionOptions {
  /** Default `read committed`. */
  readonly isolation?: IsolationLevel;
  readonly readOnly?: boolean;
  /**
   * How many times to run the callback again when PostgreSQL aborts it for a serialization failure or
   * a deadlock (default 3). The callback must then be safe to repeat: it is, if it only touches the
   * database through the transaction it is given.
   */
  readonly retries?: number;
}

export interface OpenOptions {
  /** A PostgreSQL URL; when absent, the embedded database at `pglite`. */
  readonly url?: string | undefined;
  readonly pglite?: PgliteLocation;
  readonly maxConnections?: number;
}

const RETRYABLE = new Set(['40001', '40P01']);

/**
 * The database whose connection the current async call chain holds (inside `transaction` or
 * `withConnection`). Taking a second connection there is a bug on both engines: on PGlite, which has one
 * session, it would wait forever for itself; on a server it would run outside the transaction.
 */
const holder = new AsyncLocalStorage<Database>();
const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/**
 * The database of the platform: PGlite embedded, or a PostgreSQL server. Modules use `kysely` for their
 * queries and {@link Database.transaction} for work that must be all-or-nothing.
 */
export class Database {
  readonly engine: Engine;
  readonly kysely: Kysely<NoTables>;

  private constructor(private readonly pool: ConnectionPool) {
    this.engine = pool.engine;
    this.kysely = new Kysely<NoTables>({ dialect: poolDialect(pool, () => this.assertNotHeld()) });
  }

  /**
   * Opens the database: a server when `url` is given, otherwise PGlite.
   * @throws when the server cannot be reached or the embedded folder cannot be opened.
   */
  static async open(options: OpenOptions): Promise<Database> {
    if (options.url) {
      const pool = new PostgresPool({ url: options.url, max: options.maxConnections });
      const db = new Database(pool);
      await db.query('select 1');
      return db;
    }
    return new Database(await openPglite(options.pglite ?? { memory: true }));
  }

  /** Wraps an already-open pool (tests, tools). */
  static fromPool(pool: ConnectionPool): Database {
    return new Database(pool);
  }

  /** Runs one statement on any free connection. */
  async query<R = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<QueryResult<R>> {
    return this.withConnection((connection) => connection.query<R>(text, params));
  }

  /** Holds one connection for the callback (session-level work such as advisory locks). */
  async withConnection<T>(fn: (connection: RawConnection) => Promise<T>): Promise<T> {
    this.assertNotHeld();
    const connection = await this.pool.acquire();
    try {
      return await holder.run(this, () => fn(connection));
    } finally {
      this.pool.release(connection);
    }
  }

  private assertNotHeld(): void {
    if (holder.getStore() === this) {
      throw new Error(
        'the database was used outside the transaction (or connection) this code runs in: use the one it was given',
      );
    }
  }

  /**
   * Runs `fn` in a transaction: committed when it returns, rolled back when it throws (the error is
   * re-thrown unchanged). Serialization failures and deadlocks are retried (see {@link TransactionOptions}).
   */
  async transaction<T>(fn: (tx: Tx) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    const retries = options.retries ?? 3;
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.withConnection((connection) => runInTransaction(this.engine, connection, fn, options));
      } catch (error) {
        if (attempt >= retries || !RETRYABLE.has(sqlState(error) ?? '')) throw error;
      }
    }
  }

  /** Bulk-loads CSV rows in one transaction; see {@link Tx.copyFrom}. */
  async copyFrom(target: CopyTarget, chunks: AsyncIterable<string>): Promise<number> {
    return this.transaction((tx) => tx.copyFrom(target, chunks), { retries: 0 });
  }

  /**
   * A tarball of the embedded database's data folder (PGlite's `dumpDataDir`), for snapshots and backups;
   * undefined on a PostgreSQL server, whose own tools do that job.
   */
  async exportEmbedded(): Promise<Blob | undefined> {
    if (!(this.pool instanceof PglitePool)) return undefined;
    const pool = this.pool;
    return this.withConnection(() => pool.pglite.dumpDataDir('none'));
  }

  async close(): Promise<void> {
    await this.kysely.destroy();
    await this.pool.end();
  }
}

async function runInTransaction<T>(
  engine: Engine,
  connection: RawConnection,
  fn: (tx: Tx) => Promise<T>,
  options: TransactionOptions,
): Promise<T> {
  const modes = [`isolation level ${options.isolation ?? 'read committed'}`, options.readOnly ? 'read only' : ''];
  await connection.query(`begin ${modes.filter(Boolean).join(' ')}`);
  const kysely = new Kysely<NoTables>({ dialect: poolDialect({ pinned: connection }) });
  const tx: Tx = {
    engine,
    kysely,
    query: (text, params) => connection.query(text, params),
    copyFrom: (target, chunks) => connection.copyFrom(copyStatement(target), chunks),
    copyFromBinary: (target, chunks) => connection.copyFromBinary(copyStatement(target, 'binary'), chunks),
  };
  try {
    const result = await fn(tx);
    await connection.query('commit');
    return result;
  } catch (error) {
    await connection.query('rollback').catch(() => {});
    throw error;
  }
}

/**
 * Runs `fn` inside the caller's transaction as a unit of its own (a savepoint): when `fn` throws, only its
 * work is undone and the error is re-thrown, so the caller may go on or give up as it chooses.
 */
export async function withSavepoint<T>(tx: Tx, fn: () => Promise<T>): Promise<T> {
  await tx.query('savepoint dancu_nested');
  try {
    const result = await fn();
    await tx.query('release savepoint dancu_nested');
    return result;
  } catch (error) {
    await tx.query('rollback to savepoint dancu_nested').catch(() => {});
    throw error;
  }
}

/** COPY input that is already whole (one CSV text, one binary input) as the chunks `copyFrom` streams. */
export async function* oneChunk<T extends string | Uint8Array>(chunk: T): AsyncIterable<T> {
  yield chunk;
}

/** Builds `COPY "schema"."table" ("a", "b") FROM STDIN WITH (FORMAT csv)` from checked identifiers. */
export function copyStatement(target: CopyTarget, format: 'csv' | 'binary' = 'csv'): string {
  const table = target.table.split('.');
  const names = [...table, ...target.columns];
  const bad = names.find((name) => !IDENTIFIER.test(name));
  if (bad !== undefined || table.length > 2 || target.columns.length === 0) {
    throw new Error(`invalid COPY target: ${target.table} (${target.columns.join(', ')})`);
  }
  const quote = (name: string) => `"${name}"`;
  return `COPY ${table.map(quote).join('.')} (${target.columns.map(quote).join(', ')}) FROM STDIN WITH (FORMAT ${format})`;
}

/** The SQLSTATE of a database error, from either engine. */
export function sqlState(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = (error as { code: unknown }).code;
    return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
  }
  return undefined;
}
