import { describe, expect, it } from 'vitest';
import { csvLine } from './csv.ts';
import { lastRowEnd } from './pglite.ts';

describe('lastRowEnd (where a COPY batch may be cut)', () => {
  it('finds the last newline outside quotes', () => {
    const rows = csvLine([1, 'a']) + csvLine([2, 'two\nlines']);
    expect(lastRowEnd(rows)).toBe(rows.length - 1);
    expect(lastRowEnd(`${rows}3,"unfinished\n`)).toBe(rows.length - 1);
  });

  it('never cuts inside a quoted field, doubled quotes included', () => {
    const text = `${csvLine([1, 'say "hi"\nthen go'])}2,"half`;
    const end = lastRowEnd(text);
    expect(text.slice(0, end + 1)).toBe(csvLine([1, 'say "hi"\nthen go']));
  });

  it('answers -1 when no row has ended', () => {
    expect(lastRowEnd('1,"no end\nyet')).toBe(-1);
    expect(lastRowEnd('')).toBe(-1);
  });
});
