// Signing in to an eID account: throttling, locks (by the holder, on death) and the CSRF check.
import { describe, expect, it } from 'vitest';
import { startAccountsWorld } from '../../test/support/accounts.ts';
import { expectStatus, latestCode, registerAccount } from '../../test/support/identity.ts';
import { OFFICER } from '../registry/testing.ts';
import { unlockAccount } from './locks.ts';
import { authenticatePassword } from './sign-in.ts';

const w = startAccountsWorld();

describe('sign-in refusals', () => {
  it('throttles repeated wrong passwords per account, then lets the right one in after the window', async () => {
    const person = await w.newPerson('1985-08-08', 'Ngọc');
    const account = await registerAccount(w.t.app, person, '0912000011');
    const { identity } = w.t.app.services;
    const origin = { address: '203.0.113.7' };
    for (let i = 0; i < 5; i++) {
      await expect(
        authenticatePassword(identity.deps, account.personalId, 'wrong-password-1', origin),
      ).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
    }
    await expect(
      authenticatePassword(identity.deps, account.personalId, account.password, origin),
    ).rejects.toMatchObject({
      code: 'SIGN_IN_THROTTLED',
      details: { retryAfterSeconds: 900 },
    });
    w.t.clock.advance(15 * 60_000 + 1000);
    await expect(
      authenticatePassword(identity.deps, account.personalId, account.password, origin),
    ).resolves.toMatchObject({ id: account.accountId });
  });

  it('throttles one address trying many accounts', async () => {
    const { identity } = w.t.app.services;
    const origin = { address: '198.51.100.9' };
    for (let i = 0; i < 20; i++) {
      await expect(
        authenticatePassword(identity.deps, `0011900${String(i).padStart(5, '0')}`, 'guess-1234', origin),
      ).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
    }
    await expect(authenticatePassword(identity.deps, '001190000001', 'guess-1234', origin)).rejects.toMatchObject({
      code: 'SIGN_IN_THROTTLED',
    });
  });

  it('refuses a locked account, and the holder unlocks it with a code sent to the phone', async () => {
    const person = await w.newPerson('1986-09-09', 'Hằng');
    const account = await registerAccount(w.t.app, person, '0912000012');
    const session = await w.sessionOf(account.accountId);
    expectStatus(await w.post('/api/v1/me/lock', {}, session), 204);
    const deps = w.t.app.services.identity.deps;
    await expect(
      authenticatePassword(deps, account.personalId, account.password, { address: '192.0.2.1' }),
    ).rejects.toMatchObject({
      code: 'ACCOUNT_LOCKED',
      details: { reason: 'holder' },
    });
    // The session ended with the lock.
    expect((await w.t.app.inject({ url: '/api/v1/me', headers: session })).statusCode).toBe(401);
    expectStatus(
      await w.post('/api/v1/accounts/unlock-requests', { personalId: account.personalId, phone: '0912000012' }),
      202,
    );
    const code = await latestCode(w.t.app, '0912000012');
    expectStatus(await w.post('/api/v1/accounts/unlock', { personalId: account.personalId, code }), 204);
    await expect(
      authenticatePassword(deps, account.personalId, account.password, { address: '192.0.2.1' }),
    ).resolves.toMatchObject({ status: 'active' });
  });

  it('locks the account of a person recorded as deceased, for good', async () => {
    const person = await w.newPerson('1940-10-10', 'Huệ');
    const account = await registerAccount(w.t.app, person, '0912000013');
    await w.people.registry.recordDeath(person.personalId, { diedOn: '2026-02-20' }, OFFICER);
    expect(await w.t.app.services.events.drain()).toBeGreaterThan(0);
    const deps = w.t.app.services.identity.deps;
    await expect(
      authenticatePassword(deps, account.personalId, account.password, { address: '192.0.2.2' }),
    ).rejects.toMatchObject({
      code: 'ACCOUNT_LOCKED',
      details: { reason: 'deceased' },
    });
    // Delivered once: draining again changes nothing, and not even the police can lift a death lock.
    await w.t.app.services.events.drain();
    await expect(
      w.t.db.transaction(async (tx) => {
        await unlockAccount(tx, deps, account.accountId, 'police', { id: 'x', kind: 'officer' });
      }),
    ).rejects.toMatchObject({ code: 'UNLOCK_NOT_ALLOWED' });
  });

  it('answers CSRF_TOKEN_INVALID to a cookie request without the CSRF header', async () => {
    const person = await w.newPerson('1987-11-11', 'Liên');
    const account = await registerAccount(w.t.app, person, '0912000014');
    const { cookie } = await w.sessionOf(account.accountId);
    const response = await w.post('/api/v1/me/lock', {}, { cookie });
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('CSRF_TOKEN_INVALID');
  });
});
