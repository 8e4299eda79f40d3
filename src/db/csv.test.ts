import { describe, expect, it } from 'vitest';
import { csvLine } from './csv.ts';

describe('csvLine', () => {
  it('keeps NULL and the empty string apart', () => {
    expect(csvLine([null, undefined, ''])).toBe(',,""\n');
  });

  it('quotes commas, quotes and line breaks', () => {
    expect(csvLine(['a,b', 'say "hi"', 'two\nlines'])).toBe('"a,b","say ""hi""","two\nlines"\n');
  });

  it('writes booleans, numbers and instants as PostgreSQL reads them', () => {
    expect(csvLine([true, false, 42, 10n, new Date('2025-07-01T00:00:00Z')])).toBe(
      't,f,42,10,2025-07-01T00:00:00.000Z\n',
    );
  });
});
