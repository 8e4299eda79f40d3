/**
 * The seeded random source of the synthetic population: xoshiro128** (Blackman and Vigna, 2018) with its
 * state derived from the seed and a stream number by a 32-bit finaliser (MurmurHash3's fmix32). Every
 * household draws from its own stream, `new Random(seed, householdIndex)`, so a household is the same
 * whatever else was generated before it or however the run is cut into chunks.
 */
export class Random {
  #a: number;
  #b: number;
  #c: number;
  #d: number;

  /** @param keys integers (the seed, a stream number, …) that together choose the stream. */
  constructor(...keys: readonly number[]) {
    let h = 0x9e3779b9;
    for (const key of keys) h = fmix32((h ^ (key >>> 0) ^ Math.floor(key / 2 ** 32)) + 0x7f4a7c15);
    this.#a = fmix32(h + 0x6a09e667) || 1;
    this.#b = fmix32(h + 0xbb67ae85);
    this.#c = fmix32(h + 0x3c6ef372);
    this.#d = fmix32(h + 0xa54ff53a);
  }

  /** A uniform 32-bit unsigned integer. */
  uint32(): number {
    const result = Math.imul(rotl(Math.imul(this.#b, 5), 7), 9) >>> 0;
    const t = this.#b << 9;
    this.#c ^= this.#a;
    this.#d ^= this.#b;
    this.#b ^= this.#c;
    this.#a ^= this.#d;
    this.#c ^= t;
    this.#d = rotl(this.#d, 11);
    return result;
  }

  /** A uniform number in [0, 1). */
  float(): number {
    return this.uint32() / 4_294_967_296;
  }

  /** A uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.float() * n);
  }

  /** A uniform integer in [low, high] (both included). */
  between(low: number, high: number): number {
    return low + this.int(high - low + 1);
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.float() < p;
  }

  /** One element, uniformly. */
  pick<T>(items: readonly T[]): T {
    const item = items[this.int(items.length)];
    if (item === undefined) throw new RangeError('cannot pick from an empty list');
    return item;
  }
}

/**
 * Choices with fixed weights, drawn in constant time (Walker's alias method), so that a table of hundreds of
 * names costs no more per draw than a coin.
 */
export class Weighted<T> {
  readonly #items: readonly T[];
  readonly #probability: Float64Array;
  readonly #alias: Int32Array;

  constructor(entries: ReadonlyArray<readonly [T, number]>) {
    const n = entries.length;
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    if (n === 0 || !(total > 0) || entries.some(([, weight]) => !(weight >= 0))) {
      throw new RangeError('a weighted table needs at least one entry and non-negative weights');
    }
    this.#items = entries.map(([item]) => item);
    this.#probability = new Float64Array(n);
    this.#alias = new Int32Array(n);
    const scaled = entries.map(([, weight]) => (weight * n) / total);
    const small: number[] = [];
    const large: number[] = [];
    scaled.forEach((p, i) => {
      (p < 1 ? small : large).push(i);
    });
    for (;;) {
      const s = small.pop();
      const l = large.pop();
      if (s === undefined || l === undefined) {
        for (const i of [s, l, ...small, ...large]) if (i !== undefined) this.#probability[i] = 1;
        break;
      }
      this.#probability[s] = scaled[s] as number;
      this.#alias[s] = l;
      scaled[l] = (scaled[l] as number) + (scaled[s] as number) - 1;
      ((scaled[l] as number) < 1 ? small : large).push(l);
    }
  }

  pick(random: Random): T {
    const i = random.int(this.#items.length);
    const chosen = random.float() < (this.#probability[i] as number) ? i : (this.#alias[i] as number);
    return this.#items[chosen] as T;
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** MurmurHash3's 32-bit finaliser: a bijection of 32-bit integers that mixes every bit into every other. */
function fmix32(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
