import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../test/support/db.ts';
import { ManualClock } from '../kernel/index.ts';
import { BOOTSTRAP_ADMIN, BootstrapTokens } from './bootstrap-token.ts';

let handle: TestDatabase;
let tokens: BootstrapTokens;

beforeAll(async () => {
  handle = await openTestDatabase();
  tokens = new BootstrapTokens(handle.db, new ManualClock('2026-03-02T02:00:00Z'));
});
afterAll(async () => handle.close());

describe('the bootstrap administrator token', () => {
  it('is made once, stored only as a hash, and verifies', async () => {
    const token = await tokens.ensure();
    expect(token).toMatch(/^dancu_bt_[A-Za-z0-9_-]{43}$/);
    expect(await tokens.ensure()).toBeUndefined();
    await expect(tokens.verify(token ?? '')).resolves.toEqual(BOOTSTRAP_ADMIN);
    const { rows } = await handle.db.query<{ token_hash: Buffer }>('select token_hash from identity.bootstrap_token');
    expect(rows.map((row) => Buffer.from(row.token_hash).toString())).not.toContain(token);
  });

  it('refuses anything else', async () => {
    for (const wrong of ['', 'dancu_bt_', 'dancu_bt_x', 'Bearer', 'a'.repeat(60)]) {
      await expect(tokens.verify(wrong)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    }
  });

  it('stops working when reset, and the new one works', async () => {
    const old = await tokens.reset();
    await tokens.verify(old);
    const fresh = await tokens.reset();
    await expect(tokens.verify(old)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(tokens.verify(fresh)).resolves.toEqual(BOOTSTRAP_ADMIN);
  });

  it('is refused by another node once reset there, after the trust window', async () => {
    const clock = new ManualClock('2026-03-02T02:00:00Z');
    const thisNode = new BootstrapTokens(handle.db, clock);
    const token = await thisNode.reset();
    await thisNode.verify(token);
    await new BootstrapTokens(handle.db, clock).reset();
    clock.advance(5_000);
    await expect(thisNode.verify(token)).resolves.toEqual(BOOTSTRAP_ADMIN);
    clock.advance(6_000);
    await expect(thisNode.verify(token)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
