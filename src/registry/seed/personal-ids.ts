/**
 * Personal ID numbers for the synthetic population, unique without remembering them: the six-digit serial
 * of the n-th person of a prefix `PPP G YY` (province of birth registration, century and sex, year) is the
 * image of n through a bijection of [0, 10^6), so two people of the same prefix always differ. When people
 * are already registered (`--append`), each prefix's count resumes above the largest preimage of the
 * serials already taken, whatever made them: a new number is the image of a count no existing number has.
 */

import { generatePersonalId, type Sex } from '../../kernel/index.ts';
import { Bijection } from './bijection.ts';
import type { Queryable } from './places.ts';

const SERIALS = 1_000_000;

export class PersonalIds {
  readonly #serials: Bijection;
  readonly #taken: ReadonlyMap<string, number>;
  /** Per (province, year, sex): the prefix and how many of its serials are used. */
  readonly #slots = new Map<number, { prefix: string; count: number }>();

  /** @param taken per prefix, how many serials are taken already (see {@link takenSerials}). */
  constructor(seed: number, taken: Iterable<readonly [string, number]> = []) {
    this.#serials = new Bijection(SERIALS, seed);
    this.#taken = new Map(taken);
  }

  /**
   * The next number for a person registered at birth in province `provinceCode`, born in `birthYear`.
   * @throws RangeError when the million serials of the prefix are used up.
   */
  next(provinceCode: string, birthYear: number, sex: Sex): string {
    const key = Number(provinceCode) * 1_000_000 + birthYear * 2 + (sex === 'female' ? 1 : 0);
    let slot = this.#slots.get(key);
    if (slot === undefined) {
      // `PPP G YY` as the kernel encodes it.
      const prefix = generatePersonalId(() => 0, { provinceCode, birthYear, sex }).slice(0, 6);
      slot = { prefix, count: this.#taken.get(prefix) ?? 0 };
      this.#slots.set(key, slot);
    }
    if (slot.count >= SERIALS) {
      throw new RangeError(`seed: no personal ID numbers left for prefix ${slot.prefix} (a million are taken)`);
    }
    return `${slot.prefix}${this.#serials.digits(slot.count++)}`;
  }
}

/**
 * Per prefix, how many serials a run of `seed` must skip on this registry: one more than the largest
 * preimage of the serials already taken — (serial − b)·a⁻¹ mod 10^6, exact in int8 — whatever made them.
 */
export async function takenSerials(db: Queryable, seed: number): Promise<Array<[string, number]>> {
  const { offset, inverseFactor } = new Bijection(SERIALS, seed);
  const { rows } = await db.query<{ prefix: string; top: number }>(
    `select substr(personal_id, 1, 6) as prefix,
            max(((substr(personal_id, 7, 6)::int8 - $1::int8 + $3::int8) % $3::int8) * $2::int8 % $3::int8) as top
     from registry.person group by 1`,
    [offset, inverseFactor, SERIALS],
  );
  return rows.map((row) => [row.prefix, Number(row.top) + 1]);
}
