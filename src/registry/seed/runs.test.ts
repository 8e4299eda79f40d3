import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../test/support/db.ts';
import { ManualClock } from '../../kernel/index.ts';
import { seedPopulation } from './seed.ts';
import { populationChecksum } from './testing.ts';
import { SEED_TABLES } from './writer.ts';

const clock = new ManualClock('2026-03-02T03:00:00Z');
const PEOPLE = 2000;
/** The columns every seeded row fills with the record time. */
const STAMPED_COLUMNS = [
  ['registry.person', 'created_at'],
  ['registry.person', 'updated_at'],
  ['registry.family_link', 'recorded_at'],
  ['registry.household', 'created_at'],
  ['registry.residence', 'recorded_at'],
] as const;
const opened: TestDatabase[] = [];

async function seeded(seed: number, worker: boolean): Promise<TestDatabase> {
  const handle = await openTestDatabase();
  opened.push(handle);
  await seedPopulation({ db: handle.db, clock }, { people: PEOPLE, seed, worker });
  return handle;
}

let first: TestDatabase;
beforeAll(async () => {
  first = await seeded(1, false);
}, 120_000);
afterAll(async () => {
  for (const handle of opened) await handle.close();
});

describe('a seeding run', () => {
  it('gives the same rows for the same number of people and seed, generated here or on a worker thread', async () => {
    const again = await seeded(1, true);
    expect(await populationChecksum(again.db)).toBe(await populationChecksum(first.db));
    await again.close();
    opened.splice(opened.indexOf(again), 1);
  }, 120_000);

  it('leaves the planner statistics of every table it loaded', async () => {
    const tables = Object.values(SEED_TABLES).map((target) => target.table.split('.')[1]);
    const { rows } = await first.db.query<{ tablename: string }>(
      `select distinct tablename from pg_stats where schemaname = 'registry' and tablename = any($1::text[])
       order by tablename`,
      [tables],
    );
    expect(rows.map((row) => row.tablename)).toEqual([...tables].sort());
  });

  it('stamps every row with the start of its day in Vietnam (before the append below)', async () => {
    for (const [table, column] of STAMPED_COLUMNS) {
      const { rows } = await first.db.query<{ stamped: number; others: number }>(
        `select count(*) filter (where ${column} = '2026-03-02 00:00:00+07')::int8 as stamped,
                count(*) filter (where ${column} is distinct from '2026-03-02 00:00:00+07')::int8 as others
         from ${table}`,
      );
      expect({ table, column, others: rows[0]?.others }).toEqual({ table, column, others: 0 });
      expect(rows[0]?.stamped).toBeGreaterThan(0);
    }
  });

  it('gives other rows for another seed', async () => {
    const other = await seeded(2, false);
    expect(await populationChecksum(other.db)).not.toBe(await populationChecksum(first.db));
    await other.close();
    opened.splice(opened.indexOf(other), 1);
  }, 120_000);

  it('refuses a registry that already has people, and adds nothing', async () => {
    await expect(seedPopulation({ db: first.db, clock }, { people: 10 })).rejects.toMatchObject({
      code: 'REGISTRY_NOT_EMPTY',
    });
    const { rows } = await first.db.query<{ n: number }>('select count(*)::int8 as n from registry.person');
    expect(rows[0]?.n).toBe(PEOPLE);
  });

  it('refuses to append a seed whose population is already there', async () => {
    await expect(seedPopulation({ db: first.db, clock }, { people: 10, seed: 1, append: true })).rejects.toMatchObject({
      code: 'SEED_ALREADY_USED',
    });
  });

  it('appends another seed after the existing rows, and later inserts still get fresh ids', async () => {
    const before = await first.db.query<{ max: number }>('select max(id)::int8 as max from registry.household');
    const report = await seedPopulation({ db: first.db, clock }, { people: 500, seed: 7, append: true });
    expect(report.people).toBe(500);
    const { rows } = await first.db.query<{ n: number; min: number }>(
      `select (select count(*) from registry.person)::int8 as n,
              (select min(id) from registry.household where created_at is not null and id > $1)::int8 as min`,
      [before.rows[0]?.max],
    );
    expect(rows[0]).toEqual({ n: PEOPLE + 500, min: (before.rows[0]?.max ?? 0) + 1 });
    const inserted = await first.db.query<{ id: number }>(
      `insert into registry.household (file_number, commune_id, address_line, established_on)
       values ('TEST-1', '2025:00004', 'Số 1', '2026-01-01') returning id`,
    );
    expect(inserted.rows[0]?.id).toBeGreaterThan((before.rows[0]?.max ?? 0) + report.households - 1);
  }, 120_000);

  it('loads all or nothing: a failure half-way leaves the registry as it was, and stops the worker', async () => {
    const handle = await openTestDatabase();
    opened.push(handle);
    await handle.db.query('alter table registry.identity_card add constraint refuse_all check (false) not valid');
    await expect(
      seedPopulation({ db: handle.db, clock }, { people: 3000, seed: 1, worker: true }),
    ).rejects.toMatchObject({ code: '23514' });
    const { rows } = await handle.db.query<{ people: number; indexes: number }>(
      `select (select count(*) from registry.person)::int8 as people,
              (select count(*) from pg_indexes where schemaname = 'registry' and tablename = 'person')::int8 as indexes`,
    );
    expect(rows[0]).toEqual({ people: 0, indexes: 3 });
  }, 120_000);

  it('refuses a number of people or a seed out of range', async () => {
    await expect(seedPopulation({ db: first.db, clock }, { people: 0 })).rejects.toThrow(RangeError);
    await expect(seedPopulation({ db: first.db, clock }, { people: 5, seed: -1 })).rejects.toThrow(RangeError);
  });
});
