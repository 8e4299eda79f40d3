import { describe, expect, it } from 'vitest';
import { coalesce } from './coalesce.ts';

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('coalesce', () => {
  it('reads the keys asked for in one turn together, each once, and answers every caller', async () => {
    const reads: string[][] = [];
    const lookup = coalesce(async (keys: readonly string[]) => {
      reads.push([...keys]);
      return new Map(keys.filter((key) => key !== 'c').map((key) => [key, key.toUpperCase()]));
    });
    const answers = Promise.all([lookup('a'), lookup('b'), lookup('a'), lookup('c')]);
    expect(reads).toEqual([]);
    expect(await answers).toEqual(['A', 'B', 'A', undefined]);
    expect(reads).toEqual([['a', 'b', 'c']]);
  });

  it('reads the lookups of a later turn in a read of their own', async () => {
    const reads: string[][] = [];
    const lookup = coalesce(async (keys: readonly string[]) => {
      reads.push([...keys]);
      return new Map(keys.map((key) => [key, key]));
    });
    const first = lookup('a');
    await turn();
    const second = lookup('b');
    expect(await Promise.all([first, second])).toEqual(['a', 'b']);
    expect(reads).toEqual([['a'], ['b']]);
  });

  it('fails every lookup of a read that fails, and not the next turn’s', async () => {
    let fail = true;
    const lookup = coalesce(async (keys: readonly string[]) => {
      if (fail) throw new Error('the database is gone');
      return new Map(keys.map((key) => [key, 1]));
    });
    const failed = Promise.allSettled([lookup('a'), lookup('b')]);
    expect((await failed).map((result) => result.status)).toEqual(['rejected', 'rejected']);
    fail = false;
    await expect(lookup('a')).resolves.toBe(1);
  });
});

describe('coalesce, with a bound on keys per read', () => {
  it('reads a full batch at once and the rest of the turn in the next read, each key once', async () => {
    const reads: number[][] = [];
    const lookup = coalesce(async (keys: readonly number[]) => {
      reads.push([...keys]);
      return new Map(keys.map((key) => [key, key * 10]));
    }, 2);
    const answers = Promise.all([lookup(1), lookup(2), lookup(3), lookup(1), lookup(4), lookup(5)]);
    expect(await answers).toEqual([10, 20, 30, 10, 40, 50]);
    expect(reads).toEqual([
      [1, 2],
      [3, 1],
      [4, 5],
    ]);
  });
});
