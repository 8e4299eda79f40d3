import type { Config } from '../config/index.ts';
import { describeDatabase, openDatabase } from './open-database.ts';
import { prepareDatabase } from './prepare-database.ts';

/** `dancu migrate`: applies pending migrations, loads the reference data, and reports what it did. */
export async function runMigrate(config: Config): Promise<void> {
  const db = await openDatabase(config);
  try {
    const { migrations, reference } = await prepareDatabase(db);
    process.stdout.write(`${describeDatabase(config)}: ${migrations.applied.length} migration(s) applied\n`);
    for (const id of migrations.applied) process.stdout.write(`  ${id}\n`);
    const units = reference.counts;
    process.stdout.write(
      reference.loaded
        ? `reference data loaded: ${units.provinces2025} + ${units.provincesPre2025} provinces, ${units.communes2025} + ${units.communesPre2025} communes\n`
        : 'reference data already current\n',
    );
  } finally {
    await db.close();
  }
}
