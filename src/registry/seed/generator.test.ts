import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvLine } from '../../db/index.ts';
import { ageOn, birthdayAt } from '../rules.ts';
import { Bijection } from './bijection.ts';
import { addYears, dayOf, isoOf, yearsBetween } from './days.ts';
import { Random, Weighted } from './random.ts';
import { csvFields } from './writer.ts';

const isoDay = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2150-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));

describe('the bijection behind ID serials and phone numbers', () => {
  it('maps [0, 10^6) one to one, and inverts', () => {
    const bijection = new Bijection(1_000_000, 12_345);
    const seen = new Uint8Array(1_000_000);
    let collisions = 0;
    let wrongInverses = 0;
    for (let x = 0; x < 1_000_000; x++) {
      const y = bijection.map(x);
      collisions += seen[y] as number;
      seen[y] = 1;
      if (bijection.invert(y) !== x) wrongInverses++;
    }
    expect({ collisions, wrongInverses }).toEqual({ collisions: 0, wrongInverses: 0 });
  });

  it('inverts exactly up to 10^9', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999 }), fc.nat(), (x, seed) => {
        const bijection = new Bijection(1_000_000_000, seed);
        expect(bijection.invert(bijection.map(x))).toBe(x);
      }),
    );
  });
});

describe('the seeded random source', () => {
  it('repeats a stream for the same keys and differs for others', () => {
    const draw = (...keys: number[]) => {
      const random = new Random(...keys);
      return Array.from({ length: 8 }, () => random.uint32());
    };
    expect(draw(1, 42)).toEqual(draw(1, 42));
    expect(draw(1, 42)).not.toEqual(draw(1, 43));
    expect(draw(1, 42)).not.toEqual(draw(2, 42));
  });

  it('draws weighted choices in proportion', () => {
    const table = new Weighted([
      ['a', 70],
      ['b', 20],
      ['c', 10],
    ] as const);
    const random = new Random(7);
    const counts = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 100_000; i++) counts[table.pick(random)]++;
    expect(counts.a / 100_000).toBeCloseTo(0.7, 1);
    expect(counts.b / 100_000).toBeCloseTo(0.2, 1);
    expect(counts.c / 100_000).toBeCloseTo(0.1, 1);
  });
});

describe('day arithmetic', () => {
  it('round-trips ISO days', () => {
    fc.assert(
      fc.property(isoDay, (day) => {
        expect(isoOf(dayOf(day))).toBe(day);
      }),
    );
  });

  it('agrees with the registry rules on birthdays and ages', () => {
    fc.assert(
      fc.property(isoDay, fc.integer({ min: 0, max: 100 }), isoDay, (birth, years, day) => {
        expect(isoOf(addYears(dayOf(birth), years))).toBe(birthdayAt(birth, years));
        if (day >= birth) expect(yearsBetween(dayOf(birth), dayOf(day))).toBe(ageOn(birth, day));
      }),
    );
  });
});

describe('the CSV rows of the seed', () => {
  it('are the lines the db module writes for the same values', () => {
    const value = fc.oneof(
      fc.string(),
      fc.constantFrom('', 'a,b', 'say "hi"', 'x\ny'),
      fc.integer(),
      fc.constant(null),
    );
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 30 }), (values) => {
        expect(
          `${csvFields(
            values,
            values.map(() => true),
          )}\n`,
        ).toBe(csvLine(values));
      }),
    );
  });
});
