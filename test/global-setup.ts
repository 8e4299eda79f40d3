import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { prepareDatabase } from '../src/cli/prepare-database.ts';
import { Database } from '../src/db/index.ts';
import { withDatabaseName } from './support/postgres-url.ts';

/**
 * Migrates and loads the reference data once per test run, so that each test file starts from a migrated database in well under a
 * second: on PostgreSQL a template database that test files clone with `CREATE DATABASE … TEMPLATE`;
 * on PGlite a dump of the migrated data folder that test files load into memory.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const template = `dancu_tpl_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
    const admin = await Database.open({ url });
    await admin.query(`create database ${template}`);
    const db = await Database.open({ url: withDatabaseName(url, template) });
    await prepareDatabase(db);
    await db.close();
    project.provide('database', { engine: 'postgres', url, template });
    return async () => {
      await admin.query(`drop database if exists ${template} with (force)`);
      await admin.close();
    };
  }
  const folder = mkdtempSync(join(tmpdir(), 'dancu-test-'));
  const db = await Database.open({ pglite: { memory: true } });
  await prepareDatabase(db);
  const dump = await db.exportEmbedded();
  await db.close();
  if (!dump) throw new Error('the embedded database gave no snapshot');
  const snapshot = join(folder, 'migrated.tar');
  writeFileSync(snapshot, Buffer.from(await dump.arrayBuffer()));
  project.provide('database', { engine: 'pglite', snapshot });
  return async () => rmSync(folder, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    database: { engine: 'postgres'; url: string; template: string } | { engine: 'pglite'; snapshot: string };
  }
}
