/**
 * A streaming CSV reader (RFC 4180): text goes in piece by piece, wherever the pieces are cut, and records come
 * out with the line they start on. A record that breaks the quoting rules is reported and skipped to the end of
 * its line, so one bad row never stops the file; memory stays bounded by the longest record allowed.
 */

/** Why a record cannot be read at all. */
export type CsvRecordError = 'ROW_BAD_QUOTING' | 'ROW_TOO_LONG';

/** A record: its fields, or why it cannot be read. `line` is the physical line it starts on (from 1). */
export type CsvRecord =
  | { readonly line: number; readonly fields: string[]; readonly error?: undefined }
  | { readonly line: number; readonly fields?: undefined; readonly error: CsvRecordError };

type State = 'start' | 'unquoted' | 'quoted' | 'quote' | 'skip';

/**
 * RFC 4180 with the usual latitude: `\n` or `\r\n` ends a record; fields may be quoted, with `""` for a quote;
 * a quoted field may hold commas, and line breaks when `multiline` is set. Refused as `ROW_BAD_QUOTING`: a quote inside an unquoted
 * field, anything but a comma or line end after a closing quote, a quote left open at the end of the input.
 * Blank lines are not records.
 * @example
 * const reader = new CsvReader(10_000, true);
 * reader.push('a,"b\n'); // []
 * reader.push('c"\n');   // [{ line: 1, fields: ['a', 'b\nc'] }]
 */
export class CsvReader {
  #state: State = 'start';
  #fields: string[] = [];
  #field = '';
  #length = 0;
  #line = 1;
  #recordLine = 1;
  #error: CsvRecordError | undefined;
  #pendingCr = false;

  /**
   * @param maxRecordChars a longer record is `ROW_TOO_LONG` (its line is skipped).
   * @param multiline whether a quoted field may hold line breaks (RFC 4180 allows it). Without, a quote left
   *   open makes its own line unreadable instead of swallowing the lines after it.
   */
  constructor(
    readonly maxRecordChars = 10_000,
    readonly multiline = false,
  ) {}

  /**
   * Reads a piece of text; returns the records it completed. A run of ordinary characters inside a field is
   * taken as one slice rather than character by character (a field built a character at a time made most
   * of an upload's garbage); quotes, commas and line ends go through the state machine one by one.
   */
  push(text: string): CsvRecord[] {
    const out: CsvRecord[] = [];
    for (let i = 0; i < text.length; i++) {
      const state = this.#state;
      if (!this.#pendingCr && (state === 'start' || state === 'unquoted' || state === 'quoted')) {
        const end = runEnd(text, i, state === 'quoted');
        if (end > i) {
          this.#take(text.slice(i, end));
          i = end - 1;
          continue;
        }
      }
      this.#char(text[i] as string, out);
    }
    return out;
  }

  /** Ends the input; returns the last record, if any. */
  end(): CsvRecord[] {
    const out: CsvRecord[] = [];
    if (this.#pendingCr) {
      this.#pendingCr = false;
      this.#field += '\r';
    }
    if (this.#state === 'quoted') this.#fail('ROW_BAD_QUOTING');
    if (this.#state === 'skip') this.#emitError(out);
    else if (this.#state !== 'start' || this.#fields.length > 0) this.#emitRecord(out);
    return out;
  }

  #char(c: string, out: CsvRecord[]): void {
    if (this.#pendingCr) {
      this.#pendingCr = false;
      if (c !== '\n') this.#append('\r');
    }
    if (this.#state !== 'skip' && ++this.#length > this.maxRecordChars) this.#fail('ROW_TOO_LONG');
    switch (this.#state) {
      case 'start':
        if (c === '"') this.#state = 'quoted';
        else if (c === ',') this.#fields.push('');
        else if (c === '\r') this.#pendingCr = true;
        else if (c === '\n') this.#newline(out, this.#fields.length > 0);
        else {
          this.#field = c;
          this.#state = 'unquoted';
        }
        return;
      case 'unquoted':
        if (c === ',') this.#endField('start');
        else if (c === '\r') this.#pendingCr = true;
        else if (c === '\n') this.#newline(out, true);
        else if (c === '"') this.#fail('ROW_BAD_QUOTING');
        else this.#field += c;
        return;
      case 'quoted':
        if (c === '"') this.#state = 'quote';
        else if (c === '\n' && !this.multiline) {
          this.#fail('ROW_BAD_QUOTING');
          this.#emitError(out);
          this.#line++;
        } else {
          if (c === '\n') this.#line++;
          this.#field += c;
        }
        return;
      case 'quote':
        if (c === '"') {
          this.#field += '"';
          this.#state = 'quoted';
        } else if (c === ',') this.#endField('start');
        else if (c === '\r') this.#pendingCr = true;
        else if (c === '\n') this.#newline(out, true);
        else this.#fail('ROW_BAD_QUOTING');
        return;
      case 'skip':
        if (c === '\n') {
          this.#emitError(out);
          this.#line++;
        }
        return;
    }
  }

  /** Ordinary characters of a field, as {@link #char} would add them one by one. */
  #take(run: string): void {
    this.#length += run.length;
    // Past the limit the record is skipped to its line's end, which a run never holds.
    if (this.#length > this.maxRecordChars) {
      this.#fail('ROW_TOO_LONG');
      return;
    }
    if (this.#state === 'start') this.#state = 'unquoted';
    this.#field += run;
  }

  #append(c: string): void {
    if (this.#state === 'start') this.#state = 'unquoted';
    this.#field += c;
  }

  #endField(next: State): void {
    this.#fields.push(this.#field);
    this.#field = '';
    this.#state = next;
  }

  /** A line break outside quotes: the end of a record, or a blank line. */
  #newline(out: CsvRecord[], isRecord: boolean): void {
    if (isRecord) this.#emitRecord(out);
    else this.#reset();
    this.#line++;
    this.#recordLine = this.#line;
  }

  #emitRecord(out: CsvRecord[]): void {
    this.#fields.push(this.#field);
    out.push({ line: this.#recordLine, fields: this.#fields });
    this.#reset();
  }

  #emitError(out: CsvRecord[]): void {
    out.push({ line: this.#recordLine, error: this.#error ?? 'ROW_BAD_QUOTING' });
    this.#reset();
    this.#recordLine = this.#line + 1;
  }

  #fail(error: CsvRecordError): void {
    this.#error = error;
    this.#state = 'skip';
    this.#fields = [];
    this.#field = '';
  }

  #reset(): void {
    this.#fields = [];
    this.#field = '';
    this.#length = 0;
    this.#error = undefined;
    this.#state = 'start';
  }
}

const COMMA = 44;
const QUOTE = 34;
const CR = 13;
const LF = 10;

/**
 * Where the run of ordinary characters starting at `from` ends: at the next quote or line feed inside quotes,
 * at the next comma, quote, carriage return or line feed outside them.
 */
function runEnd(text: string, from: number, quoted: boolean): number {
  let i = from;
  if (quoted) {
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === QUOTE || c === LF) break;
    }
  } else {
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === COMMA || c === QUOTE || c === CR || c === LF) break;
    }
  }
  return i;
}
