export { coalesce, coalescePer, type ManyLoader } from './coalesce.ts';
export type { ConnectionPool, Engine, QueryResult, RawConnection } from './connection.ts';
export { type CsvValue, csvLine } from './csv.ts';
export {
  type CopyTarget,
  copyStatement,
  Database,
  type IsolationLevel,
  type NoTables,
  type OpenOptions,
  oneChunk,
  sqlState,
  type TransactionOptions,
  type Tx,
  withSavepoint,
} from './database.ts';
export { findMigrations, type Migration, type MigrationReport, MODULE_ORDER, migrate } from './migrate.ts';
export type { PgliteLocation } from './pglite.ts';
