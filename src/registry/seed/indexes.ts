/**
 * Bulk loading into empty tables the way PostgreSQL's manual advises ("Populating a Database", §14.4): drop
 * the indexes, load, then build each index once from the loaded rows — a sorted build instead of millions of
 * random insertions. Only for tables that are empty, in the loading transaction: other sessions never see the
 * tables without their indexes (they wait on the lock), and rebuilding a unique index checks the loaded rows.
 */
import type { Tx } from '../../db/index.ts';

interface IndexDefinition {
  readonly table: string;
  readonly name: string;
  /** `CREATE [UNIQUE] INDEX …` for a plain index. */
  readonly definition: string;
  /** `PRIMARY KEY (…)` / `UNIQUE (…)` for an index that backs a constraint, and the constraint's name. */
  readonly constraint: string | null;
  readonly constraint_name: string | null;
}

/**
 * Runs `load` with the indexes of `tables` (schema-qualified) dropped, then rebuilds them; the indexes of a
 * constraint that a foreign key relies on are kept. (Keeping the primary keys on ascending ids, cheap to
 * maintain in theory, measured slower on PostgreSQL 15 and no faster on PGlite.)
 */
export async function withIndexesDeferred<T>(tx: Tx, tables: readonly string[], load: () => Promise<T>): Promise<T> {
  const { rows } = await tx.query<IndexDefinition>(
    `select t.oid::regclass::text as table, ic.relname as name, pg_get_indexdef(i.indexrelid) as definition,
            pg_get_constraintdef(k.oid) as constraint, k.conname as constraint_name
     from pg_index i
     join pg_class ic on ic.oid = i.indexrelid
     join pg_class t on t.oid = i.indrelid
     join pg_namespace n on n.oid = t.relnamespace
     left join pg_constraint k on k.conindid = i.indexrelid and k.conrelid = t.oid
     where n.nspname || '.' || t.relname = any($1::text[])
       and not exists (select 1 from pg_constraint f where f.contype = 'f' and f.confrelid = t.oid)
     order by 1, 2`,
    [tables],
  );
  const schemaOf = (table: string) => table.split('.')[0] as string;
  for (const index of rows) {
    if (index.constraint_name)
      await tx.query(`alter table ${index.table} drop constraint ${quote(index.constraint_name)}`);
    else await tx.query(`drop index ${schemaOf(index.table)}.${quote(index.name)}`);
  }
  const result = await load();
  for (const index of rows) {
    if (index.constraint_name) {
      await tx.query(`alter table ${index.table} add constraint ${quote(index.constraint_name)} ${index.constraint}`);
    } else {
      await tx.query(index.definition);
    }
  }
  return result;
}

function quote(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
