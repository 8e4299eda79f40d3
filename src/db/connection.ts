/**
 * The engine-neutral connection contract. Two engines implement it: PGlite (embedded PostgreSQL in WASM)
 * and a PostgreSQL server through `pg`. Everything above `db` sees only this contract, Kysely and the
 * helpers built on it, so the same code and migrations run on both.
 */

export interface QueryResult<R> {
  readonly rows: R[];
  /** Rows inserted, updated, deleted or copied by the statement (0 for a SELECT on PGlite). */
  readonly rowCount: number;
}

/** One physical session with the database. */
export interface RawConnection {
  /** Runs one statement with `$1 … $n` parameters. */
  query<R = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<QueryResult<R>>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(script: string): Promise<void>;
  /**
   * Streams CSV text into `COPY <target> FROM …` and returns the number of rows loaded.
   * @param statement `COPY registry.person (a, b) FROM STDIN WITH (FORMAT csv)`: the engine rewrites the source.
   */
  copyFrom(statement: string, chunks: AsyncIterable<string>): Promise<number>;
  /**
   * Streams binary `COPY` input into `COPY <target> FROM … WITH (FORMAT binary)`: the chunks together are
   * one input, header to trailer. PGlite needs it as one blob, so it is held whole there: a few megabytes.
   */
  copyFromBinary(statement: string, chunks: AsyncIterable<Uint8Array>): Promise<number>;
}

/** Hands out connections; PGlite has exactly one, a server pool has many. */
export interface ConnectionPool {
  readonly engine: Engine;
  acquire(): Promise<RawConnection>;
  release(connection: RawConnection): void;
  end(): Promise<void>;
}

export type Engine = 'pglite' | 'postgres';
