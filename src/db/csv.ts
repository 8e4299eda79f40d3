/** A value that can go into a CSV row for `COPY … WITH (FORMAT csv)`. */
export type CsvValue = string | number | bigint | boolean | Date | null | undefined;

const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One CSV line (with its newline) in the form PostgreSQL's `COPY … (FORMAT csv)` reads: `null` and
 * `undefined` become an unquoted empty field (SQL NULL), an empty string a quoted `""`, booleans `t`/`f`,
 * dates ISO 8601.
 */
export function csvLine(values: readonly CsvValue[]): string {
  return `${values.map(csvField).join(',')}\n`;
}

function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (value instanceof Date) return value.toISOString();
  const text = String(value);
  if (text === '' || NEEDS_QUOTES.test(text)) return `"${text.replaceAll('"', '""')}"`;
  return text;
}
