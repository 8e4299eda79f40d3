import { type Database, type MigrationReport, migrate } from '../db/index.ts';
import { loadReferenceData, type ReferenceDataReport } from '../registry/index.ts';

export interface PreparedDatabase {
  readonly migrations: MigrationReport;
  readonly reference: ReferenceDataReport;
}

/** Brings a database to the current schema and reference data (administrative units, code lists). */
export async function prepareDatabase(db: Database): Promise<PreparedDatabase> {
  const migrations = await migrate(db);
  const reference = await loadReferenceData(db);
  return { migrations, reference };
}
