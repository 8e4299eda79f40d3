import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvLine } from '../../db/index.ts';
import { CsvReader, type CsvRecord } from './csv-reader.ts';
import { checkTypesOfColumns, readHeader, readRow } from './rows.ts';

function readAll(pieces: readonly string[], max?: number, multiline = true): CsvRecord[] {
  const reader = new CsvReader(max, multiline);
  return [...pieces.flatMap((piece) => reader.push(piece)), ...reader.end()];
}

describe('the CSV reader', () => {
  it('reads quoted fields with commas, quotes and line breaks, and numbers records by their first line', () => {
    expect(readAll(['a,"b,c"\r\n"say ""hi""",x\n"two\nlines",y\nlast,row'])).toEqual([
      { line: 1, fields: ['a', 'b,c'] },
      { line: 2, fields: ['say "hi"', 'x'] },
      { line: 3, fields: ['two\nlines', 'y'] },
      { line: 5, fields: ['last', 'row'] },
    ]);
  });

  it('reports bad quoting with its line and goes on with the next line', () => {
    expect(readAll(['ok,1\nbad"quote,2\n"closed"junk,3\n\nfine,4\n"never closed,5'])).toEqual([
      { line: 1, fields: ['ok', '1'] },
      { line: 2, error: 'ROW_BAD_QUOTING' },
      { line: 3, error: 'ROW_BAD_QUOTING' },
      { line: 5, fields: ['fine', '4'] },
      { line: 6, error: 'ROW_BAD_QUOTING' },
    ]);
  });

  it('without multiline fields, lets an unclosed quote spoil its own line only', () => {
    expect(readAll(['a,"open\r\nb,2\n"x\ny\n'], undefined, false)).toEqual([
      { line: 1, error: 'ROW_BAD_QUOTING' },
      { line: 2, fields: ['b', '2'] },
      { line: 3, error: 'ROW_BAD_QUOTING' },
      { line: 4, fields: ['y'] },
    ]);
  });

  it('refuses a record longer than the limit and resumes at the next line', () => {
    expect(readAll([`"${'x'.repeat(50)}\nnext,1\n`], 20)).toEqual([
      { line: 1, error: 'ROW_TOO_LONG' },
      { line: 2, fields: ['next', '1'] },
    ]);
  });

  it('refuses an unquoted field that runs past the limit, and resumes at the next line', () => {
    const long = `a,${'x'.repeat(30)},b\nnext,1\n`;
    for (const pieces of [[long], [...long], [long.slice(0, 7), long.slice(7)]]) {
      expect(readAll(pieces, 20)).toEqual([
        { line: 1, error: 'ROW_TOO_LONG' },
        { line: 2, fields: ['next', '1'] },
      ]);
    }
  });

  it('reads any text, well formed or not, the same whole as a character at a time (property)', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'Đ', ',', '"', '\n', '\r', ' ', 'ệ'), maxLength: 60 });
    fc.assert(
      fc.property(text, fc.boolean(), (input, multiline) => {
        const whole = readAll([input], 12, multiline);
        expect(readAll([...input], 12, multiline)).toEqual(whole);
      }),
    );
  });

  it('reads the same records however the text is cut (property)', () => {
    const field = fc.string({ unit: fc.constantFrom('a', 'Đ', ',', '"', '\n', ' ', 'ệ') });
    fc.assert(
      fc.property(
        fc.array(fc.array(field, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 8 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        (records, cuts) => {
          const text = records.map((fields) => csvLine(fields)).join('');
          const points = [...new Set(cuts.map((cut) => cut % (text.length + 1)))].sort((a, b) => a - b);
          const pieces = [0, ...points].map((start, i) => text.slice(start, [...points, text.length][i]));
          const read = readAll(pieces);
          expect(read.map((record) => record.fields)).toEqual(records);
        },
      ),
    );
  });
});

describe('a batch row', () => {
  const columns = readHeader(['personalId', 'fullName', 'birthDate', 'cardNumber']);

  it('needs a header naming known columns, each once, with personalId', () => {
    expect(() => readHeader(['fullName'])).toThrow(expect.objectContaining({ code: 'BATCH_HEADER_INVALID' }));
    expect(() => readHeader(['personalId', 'nickname'])).toThrow(
      expect.objectContaining({ code: 'BATCH_HEADER_INVALID' }),
    );
    expect(() => readHeader(['personalId', 'personalId'])).toThrow(
      expect.objectContaining({ code: 'BATCH_HEADER_INVALID' }),
    );
    expect(readHeader(['\uFEFFpersonalId', ' phone '])).toEqual(['personalId', 'phone']);
    expect(checkTypesOfColumns(columns)).toEqual(['identity', 'card']);
    expect(checkTypesOfColumns(['personalId'])).toEqual(['identity']);
  });

  it('is refused with a stable code for a wrong column count, an invalid ID, date or field', () => {
    expect(readRow(columns, ['001090012345', 'A'])).toMatchObject({ error: 'ROW_WRONG_COLUMN_COUNT' });
    expect(readRow(columns, ['12345', 'A', '', ''])).toMatchObject({ error: 'INVALID_PERSONAL_ID' });
    expect(readRow(columns, ['', 'A', '', ''])).toMatchObject({ error: 'INVALID_PERSONAL_ID' });
    expect(readRow(columns, ['001090012345', 'A', '1990-02-30', ''])).toMatchObject({
      error: 'INVALID_DATE',
      column: 'birthDate',
    });
    expect(readRow(columns, ['001090012345', 'A', '17/05/1990', ''])).toMatchObject({
      error: 'INVALID_DATE',
      column: 'birthDate',
    });
    expect(readRow(columns, ['001090012345', 'A', '1990', '12ab'])).toMatchObject({
      error: 'INVALID_FIELD',
      column: 'cardNumber',
    });
    // The calendar's own rules: leap years (2000 is one, 1900 is not), months of 30 days, month 13.
    const birthDate = (day: string) => readRow(columns, ['001090012345', 'A', day, '']).error;
    expect(birthDate('2000-02-29')).toBeUndefined();
    expect(birthDate('1996-02-29')).toBeUndefined();
    expect(birthDate('1900-02-29')).toBe('INVALID_DATE');
    expect(birthDate('1990-02-29')).toBe('INVALID_DATE');
    expect(birthDate('1990-04-31')).toBe('INVALID_DATE');
    expect(birthDate('1990-12-31')).toBeUndefined();
    expect(birthDate('1990-13')).toBe('INVALID_DATE');
    expect(birthDate('1990-00-10')).toBe('INVALID_DATE');
    expect(birthDate('1990-01-00')).toBe('INVALID_DATE');
    expect(readRow(columns, ['001090012345', ' Nguyễn Văn A ', '1990-05', ''])).toEqual({
      declared: { personalId: '001090012345', fullName: 'Nguyễn Văn A', birthDate: '1990-05' },
    });
  });
});
