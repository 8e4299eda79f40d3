import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { inject } from 'vitest';
import { Database } from '../../src/db/index.ts';
import { withDatabaseName } from './postgres-url.ts';

export interface TestDatabase {
  readonly db: Database;
  /** Closes the database; on PostgreSQL it also drops the clone. */
  close(): Promise<void>;
}

/**
 * A fresh, migrated database of the engine this run tests (PGlite, or PostgreSQL when `DATABASE_URL`
 * is set), cloned from the snapshot the global setup made.
 */
export async function openTestDatabase(): Promise<TestDatabase> {
  const source = inject('database');
  if (source.engine === 'pglite') {
    const dump = new Blob([readFileSync(source.snapshot)]);
    const db = await Database.open({ pglite: { memory: true, loadDataDir: dump } });
    return { db, close: () => db.close() };
  }
  const name = `dancu_t_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  const admin = await Database.open({ url: source.url, maxConnections: 1 });
  await admin.query(`create database ${name} template ${source.template}`);
  const db = await Database.open({ url: withDatabaseName(source.url, name), maxConnections: 4 });
  return {
    db,
    close: async () => {
      await db.close();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.close();
    },
  };
}
