import { type CsvValue, csvLine, type Database, type Tx } from '../../db/index.ts';
import { foldText } from '../../kernel/index.ts';
import { buildReferenceRows, type ReferenceRows } from './build.ts';
import type { Irregularity } from './irregularities.ts';
import { REFORM_DAY } from './model.ts';
import { parseSources, readPackageText, referenceChecksum } from './source.ts';

/** What {@link loadReferenceData} did, or found already done. */
export interface ReferenceDataReport {
  /** Checksum of the sources (see source.ts). */
  readonly version: string;
  /** False when the database already held this version: nothing was written. */
  readonly loaded: boolean;
  readonly counts: {
    readonly provinces2025: number;
    readonly provincesPre2025: number;
    readonly communes2025: number;
    readonly communesPre2025: number;
    readonly successions: number;
    readonly ethnicities: number;
    readonly religions: number;
  };
  /** Units loaded by an earlier version and absent from this one: kept, since records may name them. */
  readonly staleUnits: number;
  readonly irregularities: readonly Irregularity[];
  /** Rows or units the loader could not repair: the sum of `count` over unresolved irregularities. */
  readonly unresolved: number;
}

const VERSION_NAME = 'admin-units';
/** Any fixed number, different from the migration lock: only loaders of the same database must agree on it. */
const LOAD_LOCK = 72_440_107;

const COPY_CHUNK_CHARS = 1 << 20;

interface StagedTable {
  readonly table: string;
  readonly stage: string;
  readonly key: readonly string[];
  readonly columns: readonly string[];
  rows(data: ReferenceRows): Iterable<readonly CsvValue[]>;
}

const TABLES: readonly StagedTable[] = [
  {
    table: 'registry.province',
    stage: 'stage_province',
    key: ['id'],
    columns: [
      ...['id', 'era', 'code', 'name', 'short_name', 'kind', 'abbreviation', 'legacy_id_code'],
      ...['valid_from', 'valid_to', 'folded_name'],
    ],
    rows: (data) =>
      data.provinces.map((p) => [
        ...[p.id, p.era, p.code, p.name, p.shortName, p.kind, p.abbreviation, p.legacyIdCode],
        ...[p.validFrom, p.validTo, foldText(p.name)],
      ]),
  },
  {
    table: 'registry.commune',
    stage: 'stage_commune',
    key: ['id'],
    columns: [
      ...['id', 'era', 'code', 'name', 'kind', 'district_name', 'province_id'],
      ...['valid_from', 'valid_to', 'folded_name'],
    ],
    rows: (data) =>
      data.communes.map((c) => [
        ...[c.id, c.era, c.code, c.name, c.kind, c.districtName, c.provinceId],
        ...[c.validFrom, c.validTo, foldText(c.name)],
      ]),
  },
  {
    table: 'registry.ethnicity',
    stage: 'stage_ethnicity',
    key: ['code'],
    columns: ['code', 'name'],
    rows: (data) => data.ethnicities.map((e) => [e.code, e.name]),
  },
  {
    table: 'registry.religion',
    stage: 'stage_religion',
    key: ['code'],
    columns: ['code', 'name'],
    rows: (data) => data.religions.map((r) => [r.code, r.name]),
  },
  {
    table: 'registry.commune_succession',
    stage: 'stage_succession',
    key: ['old_commune_id', 'new_commune_id'],
    columns: ['old_commune_id', 'new_commune_id', 'effective_on'],
    rows: (data) => data.successions.map((s) => [s.oldCommuneId, s.newCommuneId, REFORM_DAY]),
  },
];

/**
 * Loads the administrative units and code lists into the `registry` reference tables, in one transaction.
 * Call it after the migrations (`dancu start`, `dancu migrate`, the test setup).
 *
 * Idempotent: when the database already holds this data version (the checksum of the package data, the
 * module's data files and the loader), it writes nothing and returns the stored report with `loaded: false`.
 * A new version is merged in: rows are inserted or updated; units that disappeared from the data are kept
 * (records may name them) and counted in `staleUnits`; successions follow the data exactly. Several nodes
 * calling it together load once (advisory lock).
 *
 * @throws Error when the data changed in a way the loader cannot interpret (see build.ts); nothing is written.
 */
export async function loadReferenceData(db: Database): Promise<ReferenceDataReport> {
  const packageText = readPackageText();
  const version = referenceChecksum(packageText);
  return db.transaction(
    async (tx) => {
      await tx.query('select pg_advisory_xact_lock($1)', [LOAD_LOCK]);
      const stored = await storedReport(tx, version);
      if (stored) return { ...stored, loaded: false };
      const data = buildReferenceRows(parseSources(packageText));
      const fresh = await isEmpty(tx);
      let staleUnits = 0;
      await withoutSecondaryKeys(tx, async () => {
        if (fresh) {
          for (const table of TABLES) await copyRows(tx, table.table, table, data);
          return;
        }
        for (const table of TABLES) {
          await tx.query(`create temp table ${table.stage} (like ${table.table}) on commit drop`);
          await copyRows(tx, table.stage, table, data);
        }
        staleUnits = await countStale(tx);
        for (const table of TABLES) await merge(tx, table);
      });
      const report = reportOf(version, data, staleUnits);
      await tx.query(
        `insert into registry.reference_data_version (name, checksum, report) values ($1, $2, $3::jsonb)
         on conflict (name) do update set checksum = excluded.checksum, report = excluded.report, loaded_at = now()`,
        [VERSION_NAME, version, JSON.stringify(report)],
      );
      return report;
    },
    { retries: 0 },
  );
}

async function storedReport(tx: Tx, version: string): Promise<ReferenceDataReport | undefined> {
  const { rows } = await tx.query<{ report: ReferenceDataReport | string }>(
    'select report from registry.reference_data_version where name = $1 and checksum = $2',
    [VERSION_NAME, version],
  );
  const report = rows[0]?.report;
  return typeof report === 'string' ? (JSON.parse(report) as ReferenceDataReport) : report;
}

async function isEmpty(tx: Tx): Promise<boolean> {
  const { rows } = await tx.query<{ used: boolean }>(
    'select exists (select from registry.province) or exists (select from registry.commune) as used',
  );
  return rows[0]?.used === false;
}

async function copyRows(tx: Tx, target: string, table: StagedTable, data: ReferenceRows): Promise<void> {
  // Chunks of many rows: PGlite copies one long string about twice as fast as thousands of short ones.
  async function* chunks(): AsyncIterable<string> {
    let chunk = '';
    for (const row of table.rows(data)) {
      chunk += csvLine(row);
      if (chunk.length >= COPY_CHUNK_CHARS) {
        yield chunk;
        chunk = '';
      }
    }
    if (chunk !== '') yield chunk;
  }
  await tx.copyFrom({ table: target, columns: table.columns }, chunks());
}

/** Upserts the staged rows; successions, which nothing refers to, are also pruned to the staged set. */
async function merge(tx: Tx, table: StagedTable): Promise<void> {
  const list = table.columns.join(', ');
  const keyMatch = table.key.map((column) => `s.${column} = t.${column}`).join(' and ');
  const others = table.columns.filter((column) => !table.key.includes(column));
  const update = others.length
    ? `do update set (${others.join(', ')}) = row(${others.map((c) => `excluded.${c}`).join(', ')})
       where (${others.map((c) => `t.${c}`).join(', ')}) is distinct from (${others.map((c) => `excluded.${c}`).join(', ')})`
    : 'do nothing';
  if (table.table === 'registry.commune_succession') {
    await tx.query(`delete from ${table.table} t where not exists (select from ${table.stage} s where ${keyMatch})`);
  }
  await tx.query(
    `insert into ${table.table} as t (${list}) select ${list} from ${table.stage}
     on conflict (${table.key.join(', ')}) ${update}`,
  );
}

/**
 * Runs `fn` with the secondary indexes, unique keys and foreign keys of the reference tables dropped, then
 * builds them again: one sort or one join per index or key instead of one index insertion or one query per row
 * (PostgreSQL manual, "Populating a Database"). On PGlite that halves the load. Nobody sees the tables without
 * them: it all happens inside the load's transaction, and readers of these tables wait for its commit (about a
 * second, only when a new data version arrives). Primary keys stay (the merge needs them), and so do the keys
 * of other tables that refer to these ones.
 */
async function withoutSecondaryKeys(tx: Tx, fn: () => Promise<void>): Promise<void> {
  const { rows } = await tx.query<{ drop: string; create: string }>(
    `select drop, "create" from (
       select format('alter table %s drop constraint %I', conrelid::regclass, conname) as drop,
              format('alter table %s add constraint %I %s', conrelid::regclass, conname, pg_get_constraintdef(oid))
                as "create",
              case contype when 'f' then 1 else 0 end as stage
         from pg_constraint
        where conrelid::regclass::text = any ($1)
          and (contype = 'u' or (contype = 'f' and confrelid::regclass::text = any ($1)))
       union all
       select format('drop index %s', indexrelid::regclass), pg_get_indexdef(indexrelid), 0
         from pg_index
        where indrelid::regclass::text = any ($1)
          and not exists (select from pg_constraint where conindid = indexrelid)
     ) as keys
     order by stage desc, drop`,
    [TABLES.map((table) => table.table)],
  );
  for (const key of rows) await tx.query(key.drop);
  await fn();
  for (const key of rows.reverse()) await tx.query(key.create);
}

async function countStale(tx: Tx): Promise<number> {
  const { rows } = await tx.query<{ stale: number }>(
    `select (select count(*) from registry.province t where not exists (select from stage_province s where s.id = t.id))
          + (select count(*) from registry.commune t where not exists (select from stage_commune s where s.id = t.id))
          as stale`,
  );
  return Number(rows[0]?.stale ?? 0);
}

function reportOf(version: string, data: ReferenceRows, staleUnits: number): ReferenceDataReport {
  const count = <T extends { era: string }>(rows: readonly T[], era: string) =>
    rows.filter((row) => row.era === era).length;
  return {
    version,
    loaded: true,
    counts: {
      provinces2025: count(data.provinces, '2025'),
      provincesPre2025: count(data.provinces, 'pre2025'),
      communes2025: count(data.communes, '2025'),
      communesPre2025: count(data.communes, 'pre2025'),
      successions: data.successions.length,
      ethnicities: data.ethnicities.length,
      religions: data.religions.length,
    },
    staleUnits,
    irregularities: data.irregularities,
    unresolved: data.irregularities.filter((i) => !i.resolved).reduce((sum, i) => sum + i.count, 0),
  };
}
