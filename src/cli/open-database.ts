import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config/index.ts';
import { Database } from '../db/index.ts';

/** Opens the configured database: the PostgreSQL server of `DATABASE_URL`, or PGlite in `DANCU_HOME/pgdata`. */
export async function openDatabase(config: Config): Promise<Database> {
  if (config.databaseUrl) return Database.open({ url: config.databaseUrl });
  mkdirSync(config.home, { recursive: true });
  return Database.open({ pglite: { dataDir: join(config.home, 'pgdata') } });
}

/** Where the database is, for messages: the server without its password, or the embedded folder. */
export function describeDatabase(config: Config): string {
  if (!config.databaseUrl) return `embedded PostgreSQL (PGlite) in ${join(config.home, 'pgdata')}`;
  const url = new URL(config.databaseUrl);
  url.password = '';
  return `PostgreSQL at ${url.host}${url.pathname}`;
}
