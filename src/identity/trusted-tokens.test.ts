import { describe, expect, it } from 'vitest';
import { TrustedTokens, type Verified } from './trusted-tokens.ts';

/** A store whose answers the test releases one by one; `valid` says which tokens it still accepts. */
function store(valid: Set<string>) {
  const calls: string[] = [];
  const waiting: Array<() => void> = [];
  const verify = (token: string) =>
    new Promise<Verified<string>>((resolve, reject) => {
      calls.push(token);
      waiting.push(() =>
        valid.has(token) ? resolve({ value: `client of ${token}`, expiresAt: 60_000 }) : reject(new Error('invalid')),
      );
    });
  const answer = async () => {
    waiting.shift()?.();
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { calls, verify, answer };
}

function tokens(valid: Set<string>, options: { maxTokens?: number } = {}) {
  const clock = { now: 1_000 };
  const backend = store(valid);
  const trusted = new TrustedTokens(backend.verify, {
    trustMs: 5_000,
    refreshAfterMs: 4_000,
    maxTokens: options.maxTokens ?? 100,
    now: () => clock.now,
  });
  return { clock, trusted, ...backend };
}

/** Uses `token` once and lets the store answer: its first verification, done. */
async function verifiedOnce(world: ReturnType<typeof tokens>, token: string): Promise<string> {
  const first = world.trusted.get(token);
  await world.answer();
  return first;
}

describe('TrustedTokens', () => {
  it('verifies a token once for all the requests that arrive while it is being verified', async () => {
    const { trusted, calls, answer } = tokens(new Set(['a']));
    const requests = [trusted.get('a'), trusted.get('a'), trusted.get('a')];
    await answer();
    expect(await Promise.all(requests)).toEqual(['client of a', 'client of a', 'client of a']);
    expect(calls).toEqual(['a']);
  });

  it('trusts a verification for its window, and verifies again in the background before it closes', async () => {
    const world = tokens(new Set(['a']));
    const { clock, trusted, calls, answer } = world;
    await verifiedOnce(world, 'a');
    clock.now += 3_999;
    await trusted.get('a');
    expect(calls).toEqual(['a']);
    clock.now += 1;
    // From 4 s the answer still comes from the window, at once, while the store is asked again behind it.
    await expect(trusted.get('a')).resolves.toBe('client of a');
    await expect(trusted.get('a')).resolves.toBe('client of a');
    expect(calls).toEqual(['a', 'a']);
    await answer();
    // The new verification opens a new window: nobody waits when the first one would have closed.
    clock.now += 3_500;
    await expect(trusted.get('a')).resolves.toBe('client of a');
    expect(calls).toEqual(['a', 'a']);
  });

  it('refuses a token as soon as a verification finds it no longer valid', async () => {
    const valid = new Set(['a']);
    const world = tokens(valid);
    const { clock, trusted, calls, answer } = world;
    await verifiedOnce(world, 'a');
    valid.delete('a');
    clock.now += 4_500;
    await expect(trusted.get('a')).resolves.toBe('client of a');
    await answer();
    const refused = expect(trusted.get('a')).rejects.toThrow('invalid');
    await answer();
    await refused;
    expect(calls).toEqual(['a', 'a', 'a']);
  });

  it('asks the store again once the window has closed without a use to renew it', async () => {
    const world = tokens(new Set(['a']));
    const { clock, trusted, calls, answer } = world;
    await verifiedOnce(world, 'a');
    clock.now += 5_000;
    const again = trusted.get('a');
    expect(calls).toEqual(['a', 'a']);
    await answer();
    await expect(again).resolves.toBe('client of a');
  });

  it('never trusts a token past its own expiry, and forgets everything past its size', async () => {
    const world = tokens(new Set(['a', 'b']), { maxTokens: 1 });
    const { clock, trusted, calls, answer } = world;
    await verifiedOnce(world, 'a');
    await verifiedOnce(world, 'b');
    const again = trusted.get('a');
    expect(calls).toEqual(['a', 'b', 'a']);
    await answer();
    await again;
    clock.now = 60_000;
    void trusted.get('a').catch(() => undefined);
    expect(calls).toEqual(['a', 'b', 'a', 'a']);
    await answer();
  });
});
