/**
 * Rows in PostgreSQL's binary `COPY` format ("COPY", File Formats, Binary Format): a signature and header,
 * then per row a field count and each field's length and bytes in the column type's binary form, then a
 * trailer. The server parses no text: a date is four bytes, an id eight, text its UTF-8 bytes. Loading the
 * seed's person rows took PostgreSQL 5.1 s from this form against 8.0–10.6 s from CSV (1,000,000 rows, no
 * indexes, the server reading a file), and the seed's load is PostgreSQL's parsing and the generator sharing
 * two cores.
 */
import { dayOf, isoOf } from './days.ts';

/** The binary forms the seeded columns need; `text` also serves `char(n)`, whose binary form is its text. */
export type ColumnType = 'int8' | 'text' | 'date' | 'timestamptz';

/** The 11-byte signature, the flags (no OIDs) and an empty header extension. */
const HEADER = Uint8Array.from([
  0x50, 0x47, 0x43, 0x4f, 0x50, 0x59, 0x0a, 0xff, 0x0d, 0x0a, 0x00, 0, 0, 0, 0, 0, 0, 0, 0,
]);
const TRAILER = Uint8Array.from([0xff, 0xff]);
/** 1970-01-01 to 2000-01-01, PostgreSQL's epoch for dates and timestamps. */
const EPOCH_DAYS = 10_957;
const EPOCH_MS = EPOCH_DAYS * 86_400_000;
const TWO_32 = 2 ** 32;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}[+-]\d{2}$/;

/** One table's rows of a chunk, in a buffer that grows as they come; `take()` gives the whole `COPY` input. */
export class BinaryRows {
  #buffer: Buffer;
  #view: DataView;
  #length: number;
  /** The last timestamp written and its microseconds (the seed writes one record time throughout). */
  #stamp: { text: string; micros: number } | undefined;

  constructor(
    private readonly types: readonly ColumnType[],
    private readonly initialBytes = 64 * 1024,
  ) {
    this.#buffer = Buffer.allocUnsafeSlow(Math.max(initialBytes, HEADER.length + TRAILER.length));
    this.#view = new DataView(this.#buffer.buffer, this.#buffer.byteOffset, this.#buffer.byteLength);
    this.#length = 0;
    this.#reset();
  }

  /** Bytes written so far (header included). */
  get size(): number {
    return this.#length;
  }

  /** Whether no row was added since the last `take()`. */
  get empty(): boolean {
    return this.#length === HEADER.length;
  }

  /**
   * Adds a row: a value per column type, `null` for SQL NULL; numbers for `int8`, `YYYY-MM-DD` for dates,
   * `YYYY-MM-DD HH:MM:SS±HH` for times. A value that cannot be written throws, and the row is not added.
   */
  add(values: readonly (string | number | null)[]): void {
    const count = values.length;
    if (count !== this.types.length) throw new RangeError(`a row of ${this.types.length} values, not ${count}`);
    const start = this.#length;
    try {
      this.#row(values, count);
    } catch (error) {
      this.#length = start;
      throw error;
    }
  }

  #row(values: readonly (string | number | null)[], count: number): void {
    this.#reserve(2 + count * 12);
    this.#view.setInt16(this.#length, count);
    this.#length += 2;
    for (let i = 0; i < count; i++) {
      const value = values[i] as string | number | null;
      // The row's start reserved 12 bytes a field, the most any field but text takes; text reserves its own.
      if (value === null) {
        this.#view.setInt32(this.#length, -1);
        this.#length += 4;
        continue;
      }
      switch (this.types[i]) {
        case 'int8':
          this.#int8(Number(value));
          break;
        case 'date':
          this.#view.setInt32(this.#length, 4);
          this.#view.setInt32(this.#length + 4, daysSince2000(String(value)));
          this.#length += 8;
          break;
        case 'timestamptz':
          this.#int8(this.#micros(String(value)));
          break;
        default:
          this.#text(typeof value === 'string' ? value : String(value), count);
      }
    }
  }

  /** The rows so far as one binary `COPY` input (header, rows, trailer); starts again empty. */
  take(): Uint8Array {
    this.#reserve(TRAILER.length);
    this.#buffer.set(TRAILER, this.#length);
    const rows = this.#buffer.subarray(0, this.#length + TRAILER.length);
    this.#buffer = Buffer.allocUnsafeSlow(Math.max(this.initialBytes, this.#buffer.byteLength));
    this.#view = new DataView(this.#buffer.buffer, this.#buffer.byteOffset, this.#buffer.byteLength);
    this.#reset();
    return rows;
  }

  #reset(): void {
    this.#buffer.set(HEADER, 0);
    this.#length = HEADER.length;
  }

  /** An eight-byte integer from a safe JavaScript integer, high word first. */
  #int8(value: number): void {
    if (!Number.isSafeInteger(value)) throw new RangeError(`not an integer: ${value}`);
    this.#view.setInt32(this.#length, 8);
    this.#view.setInt32(this.#length + 4, Math.floor(value / TWO_32));
    this.#view.setUint32(this.#length + 8, value >>> 0);
    this.#length += 12;
  }

  #text(value: string, fields: number): void {
    this.#reserve(4 + value.length * 3 + fields * 12);
    const written = this.#buffer.write(value, this.#length + 4, 'utf8');
    this.#view.setInt32(this.#length, written);
    this.#length += 4 + written;
  }

  #micros(text: string): number {
    if (this.#stamp?.text !== text) {
      const ms = TIMESTAMP.test(text) ? Date.parse(`${text.replace(' ', 'T')}:00`) : Number.NaN;
      if (Number.isNaN(ms)) throw new RangeError(`not a timestamp: ${text}`);
      this.#stamp = { text, micros: (ms - EPOCH_MS) * 1000 };
    }
    return this.#stamp.micros;
  }

  #reserve(bytes: number): void {
    if (this.#length + bytes <= this.#buffer.byteLength) return;
    let size = this.#buffer.byteLength * 2;
    while (size < this.#length + bytes) size *= 2;
    const grown = Buffer.allocUnsafeSlow(size);
    this.#buffer.copy(grown, 0, 0, this.#length);
    this.#buffer = grown;
    this.#view = new DataView(grown.buffer, grown.byteOffset, grown.byteLength);
  }
}

/** The days of the texts seen, at most one entry per calendar day written (1890–2200: some 113,000). */
const DAYS = new Map<string, number>();

/** Days from 2000-01-01 to a `YYYY-MM-DD` day; refuses text that is not a calendar day so written. */
export function daysSince2000(text: string): number {
  const known = DAYS.get(text);
  if (known !== undefined) return known;
  const day = dayOf(text);
  if (Number.isNaN(day) || isoOf(day) !== text) throw new RangeError(`not a day: ${text}`);
  DAYS.set(text, day - EPOCH_DAYS);
  return day - EPOCH_DAYS;
}
