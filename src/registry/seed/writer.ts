/**
 * Where the generated rows go: CSV lines for `COPY`, gathered per table into chunks of a few megabytes, each
 * loaded with one `COPY` per table, so a run of any size keeps only a chunk or two in memory.
 */

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

/**
 * How many of a table's last columns hold the run's record time (`created_at`, `updated_at`, `recorded_at`),
 * the same value in every row. Loading an empty registry, the seed leaves them out of its lines and lets the
 * columns' defaults, set to that time for the load, fill them in (copy.ts): about five timestamps a person
 * that PostgreSQL no longer parses, a sixth of the bytes.
 */
export const STAMPED: Record<SeedTable, number> = {
  person: 2,
  familyLink: 1,
  household: 1,
  member: 0,
  residence: 1,
  card: 0,
};

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

/** A slice of the population as CSV text per table, ready for one `COPY` each. */
export type Chunk = Partial<Record<SeedTable, string>>;

/** About 8 MiB of CSV per chunk: large enough that a statement's overhead vanishes, small enough to keep. */
export const CHUNK_CHARS = 8 * 1024 * 1024;

/** Lines are joined into pieces of about 64 KiB as they come, so that they die young (cheap to collect). */
const PIECE_CHARS = 64 * 1024;

/** Collects rows as CSV lines until there is a chunk's worth. */
export class ChunkBuilder implements RowSink {
  readonly counts = emptyCounts();
  readonly #tables = new Map<SeedTable, { lines: string[]; chars: number; pieces: string[] }>(
    SEED_TABLE_NAMES.map((table) => [table, { lines: [], chars: 0, pieces: [] }]),
  );
  #chars = 0;
  #limit: number;

  /**
   * The first chunk is a sixteenth of `chunkChars` and each next one twice the last, up to `chunkChars`: the
   * database waits for the first chunk with nothing to do, so it comes soon (a full one took half a second
   * to generate, as long as starting the generation worker).
   */
  constructor(
    private readonly chunkChars = CHUNK_CHARS,
    /** Leave the stamped columns out of the lines ({@link STAMPED}). */
    private readonly stampsByDefault = false,
  ) {
    this.#limit = Math.max(1, Math.floor(chunkChars / 16));
  }

  add(table: SeedTable, values: readonly SeedValue[]): void {
    const stamped = this.stampsByDefault ? STAMPED[table] : 0;
    const line = csvFields(stamped > 0 ? values.slice(0, -stamped) : values, FREE_TEXT[table]);
    const buffer = this.#tables.get(table) as { lines: string[]; chars: number; pieces: string[] };
    buffer.lines.push(line);
    buffer.chars += line.length + 1;
    if (buffer.chars >= PIECE_CHARS) {
      buffer.pieces.push(linesOf(buffer.lines));
      buffer.lines = [];
      buffer.chars = 0;
    }
    this.#chars += line.length + 1;
    this.counts[table]++;
  }

  get full(): boolean {
    return this.#chars >= this.#limit;
  }

  get empty(): boolean {
    return this.#chars === 0;
  }

  /** The rows collected so far, emptying the builder. */
  take(): Chunk {
    const chunk: Chunk = {};
    for (const [table, buffer] of this.#tables) {
      if (buffer.lines.length > 0) buffer.pieces.push(linesOf(buffer.lines));
      if (buffer.pieces.length > 0) chunk[table] = buffer.pieces.join('');
      buffer.lines = [];
      buffer.chars = 0;
      buffer.pieces = [];
    }
    this.#chars = 0;
    this.#limit = Math.min(this.chunkChars, this.#limit * 2);
    return chunk;
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
