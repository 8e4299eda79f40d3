/**
 * A bijection of [0, size) for size = 10^k: x ↦ (a·x + b) mod size, with `a` coprime to 10 (odd, not a
 * multiple of 5) and so invertible modulo size. Counting 0, 1, 2, … through it gives numbers that look
 * random and are provably all different, without remembering any of them.
 */
export class Bijection {
  readonly #size: number;
  readonly #a: number;
  readonly #b: number;
  readonly #aInverse: number;
  readonly #width: number;

  /**
   * @param size a power of ten up to 10^9 (so that a·x stays an exact integer in a double).
   * @param seed chooses the offset `b`.
   */
  constructor(size: number, seed: number) {
    const width = Math.round(Math.log10(size));
    if (10 ** width !== size || width < 1 || width > 9) throw new RangeError('size must be a power of ten up to 10^9');
    this.#size = size;
    this.#width = width;
    // a ≈ 0.618·size, made odd and not a multiple of 5: consecutive counts land far apart.
    let a = Math.floor(size * 0.6180339887) | 1;
    while (a % 5 === 0) a += 2;
    this.#a = a;
    this.#aInverse = modularInverse(a, size);
    this.#b = mulMod(Math.abs(Math.trunc(seed)) % size, 7_919, size);
  }

  get size(): number {
    return this.#size;
  }

  /** `b`, for computing {@link invert} in SQL. */
  get offset(): number {
    return this.#b;
  }

  /** a⁻¹ mod size, for computing {@link invert} in SQL. */
  get inverseFactor(): number {
    return this.#aInverse;
  }

  /** The image of `x` in [0, size). */
  map(x: number): number {
    return (mulMod(this.#a, x, this.#size) + this.#b) % this.#size;
  }

  /** The `x` whose image is `y`. */
  invert(y: number): number {
    return mulMod(this.#aInverse, (y - this.#b + this.#size) % this.#size, this.#size);
  }

  /** The image of `x` as zero-padded digits. */
  digits(x: number): string {
    return String(this.map(x)).padStart(this.#width, '0');
  }
}

/** (x·y) mod m without losing precision for m up to 10^9: split y into 15-bit halves. */
function mulMod(x: number, y: number, m: number): number {
  const high = Math.floor(y / 32_768);
  const low = y % 32_768;
  return (((x * high) % m) * 32_768 + x * low) % m;
}

function modularInverse(a: number, m: number): number {
  let [oldR, r] = [a, m];
  let [oldS, s] = [1, 0];
  while (r !== 0) {
    const q = Math.floor(oldR / r);
    [oldR, r] = [r, oldR - q * r];
    [oldS, s] = [s, oldS - q * s];
  }
  if (oldR !== 1) throw new RangeError(`${a} has no inverse modulo ${m}`);
  return ((oldS % m) + m) % m;
}
