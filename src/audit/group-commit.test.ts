import { describe, expect, it } from 'vitest';
import { GroupCommit } from './group-commit.ts';

/** A write that records each transaction's items and holds it open until `release` is called. */
function heldWrites(fail: (items: readonly string[]) => boolean = () => false) {
  const transactions: string[][] = [];
  const pending: Array<() => void> = [];
  const write = (items: readonly string[]) =>
    new Promise<void>((resolve, reject) => {
      transactions.push([...items]);
      pending.push(() => (fail(items) ? reject(new Error(`refused ${items.join(',')}`)) : resolve()));
    });
  const release = async () => {
    while (pending.length > 0) {
      pending.shift()?.();
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  return { transactions, write, release };
}

describe('GroupCommit', () => {
  it('writes a lone call at once, then commits calls that arrived meanwhile in one transaction', async () => {
    const { transactions, write, release } = heldWrites();
    const group = new GroupCommit(write, { queues: 1, maxBatch: 100 });
    const calls = [group.submit(['a'], 0), group.submit(['b', 'c'], 0), group.submit(['d'], 0)];
    expect(transactions).toEqual([['a']]);
    await release();
    await Promise.all(calls);
    expect(transactions).toEqual([['a'], ['b', 'c', 'd']]);
  });

  it('keeps a transaction within the batch limit but never splits a call', async () => {
    const { transactions, write, release } = heldWrites();
    const group = new GroupCommit(write, { queues: 1, maxBatch: 2 });
    const calls = [group.submit(['a'], 0), group.submit(['b'], 0), group.submit(['c', 'd', 'e'], 0)];
    calls.push(group.submit(['f'], 0));
    await release();
    await Promise.all(calls);
    expect(transactions).toEqual([['a'], ['b'], ['c', 'd', 'e'], ['f']]);
  });

  it('runs the queues side by side', async () => {
    const { transactions, write, release } = heldWrites();
    const group = new GroupCommit(write, { queues: 2, maxBatch: 100 });
    const calls = [group.submit(['a'], 0), group.submit(['b'], 1), group.submit(['c'], 0)];
    expect(transactions).toEqual([['a'], ['b']]);
    await release();
    await Promise.all(calls);
    expect(transactions).toEqual([['a'], ['b'], ['c']]);
  });

  it('does not let one call’s failure fail the others written with it', async () => {
    const { write, release } = heldWrites((items) => items.includes('bad'));
    const group = new GroupCommit(write, { queues: 1, maxBatch: 100 });
    const first = group.submit(['a'], 0);
    const good = group.submit(['b'], 0);
    const bad = group.submit(['bad'], 0);
    const settled = Promise.allSettled([first, good, bad]);
    await release();
    expect((await settled).map((result) => result.status)).toEqual(['fulfilled', 'fulfilled', 'rejected']);
  });
});
