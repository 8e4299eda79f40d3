import { randomUUID } from 'node:crypto';
import { Database } from '../../src/db/index.ts';

/** Creates a database on the server of `url` for the run, and drops it afterwards. */
export async function withScratchDatabase<T>(url: string, fn: (url: string) => Promise<T>): Promise<T> {
  const name = `dancu_bench_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const admin = await Database.open({ url, maxConnections: 1 });
  await admin.query(`create database ${name}`);
  try {
    const scratch = new URL(url);
    scratch.pathname = `/${name}`;
    return await fn(scratch.toString());
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.close();
  }
}

/**
 * Lets the after-effects of a bulk load pass before timed runs: `vacuum analyze` (the visibility map and hint
 * bits that the first reads would otherwise set, page by page, and the autovacuum the load would start),
 * then a checkpoint (else the one that the load's WAL triggers writes the loaded pages for the next minute,
 * and every page then first changed goes whole into the WAL). One-time costs of loading, not of serving; on
 * PostgreSQL 15 right after seeding 1,000,000 people such a checkpoint ran 40 s into the timed runs.
 * A checkpoint needs a superuser (or `pg_checkpoint`); without one it is left to the server.
 */
export async function settleAfterLoad(db: Database): Promise<void> {
  if (db.engine !== 'postgres') return;
  await db.query('vacuum analyze');
  const { rows } = await db.query<{ allowed: boolean }>(
    `select rolsuper or pg_has_role(current_user, 'pg_checkpoint', 'member') as allowed
     from pg_roles where rolname = current_user`,
  );
  if (rows[0]?.allowed) await db.query('checkpoint');
}
