import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from './database.ts';

/**
 * Modules in the order their migrations apply (a module's tables may refer only to modules before it).
 * Each module keeps plain SQL files in `src/<module>/migrations/NNNN_name.sql`.
 */
export const MODULE_ORDER = [
  'db',
  'audit',
  'events',
  'messages',
  'registry',
  'identity',
  'verification',
  'services',
  'wallet',
  'lodging',
  'reports',
  'insights',
] as const;

const SOURCE_ROOT = fileURLToPath(new URL('..', import.meta.url));
const FILE_NAME = /^(\d{4})_[a-z0-9_]+\.sql$/;
/** Any fixed number: it only has to be the same for every dancu process sharing a database. */
const MIGRATION_LOCK = 72_440_106;

export interface Migration {
  /** `registry/0001_person`. */
  readonly id: string;
  readonly sql: string;
  readonly checksum: string;
}

/** Finds every migration file under `src/`, in module order then file order. */
export function findMigrations(root = SOURCE_ROOT): Migration[] {
  const migrations: Migration[] = [];
  for (const module of MODULE_ORDER) {
    const folder = join(root, module, 'migrations');
    if (!existsSync(folder)) continue;
    for (const file of readdirSync(folder).sort()) {
      if (!file.endsWith('.sql')) continue;
      if (!FILE_NAME.test(file)) throw new Error(`migration ${module}/${file}: name must be NNNN_snake_case.sql`);
      const sql = readFileSync(join(folder, file), 'utf8');
      migrations.push({
        id: `${module}/${file.slice(0, -4)}`,
        sql,
        checksum: createHash('sha256').update(sql).digest('hex'),
      });
    }
  }
  return migrations;
}

export interface MigrationReport {
  readonly applied: readonly string[];
  readonly alreadyApplied: number;
}

/**
 * Applies the migrations not yet applied, each in its own transaction, under an advisory lock so that
 * several nodes starting together apply each migration once.
 *
 * @throws when an applied migration's file has changed since (fix by adding a new migration instead), or
 *   when a migration fails (nothing of that migration stays).
 */
export async function migrate(db: Database, migrations = findMigrations()): Promise<MigrationReport> {
  return db.withConnection(async (connection) => {
    await connection.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await connection.exec(`
        create schema if not exists db;
        create table if not exists db.migration (
          id text primary key,
          checksum text not null,
          applied_at timestamptz not null default now()
        );`);
      const { rows } = await connection.query<{ id: string; checksum: string }>(
        'select id, checksum from db.migration',
      );
      const done = new Map(rows.map((row) => [row.id, row.checksum]));
      const applied: string[] = [];
      for (const migration of migrations) {
        const checksum = done.get(migration.id);
        if (checksum === migration.checksum) continue;
        if (checksum !== undefined) {
          throw new Error(`migration ${migration.id} was changed after it was applied: add a new migration instead`);
        }
        await connection.query('begin');
        try {
          await connection.exec(migration.sql);
          await connection.query('insert into db.migration (id, checksum) values ($1, $2)', [
            migration.id,
            migration.checksum,
          ]);
          await connection.query('commit');
        } catch (error) {
          await connection.query('rollback');
          throw new Error(`migration ${migration.id} failed: ${(error as Error).message}`, { cause: error });
        }
        applied.push(migration.id);
      }
      return { applied, alreadyApplied: done.size };
    } finally {
      await connection.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  });
}
