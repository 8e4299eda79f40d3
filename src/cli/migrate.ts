import type { Config } from '../config/index.ts';
import { migrate } from '../db/index.ts';
import { describeDatabase, openDatabase } from './open-database.ts';

/** `dancu migrate`: applies pending migrations and reports what it did. */
export async function runMigrate(config: Config): Promise<void> {
  const db = await openDatabase(config);
  try {
    const report = await migrate(db);
    process.stdout.write(`${describeDatabase(config)}: ${report.applied.length} migration(s) applied\n`);
    for (const id of report.applied) process.stdout.write(`  ${id}\n`);
  } finally {
    await db.close();
  }
}
