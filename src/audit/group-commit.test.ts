import { describe, expect, it } from 'vitest';
import { GroupCommit } from './group-commit.ts';

/** The end of the event loop's current turn, when an idle queue starts its transaction. */
const turn = () => new Promise((resolve) => setImmediate(resolve));

/** A write that records each transaction's items and holds it open until `release` is called. */
function heldWrites(fail: (items: readonly string[]) => boolean = () => false) {
  const transactions: string[][] = [];
  const pending: Array<() => void> = [];
  const write = (items: readonly string[]) =>
    new Promise<void>((resolve, reject) => {
      transactions.push([...items]);
      pending.push(() => (fail(items) ? reject(new Error(`refused ${items.join(',')}`)) : resolve()));
    });
  /** Lets the queues start, then commits the transactions one by one, each a turn after the last. */
  const release = async () => {
    await turn();
    while (pending.length > 0) {
      pending.shift()?.();
      await turn();
    }
  };
  return { transactions, write, release };
}

describe('GroupCommit', () => {
  it('commits the calls of one turn together, then those that arrived meanwhile in the next transaction', async () => {
    const { transactions, write, release } = heldWrites();
    const group = new GroupCommit(write, { queues: 1, maxBatch: 100 });
    const calls = [group.submit(['a'], 0), group.submit(['b', 'c'], 0)];
    expect(transactions).toEqual([]);
    await turn();
    expect(transactions).toEqual([['a', 'b', 'c']]);
    calls.push(group.submit(['d'], 0), group.submit(['e'], 0));
    await release();
    await Promise.all(calls);
    expect(transactions).toEqual([
      ['a', 'b', 'c'],
      ['d', 'e'],
    ]);
  });

  it('writes a lone call in the turn it was made, without waiting for a timer', async () => {
    const { transactions, write, release } = heldWrites();
    const group = new GroupCommit(write, { queues: 1, maxBatch: 100 });
    const call = group.submit(['a'], 0);
    await turn();
    expect(transactions).toEqual([['a']]);
    await release();
    await call;
  });

  it('keeps a transaction within the batch limit but never splits a call', async () => {
    const { transactions, write, release } = heldWrites();
    const group = new GroupCommit(write, { queues: 1, maxBatch: 2 });
    const calls = [group.submit(['a'], 0), group.submit(['b'], 0), group.submit(['c', 'd', 'e'], 0)];
    calls.push(group.submit(['f'], 0));
    await release();
    await Promise.all(calls);
    expect(transactions).toEqual([['a', 'b'], ['c', 'd', 'e'], ['f']]);
  });

  it('runs the queues side by side', async () => {
    const { transactions, write, release } = heldWrites();
    const group = new GroupCommit(write, { queues: 2, maxBatch: 100 });
    const calls = [group.submit(['a'], 0), group.submit(['b'], 1), group.submit(['c'], 0)];
    await turn();
    expect(transactions).toEqual([['a', 'c'], ['b']]);
    await release();
    await Promise.all(calls);
  });

  it('does not let one call’s failure fail the others written with it', async () => {
    const { transactions, write, release } = heldWrites((items) => items.includes('bad'));
    const group = new GroupCommit(write, { queues: 1, maxBatch: 100 });
    const settled = Promise.allSettled([group.submit(['a'], 0), group.submit(['bad'], 0), group.submit(['b'], 0)]);
    await release();
    expect((await settled).map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(transactions).toEqual([['a', 'bad', 'b'], ['a'], ['bad'], ['b']]);
  });
});
