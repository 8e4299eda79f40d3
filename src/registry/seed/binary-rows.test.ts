import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../test/support/db.ts';
import { oneChunk } from '../../db/index.ts';
import { BinaryRows, type ColumnType, daysSince2000 } from './binary-rows.ts';
import { COLUMN_TYPES, SEED_TABLE_NAMES, SEED_TABLES } from './writer.ts';

let handle: TestDatabase;
beforeAll(async () => {
  handle = await openTestDatabase();
}, 60_000);
afterAll(async () => {
  await handle.close();
});

const TYPES: readonly ColumnType[] = ['text', 'int8', 'date', 'timestamptz', 'text'];
/** A temporary table; its serial `i` numbers the rows in the order loaded. */
const TARGET = { table: 'pg_temp.binary_probe', columns: ['t', 'n', 'd', 'ts', 'c'] };

/** Loads rows through the binary encoder and reads them back as PostgreSQL writes them in text. */
async function roundTrip(rows: readonly (string | number | null)[][]): Promise<unknown[][]> {
  const encoder = new BinaryRows(TYPES, 16);
  for (const row of rows) encoder.add(row);
  return handle.db.transaction(async (tx) => {
    await tx.query(
      `create temporary table binary_probe (i serial, t text, n bigint, d date, ts timestamptz, c char(3))`,
    );
    const copied = await tx.copyFromBinary(TARGET, oneChunk(encoder.take()));
    expect(copied).toBe(rows.length);
    await tx.query(`set local timezone = 'UTC'`);
    const { rows: back } = await tx.query<{ row: unknown[] }>(
      `select array[t, n::text, d::text, ts::text, c] as row from binary_probe order by i`,
    );
    await tx.query('drop table binary_probe');
    return back.map((each) => each.row);
  });
}

describe('rows in the binary COPY format', () => {
  // (char(n) read back as text loses its padding, as PostgreSQL casts it.)
  it('load text, ids, days and times exactly, and NULL in any column', async () => {
    const nfd = 'Nguyễn Văn Đức'.normalize('NFD');
    const rows = [
      ['Nguyễn Văn Đức', 0, '2000-01-01', '2026-03-02 00:00:00+07', 'abc'],
      [nfd, 2 ** 53 - 1, '1999-12-31', '2026-03-02 00:00:00+07', 'xyz'],
      ['a,"b"\nc\\d', 2 ** 40 + 5, '2024-02-29', '1999-12-31 23:59:59+07', 'Đà'],
      ['', 1, '1900-02-28', '2000-01-01 07:00:00+07', ''],
      ['😀 \uD800 lone', 42, '2200-12-31', '2026-03-02 00:00:00+07', '01'],
      [null, null, null, null, null],
    ];
    expect(await roundTrip(rows)).toEqual([
      ['Nguyễn Văn Đức', '0', '2000-01-01', '2026-03-01 17:00:00+00', 'abc'],
      [nfd, String(2 ** 53 - 1), '1999-12-31', '2026-03-01 17:00:00+00', 'xyz'],
      ['a,"b"\nc\\d', String(2 ** 40 + 5), '2024-02-29', '1999-12-31 16:59:59+00', 'Đà'],
      ['', '1', '1900-02-28', '2000-01-01 00:00:00+00', ''],
      ['😀 \uFFFD lone', '42', '2200-12-31', '2026-03-01 17:00:00+00', '01'],
      [null, null, null, null, null],
    ]);
  });

  it('refuse a day that is not on the calendar, a number that is not an integer, a row of the wrong size', () => {
    const encoder = new BinaryRows(TYPES);
    expect(() => encoder.add(['a', 1, '2026-02-30', null, null])).toThrow(RangeError);
    expect(() => encoder.add(['a', 1, '2026-2-3', null, null])).toThrow(RangeError);
    expect(() => encoder.add(['a', 1.5, null, null, null])).toThrow(RangeError);
    expect(() => encoder.add(['a', 1, null, 'yesterday', null])).toThrow(RangeError);
    expect(() => encoder.add(['a', 1, null, '2026-03-02 25:00:00+07', null])).toThrow(RangeError);
    expect(() => encoder.add(['a', 1, null, null])).toThrow(RangeError);
    // None of the refused rows left a byte behind.
    expect(encoder.empty).toBe(true);
    expect(daysSince2000('2000-01-01')).toBe(0);
    expect(daysSince2000('1999-12-31')).toBe(-1);
  });

  it('start again empty after each take, growing past their first buffer', async () => {
    const encoder = new BinaryRows(TYPES, 16);
    expect(encoder.empty).toBe(true);
    encoder.add(['x'.repeat(100), 1, null, null, null]);
    expect(encoder.empty).toBe(false);
    const first = encoder.take();
    expect(encoder.empty).toBe(true);
    expect(first.length).toBe(19 + 2 + 4 + 100 + 12 + 3 * 4 + 2);
    expect(await roundTrip([['y'.repeat(5000), 2, '2025-07-01', null, 'abc']])).toEqual([
      ['y'.repeat(5000), '2', '2025-07-01', null, 'abc'],
    ]);
  });
});

describe("the seed's column types", () => {
  it('are those of the schema: bigint, date and timestamptz by their binary forms, text and char(n) as text', async () => {
    const { rows } = await handle.db.query<{ table: string; column: string; type: string }>(
      `select c.oid::regclass::text as table, a.attname as column, t.typname as type
       from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_type t on t.oid = a.atttypid
       where c.relnamespace = 'registry'::regnamespace and a.attnum > 0 and not a.attisdropped`,
    );
    const typeOf = new Map(rows.map((row) => [`${row.table}.${row.column}`, row.type]));
    const expected: Record<string, ColumnType> = { int8: 'int8', date: 'date', timestamptz: 'timestamptz' };
    for (const table of SEED_TABLE_NAMES) {
      const { table: name, columns } = SEED_TABLES[table];
      const fromSchema = columns.map((column: string) => {
        const type = typeOf.get(`${name}.${column}`);
        expect(type, `${name}.${column}`).toBeDefined();
        return expected[type as string] ?? (type === 'text' || type === 'bpchar' ? 'text' : `unsupported ${type}`);
      });
      expect({ table, types: COLUMN_TYPES[table] }).toEqual({ table, types: fromSchema });
    }
  });
});
