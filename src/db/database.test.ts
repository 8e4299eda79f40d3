import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../test/support/db.ts';
import { csvLine } from './csv.ts';
import { copyStatement, type Database } from './database.ts';
import { findMigrations, migrate } from './migrate.ts';

let handle: TestDatabase;
let db: Database;

beforeAll(async () => {
  handle = await openTestDatabase();
  db = handle.db;
  await db.query('create table public.sample (id int8 primary key, day date, at timestamptz, note text)');
});
afterAll(async () => handle.close());

async function* rows(count: number, from = 0): AsyncIterable<string> {
  for (let i = from; i < from + count; i++) {
    yield csvLine([
      i,
      '2024-02-29',
      new Date(Date.UTC(2025, 6, 1)),
      i % 3 === 0 ? null : i % 3 === 1 ? '' : `"q",${i}`,
    ]);
  }
}

describe('Database', () => {
  it('reads dates as calendar days, instants as Date and int8 as number on both engines', async () => {
    await db.query('insert into public.sample values (1, $1, $2, $3)', [
      '2025-07-01',
      new Date('2025-07-01T00:30:00Z'),
      'x',
    ]);
    const { rows: found } = await db.query('select id, day, at from public.sample where id = 1');
    expect(found).toEqual([{ id: 1, day: '2025-07-01', at: new Date('2025-07-01T00:30:00Z') }]);
    await db.query('delete from public.sample');
  });

  it('commits a transaction that returns and rolls back one that throws', async () => {
    await db.transaction(async (tx) => {
      await tx.query('insert into public.sample (id) values (10)');
    });
    await expect(
      db.transaction(async (tx) => {
        await tx.query('insert into public.sample (id) values (11)');
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    const { rows: found } = await db.query<{ id: number }>('select id from public.sample where id in (10, 11)');
    expect(found.map((row) => row.id)).toEqual([10]);
    await db.query('delete from public.sample');
  });

  it('runs Kysely inside a transaction on the transaction connection', async () => {
    await expect(
      db.transaction(async (tx) => {
        await sql`insert into public.sample (id) values (20)`.execute(tx.kysely);
        const inside = await sql<{ n: number }>`select count(*)::int8 as n from public.sample`.execute(tx.kysely);
        expect(inside.rows[0]?.n).toBe(1);
        throw new Error('undo');
      }),
    ).rejects.toThrow('undo');
    const after = await sql<{ n: number }>`select count(*)::int8 as n from public.sample`.execute(db.kysely);
    expect(after.rows[0]?.n).toBe(0);
  });

  it('refuses, at once, to use the pool inside a transaction (it would deadlock on PGlite)', async () => {
    await expect(db.transaction(async () => db.query('select 1'))).rejects.toThrow(/outside the transaction/);
    await expect(db.transaction(async () => sql`select 1`.execute(db.kysely))).rejects.toThrow(
      /outside the transaction/,
    );
    await expect(db.query('select 1')).resolves.toBeDefined();
  });

  it('bulk-loads CSV through COPY with NULL, empty strings and quoting intact', async () => {
    const loaded = await db.copyFrom({ table: 'public.sample', columns: ['id', 'day', 'at', 'note'] }, rows(30_000));
    expect(loaded).toBe(30_000);
    const { rows: found } = await db.query<{ id: number; note: string | null; day: string }>(
      'select id, note, day from public.sample where id in (0, 1, 2) order by id',
    );
    expect(found).toEqual([
      { id: 0, note: null, day: '2024-02-29' },
      { id: 1, note: '', day: '2024-02-29' },
      { id: 2, note: '"q",2', day: '2024-02-29' },
    ]);
    await db.query('delete from public.sample');
  });

  it('loads nothing when a COPY fails half way', async () => {
    async function* broken(): AsyncIterable<string> {
      yield* rows(100);
      yield 'not-a-number,2024-01-01,,\n';
    }
    await expect(
      db.copyFrom({ table: 'public.sample', columns: ['id', 'day', 'at', 'note'] }, broken()),
    ).rejects.toThrow();
    const { rows: found } = await db.query<{ n: number }>('select count(*)::int8 as n from public.sample');
    expect(found[0]?.n).toBe(0);
  });

  it('refuses a COPY target that is not a plain identifier', () => {
    expect(() => copyStatement({ table: 'public.sample; drop table x', columns: ['id'] })).toThrow(
      /invalid COPY target/,
    );
    expect(() => copyStatement({ table: 'public.sample', columns: ['id"'] })).toThrow(/invalid COPY target/);
    expect(() => copyStatement({ table: 'public.sample', columns: [] })).toThrow(/invalid COPY target/);
  });
});

describe('migrate', () => {
  it('applies nothing twice', async () => {
    const report = await migrate(db);
    expect(report.applied).toEqual([]);
    expect(report.alreadyApplied).toBe(findMigrations().length);
  });

  it('applies a new migration once and refuses one changed after it was applied', async () => {
    const extra = { id: 'insights/9999_probe', sql: 'create table public.probe (id int);', checksum: 'a' };
    const first = await migrate(db, [...findMigrations(), extra]);
    expect(first.applied).toEqual(['insights/9999_probe']);
    await expect(migrate(db, [...findMigrations(), { ...extra, checksum: 'b' }])).rejects.toThrow(
      /was changed after it was applied/,
    );
  });

  it('leaves nothing of a migration that fails', async () => {
    const failing = {
      id: 'insights/9998_broken',
      sql: 'create table public.half (id int); select * from no_such_table;',
      checksum: 'c',
    };
    await expect(migrate(db, [failing])).rejects.toThrow(/migration insights\/9998_broken failed/);
    const { rows: found } = await db.query("select to_regclass('public.half') as t");
    expect(found[0]).toEqual({ t: null });
  });
});
