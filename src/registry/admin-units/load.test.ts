import { afterEach, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../test/support/db.ts';
import { loadReferenceData } from './load.ts';

const open: TestDatabase[] = [];

async function freshDatabase(): Promise<TestDatabase> {
  const handle = await openTestDatabase();
  open.push(handle);
  return handle;
}

afterEach(async () => {
  for (const handle of open.splice(0)) await handle.close();
});

/** Empties the reference tables, whether or not the test setup loaded them, so that a load starts afresh. */
async function freshReferenceTables(handle: TestDatabase): Promise<void> {
  if ((await count(handle, 'select count(*) as n from registry.reference_data_version')) === 0) return;
  const tables = ['commune_succession', 'commune', 'province', 'ethnicity', 'religion', 'reference_data_version'];
  for (const table of tables) await handle.db.query(`delete from registry.${table}`);
}

async function count(handle: TestDatabase, sql: string, params: unknown[] = []): Promise<number> {
  const { rows } = await handle.db.query<{ n: number }>(sql, params);
  return Number(rows[0]?.n);
}

describe('loadReferenceData', () => {
  it('merges a new data version: repairs rows, prunes successions, keeps units records may name', async () => {
    const handle = await freshDatabase();
    await freshReferenceTables(handle);
    const { db } = handle;
    const first = await loadReferenceData(db);
    expect(first.loaded).toBe(true);
    // What an older data version could have left: a unit and a link the data no longer has, a changed name.
    await db.query(
      `insert into registry.commune (id, era, name, kind, district_name, province_id, valid_to, folded_name)
       values ('pre2025:x-000000000000', 'pre2025', 'Xã Cũ', 'commune', 'Huyện Cũ', 'pre2025:01', '2025-06-30', 'xa cu')`,
    );
    await db.query(
      `insert into registry.commune_succession (old_commune_id, new_commune_id) values ('pre2025:x-000000000000', '2025:00004')`,
    );
    await db.query(`update registry.commune set name = 'Phường Sai Tên' where id = '2025:00004'`);
    await db.query(`update registry.reference_data_version set checksum = 'an older version'`);

    const second = await loadReferenceData(db);

    expect(second).toMatchObject({ loaded: true, staleUnits: 1, counts: first.counts, version: first.version });
    expect(await count(handle, `select count(*) as n from registry.commune where id = 'pre2025:x-000000000000'`)).toBe(
      1,
    );
    expect(await count(handle, `select count(*) as n from registry.commune_succession`)).toBe(first.counts.successions);
    const { rows } = await db.query<{ name: string }>(`select name from registry.commune where id = '2025:00004'`);
    expect(rows[0]?.name).toBe('Phường Ba Đình');
    expect((await loadReferenceData(db)).loaded).toBe(false);
  });

  it('restores every key and index it sets aside while loading', async () => {
    const handle = await freshDatabase();
    await freshReferenceTables(handle);
    const before = await count(
      handle,
      `select count(*) as n from pg_constraint where connamespace = 'registry'::regnamespace`,
    );
    const indexes = await count(handle, `select count(*) as n from pg_indexes where schemaname = 'registry'`);
    expect((await loadReferenceData(handle.db)).loaded).toBe(true);
    expect(
      await count(handle, `select count(*) as n from pg_constraint where connamespace = 'registry'::regnamespace`),
    ).toBe(before);
    expect(await count(handle, `select count(*) as n from pg_indexes where schemaname = 'registry'`)).toBe(indexes);
    await expect(
      handle.db.query(`insert into registry.commune_succession (old_commune_id, new_commune_id) values ('a', 'b')`),
    ).rejects.toThrow(/foreign key/);
  });

  it('loads once when several callers start together', async () => {
    const handle = await freshDatabase();
    await freshReferenceTables(handle);
    const { db } = handle;
    const reports = await Promise.all([loadReferenceData(db), loadReferenceData(db), loadReferenceData(db)]);
    expect(reports.filter((report) => report.loaded)).toHaveLength(1);
  });
});
