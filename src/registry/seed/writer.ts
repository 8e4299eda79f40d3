/**
 * Where the generated rows go: rows in PostgreSQL's binary `COPY` format (binary-rows.ts), or CSV lines for
 * the benchmark's baseline file, gathered per table into chunks of a few megabytes, each loaded with one
 * `COPY` per table, so a run of any size keeps only a chunk or two in memory.
 */
import { BinaryRows, type ColumnType } from './binary-rows.ts';

/** The tables the seed fills and the columns it supplies (the others keep their defaults). */
export const SEED_TABLES = {
  person: {
    table: 'registry.person',
    columns: [
      'personal_id',
      'family_name',
      'middle_name',
      'given_name',
      'full_name',
      'folded_name',
      'former_id_number',
      'birth_date',
      'sex',
      'place_of_birth',
      'birth_registration_commune_id',
      'hometown',
      'ethnicity_code',
      'religion_code',
      'blood_group',
      'marital_status',
      'civil_capacity',
      'phone',
      'email',
      'status',
      'status_date',
      'attributes_since',
      'created_at',
      'updated_at',
    ],
  },
  familyLink: {
    table: 'registry.family_link',
    columns: ['id', 'personal_id', 'relation', 'relative_id', 'valid_from', 'valid_to', 'recorded_at'],
  },
  household: {
    table: 'registry.household',
    columns: ['id', 'file_number', 'commune_id', 'address_line', 'established_on', 'dissolved_on', 'created_at'],
  },
  member: {
    table: 'registry.household_member',
    columns: ['id', 'household_id', 'personal_id', 'relationship', 'joined_on', 'left_on', 'leave_reason'],
  },
  residence: {
    table: 'registry.residence',
    columns: [
      'id',
      'personal_id',
      'kind',
      'commune_id',
      'address_line',
      'household_id',
      'valid_from',
      'valid_to',
      'expires_on',
      'reason',
      'ended_reason',
      'recorded_at',
    ],
  },
  card: {
    table: 'registry.identity_card',
    columns: [
      'id',
      'personal_id',
      'card_number',
      'kind',
      'issued_on',
      'expires_on',
      'status',
      'status_changed_on',
      'issuing_authority',
    ],
  },
} as const satisfies Record<string, { readonly table: string; readonly columns: readonly string[] }>;

export type SeedTable = keyof typeof SEED_TABLES;
export const SEED_TABLE_NAMES = Object.keys(SEED_TABLES) as SeedTable[];

/** The binary form of each seeded column: ids, dates and record times by name, the rest text or `char(n)`. */
const TYPE_OF_COLUMN: Readonly<Record<string, ColumnType>> = {
  id: 'int8',
  household_id: 'int8',
  birth_date: 'date',
  status_date: 'date',
  attributes_since: 'date',
  valid_from: 'date',
  valid_to: 'date',
  established_on: 'date',
  dissolved_on: 'date',
  joined_on: 'date',
  left_on: 'date',
  expires_on: 'date',
  issued_on: 'date',
  status_changed_on: 'date',
  created_at: 'timestamptz',
  updated_at: 'timestamptz',
  recorded_at: 'timestamptz',
};

/** The binary form of each column of {@link SEED_TABLES}, in order (a test checks them against the schema). */
export const COLUMN_TYPES = Object.fromEntries(
  SEED_TABLE_NAMES.map((table) => [
    table,
    SEED_TABLES[table].columns.map((column: string) => TYPE_OF_COLUMN[column] ?? 'text'),
  ]),
) as unknown as Record<SeedTable, readonly ColumnType[]>;

/** A value of a seeded column: text, a number, or null (SQL NULL). */
export type SeedValue = string | number | null;

/** Receives the generated rows, table by table, in the column order of {@link SEED_TABLES}. */
export interface RowSink {
  add(table: SeedTable, values: readonly SeedValue[]): void;
}

/** Counts rows per table. */
export type RowCounts = Record<SeedTable, number>;

export function emptyCounts(): RowCounts {
  return { person: 0, familyLink: 0, household: 0, member: 0, residence: 0, card: 0 };
}

/**
 * A slice of the population per table, ready for one `COPY` each: binary `COPY` input (a whole one, header
 * and trailer included), or CSV text.
 */
export type Chunk = Partial<Record<SeedTable, Uint8Array | string>>;

/** The form of a run's chunks: binary for loading, CSV for a file of rows (the benchmark's baseline). */
export type ChunkFormat = 'binary' | 'csv';

/** About 8 MiB per chunk: large enough that a statement's overhead vanishes, small enough to keep. */
export const CHUNK_BYTES = 8 * 1024 * 1024;

/** One table's rows of the chunk being built. */
interface TableRows {
  add(values: readonly SeedValue[]): void;
  /** Bytes (binary) or characters (CSV) so far. */
  readonly size: number;
  readonly empty: boolean;
  take(): Uint8Array | string;
}

/** Collects rows per table until there is a chunk's worth. */
export class ChunkBuilder implements RowSink {
  readonly counts = emptyCounts();
  readonly #tables: Record<SeedTable, TableRows>;
  #limit: number;

  /**
   * The first chunk is a sixteenth of `chunkBytes` and each next one twice the last, up to `chunkBytes`: the
   * database waits for the first chunk with nothing to do, so it comes soon (a full one took half a second
   * to generate, as long as starting the generation worker).
   */
  constructor(
    private readonly chunkBytes = CHUNK_BYTES,
    format: ChunkFormat = 'binary',
  ) {
    this.#limit = Math.max(1, Math.floor(chunkBytes / 16));
    const rows = (table: SeedTable): TableRows =>
      format === 'binary' ? new BinaryRows(COLUMN_TYPES[table]) : new CsvRows(FREE_TEXT[table]);
    this.#tables = Object.fromEntries(SEED_TABLE_NAMES.map((table) => [table, rows(table)])) as Record<
      SeedTable,
      TableRows
    >;
  }

  add(table: SeedTable, values: readonly SeedValue[]): void {
    this.#tables[table].add(values);
    this.counts[table]++;
  }

  get full(): boolean {
    let size = 0;
    for (const table of SEED_TABLE_NAMES) size += this.#tables[table].size;
    return size >= this.#limit;
  }

  get empty(): boolean {
    return SEED_TABLE_NAMES.every((table) => this.#tables[table].empty);
  }

  /** The rows collected so far, emptying the builder. */
  take(): Chunk {
    const chunk: Chunk = {};
    for (const table of SEED_TABLE_NAMES) {
      if (!this.#tables[table].empty) chunk[table] = this.#tables[table].take();
    }
    this.#limit = Math.min(this.chunkBytes, this.#limit * 2);
    return chunk;
  }
}

/** Lines are joined into pieces of about 64 KiB as they come, so that they die young (cheap to collect). */
const PIECE_CHARS = 64 * 1024;

/** A table's rows as CSV lines. */
class CsvRows implements TableRows {
  #lines: string[] = [];
  #chars = 0;
  #pieces: string[] = [];
  size = 0;

  constructor(private readonly freeText: readonly boolean[]) {}

  get empty(): boolean {
    return this.size === 0;
  }

  add(values: readonly SeedValue[]): void {
    const line = csvFields(values, this.freeText);
    this.#lines.push(line);
    this.#chars += line.length + 1;
    this.size += line.length + 1;
    if (this.#chars >= PIECE_CHARS) {
      this.#pieces.push(linesOf(this.#lines));
      this.#lines = [];
      this.#chars = 0;
    }
  }

  take(): string {
    if (this.#lines.length > 0) this.#pieces.push(linesOf(this.#lines));
    const text = this.#pieces.join('');
    this.#lines = [];
    this.#chars = 0;
    this.#pieces = [];
    this.size = 0;
    return text;
  }
}

/** Columns whose text may hold a comma, a quote or a line break; the others hold codes, ids and dates. */
const FREE_TEXT_COLUMNS = new Set([
  'family_name',
  'middle_name',
  'given_name',
  'full_name',
  'folded_name',
  'place_of_birth',
  'hometown',
  'email',
  'address_line',
  'reason',
  'issuing_authority',
]);
const FREE_TEXT = Object.fromEntries(
  SEED_TABLE_NAMES.map((table) => [table, SEED_TABLES[table].columns.map((column) => FREE_TEXT_COLUMNS.has(column))]),
) as unknown as Record<SeedTable, readonly boolean[]>;
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One CSV line without its line break, as the db's `csvLine` writes it (NULL unquoted and empty, the empty
 * string `""`, quotes where needed), looking for characters to quote only in the free-text columns: the seed
 * writes tens of millions of rows, and the general encoder was half of its time (a test checks the two agree).
 * The values are joined by `Array.prototype.join` (null as nothing, numbers as JavaScript writes them), which
 * gives one flat string; adding field after field built a string of pieces, and flattening those into a chunk
 * was a third of the generator's time. Only the values that need it are rewritten first, in a copy: the empty
 * string, and free text holding a comma, a quote or a line break.
 */
export function csvFields(values: readonly SeedValue[], freeText: readonly boolean[]): string {
  let written: SeedValue[] | undefined;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (typeof value !== 'string') continue;
    let field: string | undefined;
    if (value === '') field = '""';
    else if (freeText[i] && NEEDS_QUOTES.test(value)) field = `"${value.replaceAll('"', '""')}"`;
    if (field === undefined) continue;
    written ??= values.slice();
    written[i] = field;
  }
  return (written ?? values).join(',');
}

/** Lines, each ended by a line break, as one string. */
function linesOf(lines: readonly string[]): string {
  return `${lines.join('\n')}\n`;
}
