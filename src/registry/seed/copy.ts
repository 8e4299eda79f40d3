/**
 * Loading the generated chunks: one `COPY` per table and chunk, and, into an empty registry, the record time
 * filled in by the columns' defaults rather than parsed from every line (writer.ts, `STAMPED`).
 */
import type { CopyTarget, Tx } from '../../db/index.ts';
import { type Chunk, SEED_TABLE_NAMES, SEED_TABLES, type SeedTable, STAMPED } from './writer.ts';

const TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}[+-]\d{2}$/;

/** The columns a chunk's lines carry: all of them, or all but the stamped ones. */
export function linesTarget(table: SeedTable, stampsByDefault: boolean): CopyTarget {
  const target = SEED_TABLES[table];
  if (!stampsByDefault || STAMPED[table] === 0) return target;
  return { table: target.table, columns: target.columns.slice(0, -STAMPED[table]) };
}

/**
 * Loads a chunk with one `COPY` per table on the transaction's connection, its lines built with or without
 * the stamped columns as `stampsByDefault` says.
 */
export async function copyChunk(tx: Tx, chunk: Chunk, stampsByDefault: boolean): Promise<void> {
  for (const table of SEED_TABLE_NAMES) {
    const text = chunk[table];
    if (text !== undefined) await tx.copyFrom(linesTarget(table, stampsByDefault), once(text));
  }
}

/**
 * Runs `load` with the defaults of the stamped columns set to `recordedAt`, then puts the columns' own
 * defaults back, in the caller's transaction: no other session ever sees the changed defaults. `ALTER TABLE`
 * locks each table against every other use until the transaction ends, so this is for the empty registry's
 * load only, whose dropped indexes have locked the tables already.
 */
export async function withRecordTimeDefaults<T>(tx: Tx, recordedAt: string, load: () => Promise<T>): Promise<T> {
  if (!TIMESTAMP.test(recordedAt)) throw new RangeError(`not a record time: ${recordedAt}`);
  const stamped = SEED_TABLE_NAMES.filter((table) => STAMPED[table] > 0).flatMap((table) =>
    SEED_TABLES[table].columns.slice(-STAMPED[table]).map((column) => ({ table: SEED_TABLES[table].table, column })),
  );
  const { rows: defaults } = await tx.query<{ table: string; column: string; expression: string | null }>(
    `select c.oid::regclass::text as table, a.attname as column, pg_get_expr(d.adbin, d.adrelid) as expression
     from pg_attribute a
     join pg_class c on c.oid = a.attrelid
     left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
     where (c.oid::regclass::text, a.attname::text) in (select * from unnest($1::text[], $2::text[]))`,
    [stamped.map((each) => each.table), stamped.map((each) => each.column)],
  );
  for (const { table, column } of stamped) {
    await tx.query(`alter table ${table} alter column ${column} set default '${recordedAt}'::timestamptz`);
  }
  const result = await load();
  for (const { table, column, expression } of defaults) {
    await tx.query(
      expression === null
        ? `alter table ${table} alter column ${column} drop default`
        : `alter table ${table} alter column ${column} set default ${expression}`,
    );
  }
  return result;
}

async function* once(text: string): AsyncIterable<string> {
  yield text;
}
