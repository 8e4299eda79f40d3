import {
  type CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';
import type { ConnectionPool, RawConnection } from './connection.ts';

/**
 * A Kysely dialect over our {@link ConnectionPool}, so that Kysely speaks to PGlite and to a PostgreSQL
 * server through one code path. With `pinned`, every query goes to one already-held connection (the
 * connection of a transaction opened by `Database.transaction`).
 */
export function poolDialect(
  source: ConnectionPool | { pinned: RawConnection },
  beforeAcquire: () => void = () => {},
): Dialect {
  return {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => ('pinned' in source ? new PinnedDriver(source.pinned) : new PoolDriver(source, beforeAcquire)),
    createIntrospector: (db: Kysely<unknown>) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  };
}

class KyselyConnection implements DatabaseConnection {
  constructor(readonly raw: RawConnection) {}

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const result = await this.raw.query<R>(compiled.sql, compiled.parameters);
    const kind = compiled.query.kind;
    const changes =
      kind === 'InsertQueryNode' ||
      kind === 'UpdateQueryNode' ||
      kind === 'DeleteQueryNode' ||
      kind === 'MergeQueryNode';
    return changes ? { rows: result.rows, numAffectedRows: BigInt(result.rowCount) } : { rows: result.rows };
  }

  // biome-ignore lint/correctness/useYield: streaming is refused on purpose
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streamed queries are not supported: page with a keyset instead');
  }
}

async function begin(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
  const raw = (connection as KyselyConnection).raw;
  const modes = [
    settings.isolationLevel ? `isolation level ${settings.isolationLevel}` : '',
    settings.accessMode ?? '',
  ].filter(Boolean);
  await raw.query(modes.length > 0 ? `begin ${modes.join(' ')}` : 'begin');
}

class PoolDriver implements Driver {
  constructor(
    private readonly pool: ConnectionPool,
    private readonly beforeAcquire: () => void,
  ) {}
  async init(): Promise<void> {}
  async acquireConnection(): Promise<DatabaseConnection> {
    this.beforeAcquire();
    return new KyselyConnection(await this.pool.acquire());
  }
  beginTransaction = begin;
  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as KyselyConnection).raw.query('commit');
  }
  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as KyselyConnection).raw.query('rollback');
  }
  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    this.pool.release((connection as KyselyConnection).raw);
  }
  async destroy(): Promise<void> {}
}

class PinnedDriver implements Driver {
  readonly #connection: KyselyConnection;
  constructor(raw: RawConnection) {
    this.#connection = new KyselyConnection(raw);
  }
  async init(): Promise<void> {}
  async acquireConnection(): Promise<DatabaseConnection> {
    return this.#connection;
  }
  async beginTransaction(): Promise<void> {
    throw new Error('already inside a transaction: use the transaction you were given');
  }
  async commitTransaction(): Promise<void> {}
  async rollbackTransaction(): Promise<void> {}
  async releaseConnection(): Promise<void> {}
  async destroy(): Promise<void> {}
}
