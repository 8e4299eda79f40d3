import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from './errors.ts';
import {
  birthProvinceCodes,
  checkPersonalIdConsistency,
  decodePersonalId,
  formatPersonalId,
  generatePersonalId,
  isBirthProvinceCode,
  maskPersonalId,
  type PersonalIdRejection,
  parsePersonalId,
  type Sex,
  tryParsePersonalId,
} from './personal-id.ts';

const provinceCodes = [...birthProvinceCodes().keys()];
const digits = (min: number, max: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });

/** The `reason` of the INVALID_PERSONAL_ID error `action` throws, or a failure when it throws something else. */
function rejectionOf(action: () => unknown): PersonalIdRejection | undefined {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('INVALID_PERSONAL_ID');
    return (error as DomainError).details?.reason as PersonalIdRejection;
  }
  return undefined;
}

/** A random source that replays `values`, for repeatable generation. */
function replay(values: readonly number[]): () => number {
  let i = 0;
  return () => values[i++ % values.length] ?? 0;
}

describe('the birth-province table', () => {
  it('holds the 63 pre-2025 provinces with three-digit codes and NFC names', () => {
    expect(birthProvinceCodes().size).toBe(63);
    for (const [code, name] of birthProvinceCodes()) {
      expect(code).toMatch(/^0\d\d$/);
      expect(name.normalize('NFC')).toBe(name);
    }
    expect(birthProvinceCodes().get('001')).toBe('Hà Nội');
    expect(birthProvinceCodes().get('079')).toBe('TP Hồ Chí Minh');
    expect(birthProvinceCodes().get('096')).toBe('Cà Mau');
  });

  it('does not know codes that were never assigned', () => {
    expect(isBirthProvinceCode('003')).toBe(false);
    expect(isBirthProvinceCode('100')).toBe(false);
  });
});

describe('parsePersonalId', () => {
  it('accepts a well-formed number and trims surrounding whitespace', () => {
    expect(parsePersonalId(' \t001095012345\n')).toBe('001095012345');
  });

  it('rejects every wrong length of digits with reason "length"', () => {
    fc.assert(
      fc.property(fc.oneof(digits(0, 11), digits(13, 20)), (input) => {
        expect(rejectionOf(() => parsePersonalId(input))).toBe('length');
      }),
    );
  });

  it('rejects a non-digit character at any position with reason "non_digit"', () => {
    const nonDigit = fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }).filter((c) => !/[0-9\s]/.test(c));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 11 }), nonDigit, (position, char) => {
        const input = `001095012345`.slice(0, position) + char + `001095012345`.slice(position + 1);
        expect(rejectionOf(() => parsePersonalId(input))).toBe('non_digit');
      }),
    );
  });

  it('rejects inner spaces and dashes rather than guessing', () => {
    expect(rejectionOf(() => parsePersonalId('001 095 012345'))).toBe('non_digit');
    expect(rejectionOf(() => parsePersonalId('001-095-012345'))).toBe('non_digit');
  });

  it('rejects every three-digit code not in the table with reason "unknown_province"', () => {
    let rejected = 0;
    for (let code = 0; code < 1000; code++) {
      const ppp = String(code).padStart(3, '0');
      if (isBirthProvinceCode(ppp)) continue;
      expect(rejectionOf(() => parsePersonalId(`${ppp}095012345`))).toBe('unknown_province');
      rejected++;
    }
    expect(rejected).toBe(1000 - 63);
  });

  it('rejects a century digit of 6–9 (births from 2200) with reason "century" and accepts 0–5', () => {
    fc.assert(
      fc.property(fc.constantFrom(...provinceCodes), fc.integer({ min: 0, max: 9 }), digits(8, 8), (ppp, g, rest) => {
        const input = `${ppp}${g}${rest}`;
        if (g <= 5) expect(parsePersonalId(input)).toBe(input);
        else expect(rejectionOf(() => parsePersonalId(input))).toBe('century');
      }),
    );
  });

  it('never puts the number into the error message or details', () => {
    const input = '999095012345';
    try {
      parsePersonalId(input);
      expect.unreachable();
    } catch (error) {
      expect((error as DomainError).message).not.toContain(input);
      expect(JSON.stringify((error as DomainError).details)).not.toContain('999');
    }
  });
});

describe('tryParsePersonalId', () => {
  it('returns the branded number or undefined', () => {
    expect(tryParsePersonalId('079301000123')).toBe('079301000123');
    expect(tryParsePersonalId('07930100012')).toBeUndefined();
  });
});

describe('decodePersonalId', () => {
  it('reads province, birth year, sex and serial', () => {
    expect(decodePersonalId(parsePersonalId('079301000123'))).toEqual({
      provinceCode: '079',
      centuryDigit: 3,
      birthYear: 2001,
      sex: 'female',
      serial: '000123',
    });
    expect(decodePersonalId(parsePersonalId('001099123456'))).toMatchObject({ birthYear: 1999, sex: 'male' });
    expect(decodePersonalId(parsePersonalId('001500000001'))).toMatchObject({ birthYear: 2100, sex: 'female' });
  });
});

describe('generatePersonalId', () => {
  const person = fc.record({
    provinceCode: fc.constantFrom(...provinceCodes),
    birthYear: fc.integer({ min: 1900, max: 2199 }),
    sex: fc.constantFrom<Sex>('male', 'female'),
  });
  const randoms = fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), {
    minLength: 1,
    maxLength: 6,
  });

  it('makes a number that parses and decodes back to the same province, year and sex', () => {
    fc.assert(
      fc.property(person, randoms, (p, values) => {
        const decoded = decodePersonalId(parsePersonalId(generatePersonalId(replay(values), p)));
        expect(decoded).toMatchObject({ provinceCode: p.provinceCode, birthYear: p.birthYear, sex: p.sex });
        expect(decoded.serial).toMatch(/^\d{6}$/);
      }),
    );
  });

  it('round-trips every province code', () => {
    for (const provinceCode of provinceCodes) {
      const id = generatePersonalId(Math.random, { provinceCode, birthYear: 2025, sex: 'female' });
      expect(decodePersonalId(parsePersonalId(id)).provinceCode).toBe(provinceCode);
    }
  });

  it('takes its serial from the injected random source', () => {
    const id = generatePersonalId(replay([0.1, 0.2, 0.3, 0.4, 0.5, 0.99]), {
      provinceCode: '001',
      birthYear: 2025,
      sex: 'female',
    });
    expect(id).toBe('001325123459');
  });

  it('refuses an unknown province and a birth year outside 1900–2199', () => {
    const base = { provinceCode: '001', birthYear: 2000, sex: 'male' } as const;
    expect(rejectionOf(() => generatePersonalId(Math.random, { ...base, provinceCode: '003' }))).toBe(
      'unknown_province',
    );
    for (const birthYear of [1899, 2200, 2000.5]) {
      expect(rejectionOf(() => generatePersonalId(Math.random, { ...base, birthYear }))).toBe('century');
    }
  });

  it('refuses a random source that leaves [0, 1)', () => {
    expect(() => generatePersonalId(() => 1, { provinceCode: '001', birthYear: 2000, sex: 'male' })).toThrow(
      RangeError,
    );
  });
});

describe('checkPersonalIdConsistency', () => {
  const id = parsePersonalId('001095012345');

  it('finds no mismatch when the record agrees', () => {
    expect(checkPersonalIdConsistency(id, { birthYear: 1995, sex: 'male' })).toEqual([]);
  });

  it('lists the birth year and the sex when the record disagrees', () => {
    expect(checkPersonalIdConsistency(id, { birthYear: 1996, sex: 'female' })).toEqual(['birth_year', 'sex']);
    expect(checkPersonalIdConsistency(id, { birthYear: 2095, sex: 'male' })).toEqual(['birth_year']);
  });
});

describe('masking for logs', () => {
  it('keeps the first three and last two digits by default', () => {
    expect(formatPersonalId(parsePersonalId('001095012345'))).toBe('001*******45');
    expect(formatPersonalId(parsePersonalId('001095012345'), { mask: true })).toBe('001*******45');
  });

  it('shows the full number only when asked', () => {
    expect(formatPersonalId(parsePersonalId('001095012345'), { mask: false })).toBe('001095012345');
  });

  it('masks every twelve-digit run in a text and leaves other digit runs alone', () => {
    expect(maskPersonalId('a=001095012345 b=079301000123')).toBe('a=001*******45 b=079*******23');
    expect(maskPersonalId('0010950123456 and 12345')).toBe('0010950123456 and 12345');
    expect(maskPersonalId('/people?cmnd=123456789&page=12345678')).toBe('/people?cmnd=123****89&page=12345678');
  });

  it('leaves no twelve-digit run behind', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(digits(1, 14), fc.constantFrom(' ', 'x', '=')), { maxLength: 8 }), (parts) => {
        expect(maskPersonalId(parts.join(''))).not.toMatch(/(?<!\d)\d{12}(?!\d)/);
      }),
    );
  });
});
