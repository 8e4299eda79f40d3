import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFromStdin } from 'pg-copy-streams';
import type { ConnectionPool, QueryResult, RawConnection } from './connection.ts';
import { typeParsers } from './types.ts';

export interface PostgresOptions {
  readonly url: string;
  /** Connections kept by this process (default 10). */
  readonly max?: number;
  /** Name shown in `pg_stat_activity`. */
  readonly applicationName?: string;
}

const types = {
  getTypeParser: ((oid: number, format?: string) =>
    typeParsers[oid] ?? pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

class PostgresConnection implements RawConnection {
  constructor(readonly client: pg.PoolClient) {}

  async query<R>(text: string, params: readonly unknown[] = []): Promise<QueryResult<R>> {
    const result = await this.client.query({ text, values: [...params], types });
    return { rows: result.rows as R[], rowCount: result.rowCount ?? 0 };
  }

  async exec(script: string): Promise<void> {
    await this.client.query(script);
  }

  async copyFrom(statement: string, chunks: AsyncIterable<string>): Promise<number> {
    const sink = this.client.query(copyFromStdin(statement));
    await pipeline(Readable.from(coalesce(chunks)), sink);
    return sink.rowCount;
  }

  async copyFromBinary(statement: string, chunks: AsyncIterable<Uint8Array>): Promise<number> {
    const sink = this.client.query(copyFromStdin(statement));
    await pipeline(Readable.from(chunks), sink);
    return sink.rowCount;
  }
}

export class PostgresPool implements ConnectionPool {
  readonly engine = 'postgres' as const;
  readonly #pool: pg.Pool;
  readonly #connections = new WeakMap<pg.PoolClient, PostgresConnection>();

  constructor(options: PostgresOptions) {
    this.#pool = new pg.Pool({
      connectionString: options.url,
      max: options.max ?? 10,
      application_name: options.applicationName ?? 'dancu',
    });
    // An idle client that loses its server is dropped by the pool; without a listener the error would
    // crash the process.
    this.#pool.on('error', () => {});
  }

  async acquire(): Promise<RawConnection> {
    const client = await this.#pool.connect();
    let connection = this.#connections.get(client);
    if (!connection) {
      connection = new PostgresConnection(client);
      this.#connections.set(client, connection);
    }
    return connection;
  }

  release(connection: RawConnection): void {
    (connection as PostgresConnection).client.release();
  }

  async end(): Promise<void> {
    await this.#pool.end();
  }
}

/** Joins small CSV chunks into writes of about 64 KiB: one socket write per row would dominate a bulk load. */
async function* coalesce(chunks: AsyncIterable<string>, bytes = 65_536): AsyncIterable<string> {
  let buffer = '';
  for await (const chunk of chunks) {
    buffer += chunk;
    if (buffer.length >= bytes) {
      yield buffer;
      buffer = '';
    }
  }
  if (buffer !== '') yield buffer;
}
