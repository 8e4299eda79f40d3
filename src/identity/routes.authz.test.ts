import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/support/app.ts';
import { expectStatus, registerAccount } from '../../test/support/identity.ts';
import { OFFICER, testRegistry } from '../registry/testing.ts';
import { authenticatePassword } from './sign-in.ts';

let t: TestApp;
let bootstrap: string;
let citizen: { cookie: string; 'x-csrf-token': string };
let police: { cookie: string; 'x-csrf-token': string };
let target: { personalId: string; password: string };

async function session(accountId: string) {
  const opened = await t.app.services.identity.sessions.create(accountId, 'urn:dancu:eid:level2', 'id-token');
  return { cookie: `dancu_session=${opened.token}`, 'x-csrf-token': opened.csrfToken };
}

beforeAll(async () => {
  t = await createTestApp();
  bootstrap = await t.app.services.identity.bootstrap.reset();
  const { person, registry } = await testRegistry(t.db, t.clock.now().toISOString());
  const make = async (givenName: string, phone: string) => {
    const personalId = await person({ familyName: 'Võ', middleName: 'Minh', givenName, birthDate: '1983-03-03' });
    await registry.registerPermanentResidence(
      personalId,
      { communeId: '2025:00004', addressLine: 'Số 9' },
      '2025-08-01',
      OFFICER,
    );
    return registerAccount(t.app, { personalId, fullName: `Võ Minh ${givenName}`, birthDate: '1983-03-03' }, phone);
  };
  const c = await make('Tâm', '0915000001');
  const p = await make('Phúc', '0915000002');
  const x = await make('Kiên', '0915000003');
  target = x;
  const granted = await t.app.inject({
    method: 'POST',
    url: '/api/v1/admin/roles',
    payload: { personalId: p.personalId, role: 'officer', agency: 'police', communeId: '2025:00004' },
    headers: { authorization: `Bearer ${bootstrap}` },
  });
  expectStatus(granted, 201);
  citizen = await session(c.accountId);
  police = await session(p.accountId);
});
afterAll(async () => t.close());

describe('who may call the eID routes', () => {
  const activation = {
    personalId: '001083000001',
    cardNumber: '001083000001',
    faceMatched: true,
    fingerprintsMatched: true,
    attestation: 'Đã đối chiếu khuôn mặt và vân tay.',
  };
  it.each([
    ['GET', '/api/v1/me', undefined],
    ['GET', '/api/v1/me/consents', undefined],
    ['POST', '/api/v1/me/lock', {}],
    ['GET', '/api/v1/admin/roles', undefined],
    ['POST', '/api/v1/officer/level2-activations', activation],
  ])('%s %s refuses an anonymous caller with 401', async (method, url, payload) => {
    const response = await t.app.inject({ method: method as 'GET', url, ...(payload ? { payload } : {}) });
    expect(response.statusCode).toBe(401);
    expect(response.json().code).toBe('UNAUTHENTICATED');
  });

  it('refuses a citizen the administrators’ and officers’ routes and the registry', async () => {
    for (const url of ['/api/v1/admin/roles', '/api/v1/admin/clients', '/api/v1/registry/data-quality']) {
      const response = await t.app.inject({ url, headers: citizen });
      expect(response.statusCode).toBe(403);
      expect(response.json().code).toBe('FORBIDDEN');
    }
    const lock = await t.app.inject({
      method: 'POST',
      url: `/api/v1/officer/accounts/${target.personalId}/lock`,
      payload: { locked: true },
      headers: citizen,
    });
    expect(lock.json().code).toBe('FORBIDDEN');
  });

  it('lets a police officer read the registry (logged on the web channel) and lock and unlock an account', async () => {
    const read = await t.app.inject({ url: `/api/v1/registry/people/${target.personalId}`, headers: police });
    expectStatus(read, 200);
    const log = await t.app.services.identity.deps.accessLog.listForSubject(target.personalId, { limit: 5 });
    expect(log.items[0]).toMatchObject({
      actorKind: 'officer',
      channel: 'web',
      actorName: expect.stringMatching(/^Công an /),
    });

    const locked = await t.app.inject({
      method: 'POST',
      url: `/api/v1/officer/accounts/${target.personalId}/lock`,
      payload: { locked: true },
      headers: police,
    });
    expectStatus(locked, 204);
    const deps = t.app.services.identity.deps;
    await expect(
      authenticatePassword(deps, target.personalId, target.password, { address: '192.0.2.50' }),
    ).rejects.toMatchObject({
      code: 'ACCOUNT_LOCKED',
      details: { reason: 'police' },
    });
    // The holder cannot lift a police lock.
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/accounts/unlock-requests',
          payload: { personalId: target.personalId, phone: '0915000003' },
        })
      ).statusCode,
    ).toBe(202);
    const unlocked = await t.app.inject({
      method: 'POST',
      url: `/api/v1/officer/accounts/${target.personalId}/lock`,
      payload: { locked: false },
      headers: police,
    });
    expectStatus(unlocked, 204);
    await expect(
      authenticatePassword(deps, target.personalId, target.password, { address: '192.0.2.50' }),
    ).resolves.toMatchObject({ status: 'active' });
  });

  it('refuses an ended session and a session without its CSRF token on unsafe requests', async () => {
    const { cookie } = citizen;
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/v1/me/lock', payload: {}, headers: { cookie } })).json().code,
    ).toBe('CSRF_TOKEN_INVALID');
    expect(
      (await t.app.inject({ url: '/api/v1/me', headers: { cookie: 'dancu_session=not-a-session' } })).json().code,
    ).toBe('UNAUTHENTICATED');
  });

  it('shows the signed-in caller and the CSRF token on GET /api/v1/session', async () => {
    const response = await t.app.inject({ url: '/api/v1/session', headers: { cookie: police.cookie } });
    expect(response.json()).toMatchObject({
      via: 'session',
      actor: { kind: 'officer' },
      roles: [{ role: 'officer', agency: 'police', communeId: '2025:00004' }],
      csrfToken: police['x-csrf-token'],
    });
  });
});
