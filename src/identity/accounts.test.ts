import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/support/app.ts';
import { expectStatus, latestCode, registerAccount } from '../../test/support/identity.ts';
import { OFFICER, testRegistry } from '../registry/testing.ts';
import { unlockAccount } from './locks.ts';
import { ACR_LEVEL2 } from './model.ts';
import { authenticatePassword } from './sign-in.ts';

let t: TestApp;
let people: Awaited<ReturnType<typeof testRegistry>>;
let bootstrap: string;

beforeAll(async () => {
  t = await createTestApp();
  people = await testRegistry(t.db, t.clock.now().toISOString());
  bootstrap = await t.app.services.identity.bootstrap.reset();
});
afterAll(async () => t.close());

async function newPerson(birthDate = '1992-02-29', givenName = 'Hoa') {
  const personalId = await people.person({
    familyName: 'Trần',
    middleName: 'Thị',
    givenName,
    birthDate,
    sex: 'female',
  });
  return { personalId, fullName: `Trần Thị ${givenName}`, birthDate };
}

function post(url: string, payload: object, headers: Record<string, string> = {}) {
  return t.app.inject({ method: 'POST', url, payload, headers });
}

/** A web session for an account, as the OpenID sign-in would open it. */
async function sessionOf(accountId: string) {
  const session = await t.app.services.identity.sessions.create(accountId, ACR_LEVEL2, 'id-token');
  return { cookie: `dancu_session=${session.token}`, 'x-csrf-token': session.csrfToken };
}

describe('sign-in refusals', () => {
  it('throttles repeated wrong passwords per account, then lets the right one in after the window', async () => {
    const person = await newPerson('1985-08-08', 'Ngọc');
    const account = await registerAccount(t.app, person, '0912000011');
    const { identity } = t.app.services;
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
    t.clock.advance(15 * 60_000 + 1000);
    await expect(
      authenticatePassword(identity.deps, account.personalId, account.password, origin),
    ).resolves.toMatchObject({ id: account.accountId });
  });

  it('throttles one address trying many accounts', async () => {
    const { identity } = t.app.services;
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
    const person = await newPerson('1986-09-09', 'Hằng');
    const account = await registerAccount(t.app, person, '0912000012');
    const session = await sessionOf(account.accountId);
    expectStatus(await post('/api/v1/me/lock', {}, session), 204);
    const deps = t.app.services.identity.deps;
    await expect(
      authenticatePassword(deps, account.personalId, account.password, { address: '192.0.2.1' }),
    ).rejects.toMatchObject({
      code: 'ACCOUNT_LOCKED',
      details: { reason: 'holder' },
    });
    // The session ended with the lock.
    expect((await t.app.inject({ url: '/api/v1/me', headers: session })).statusCode).toBe(401);
    expectStatus(
      await post('/api/v1/accounts/unlock-requests', { personalId: account.personalId, phone: '0912000012' }),
      202,
    );
    const code = await latestCode(t.app, '0912000012');
    expectStatus(await post('/api/v1/accounts/unlock', { personalId: account.personalId, code }), 204);
    await expect(
      authenticatePassword(deps, account.personalId, account.password, { address: '192.0.2.1' }),
    ).resolves.toMatchObject({ status: 'active' });
  });

  it('locks the account of a person recorded as deceased, for good', async () => {
    const person = await newPerson('1940-10-10', 'Huệ');
    const account = await registerAccount(t.app, person, '0912000013');
    await people.registry.recordDeath(person.personalId, { diedOn: '2026-02-20' }, OFFICER);
    expect(await t.app.services.events.drain()).toBeGreaterThan(0);
    const deps = t.app.services.identity.deps;
    await expect(
      authenticatePassword(deps, account.personalId, account.password, { address: '192.0.2.2' }),
    ).rejects.toMatchObject({
      code: 'ACCOUNT_LOCKED',
      details: { reason: 'deceased' },
    });
    // Delivered once: draining again changes nothing, and not even the police can lift a death lock.
    await t.app.services.events.drain();
    await expect(
      t.db.transaction(async (tx) => {
        await unlockAccount(tx, deps, account.accountId, 'police', { id: 'x', kind: 'officer' });
      }),
    ).rejects.toMatchObject({ code: 'UNLOCK_NOT_ALLOWED' });
  });

  it('answers CSRF_TOKEN_INVALID to a cookie request without the CSRF header', async () => {
    const person = await newPerson('1987-11-11', 'Liên');
    const account = await registerAccount(t.app, person, '0912000014');
    const { cookie } = await sessionOf(account.accountId);
    const response = await post('/api/v1/me/lock', {}, { cookie });
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('CSRF_TOKEN_INVALID');
  });
});

describe('level 2, roles and guardians', () => {
  async function officerAt(communeId: string, agency = 'police') {
    const person = await newPerson('1980-12-12', 'Vân');
    const account = await registerAccount(
      t.app,
      person,
      `09130${String(Math.floor(Math.random() * 1e5)).padStart(5, '0')}`,
    );
    const granted = await post(
      '/api/v1/admin/roles',
      { personalId: person.personalId, role: 'officer', agency, communeId },
      { authorization: `Bearer ${bootstrap}` },
    );
    expectStatus(granted, 201);
    return sessionOf(account.accountId);
  }

  async function residentOf(communeId: string, givenName: string) {
    const person = await newPerson('1995-01-20', givenName);
    await people.registry.registerPermanentResidence(
      person.personalId,
      { communeId, addressLine: 'Số 1' },
      '2025-08-01',
      OFFICER,
    );
    await people.registry.issueCard(
      person.personalId,
      { issuedOn: '2025-09-01', issuingAuthority: 'Cục Cảnh sát QLHC về TTXH' },
      OFFICER,
    );
    return person;
  }

  const evidence = (personalId: string) => ({
    personalId,
    cardNumber: personalId,
    faceMatched: true,
    fingerprintsMatched: true,
    attestation: 'Đã đối chiếu thẻ căn cước, khuôn mặt và vân tay tại trụ sở.',
  });

  it('raises a resident of the officer’s commune to level 2 and records who attested it', async () => {
    const officer = await officerAt('2025:00004');
    const resident = await residentOf('2025:00004', 'Thảo');
    const account = await registerAccount(t.app, resident, '0912000015');
    const response = await post('/api/v1/officer/level2-activations', evidence(resident.personalId), officer);
    expectStatus(response, 201);
    expect(response.json()).toEqual({ accountId: account.accountId, created: false });
    const again = await post('/api/v1/officer/level2-activations', evidence(resident.personalId), officer);
    expect(again.json().code).toBe('ACCOUNT_ALREADY_LEVEL2');
  });

  it('lets the bootstrap token attest level 2 at first setup, so that the first police officers can reach it', async () => {
    const resident = await residentOf('2025:00008', 'Khánh');
    await registerAccount(t.app, resident, '0912000031');
    const response = await post('/api/v1/officer/level2-activations', evidence(resident.personalId), {
      authorization: `Bearer ${bootstrap}`,
    });
    expectStatus(response, 201);
    const locking = await post(
      `/api/v1/officer/accounts/${resident.personalId}/lock`,
      { locked: true },
      { authorization: `Bearer ${bootstrap}` },
    );
    expect(locking.json().code).toBe('FORBIDDEN');
  });

  it('refuses an officer activating someone outside their commune', async () => {
    const officer = await officerAt('2025:00004');
    const elsewhere = await residentOf('2025:00008', 'Quyên');
    await registerAccount(t.app, elsewhere, '0912000016');
    const response = await post('/api/v1/officer/level2-activations', evidence(elsewhere.personalId), officer);
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('OUTSIDE_JURISDICTION');
  });

  it('refuses an officer of another agency, and a citizen', async () => {
    const resident = await residentOf('2025:00004', 'Trang');
    const civilStatus = await officerAt('2025:00004', 'civil_status');
    expect(
      (await post('/api/v1/officer/level2-activations', evidence(resident.personalId), civilStatus)).json().code,
    ).toBe('FORBIDDEN');
    const citizen = await registerAccount(t.app, await newPerson('1999-09-19', 'Nhung'), '0912000017');
    expect(
      (
        await post(
          '/api/v1/officer/level2-activations',
          evidence(resident.personalId),
          await sessionOf(citizen.accountId),
        )
      ).json().code,
    ).toBe('FORBIDDEN');
  });

  it('needs both biometric checks and a valid card', async () => {
    const officer = await officerAt('2025:00004');
    const resident = await residentOf('2025:00004', 'Xuân');
    const noPrints = await post(
      '/api/v1/officer/level2-activations',
      { ...evidence(resident.personalId), fingerprintsMatched: false, phone: '0912000018' },
      officer,
    );
    expect(noPrints.json().code).toBe('BIOMETRICS_NOT_MATCHED');
    const wrongCard = await post(
      '/api/v1/officer/level2-activations',
      { ...evidence(resident.personalId), cardNumber: '001199000000', phone: '0912000018' },
      officer,
    );
    expect(wrongCard.json().code).toBe('CARD_NOT_VALID');
  });

  it('makes the account of a person without one, whose password is then set with the code sent by SMS', async () => {
    const officer = await officerAt('2025:00004');
    const resident = await residentOf('2025:00004', 'Uyên');
    const response = await post(
      '/api/v1/officer/level2-activations',
      { ...evidence(resident.personalId), phone: '0912000019' },
      officer,
    );
    expect(response.json()).toMatchObject({ created: true });
    const code = await latestCode(t.app, '0912000019');
    expectStatus(
      await post('/api/v1/accounts/first-password', { personalId: resident.personalId, code, password: 'matkhau2026' }),
      204,
    );
    expect(
      (
        await post('/api/v1/accounts/first-password', {
          personalId: resident.personalId,
          code,
          password: 'matkhau2026',
        })
      ).json().code,
    ).toBe('PASSWORD_ALREADY_SET');
  });

  it('lets a level-2 parent register their child under 14, and refuses a stranger and an older child', async () => {
    const officer = await officerAt('2025:00004');
    const mother = await residentOf('2025:00004', 'Loan');
    const motherAccount = await registerAccount(t.app, mother, '0912000020');
    expectStatus(await post('/api/v1/officer/level2-activations', evidence(mother.personalId), officer), 201);
    const child = await people.person({
      familyName: 'Lê',
      givenName: 'Bình',
      birthDate: '2018-06-01',
      sex: 'male',
      motherId: mother.personalId,
    });
    const teen = await people.person({
      familyName: 'Lê',
      givenName: 'Minh',
      birthDate: '2010-06-01',
      sex: 'male',
      motherId: mother.personalId,
    });
    const stranger = await people.person({
      familyName: 'Phạm',
      givenName: 'Khoa',
      birthDate: '2019-01-01',
      sex: 'male',
    });
    const session = await sessionOf(motherAccount.accountId);
    expectStatus(await post('/api/v1/me/children', { personalId: child }, session), 201);
    expect((await post('/api/v1/me/children', { personalId: teen }, session)).json().code).toBe('CHILD_TOO_OLD');
    expect((await post('/api/v1/me/children', { personalId: stranger }, session)).json().code).toBe('NOT_GUARDIAN');
    const me = await t.app.inject({ url: '/api/v1/me', headers: session });
    expect(me.json()).toMatchObject({ level: 2, guardianOf: [{ personalId: child, fullName: 'Lê Văn Bình' }] });
  });

  it('refuses a level-1 parent registering a child', async () => {
    const father = await newPerson('1984-04-04', 'Sơn');
    const fatherAccount = await registerAccount(t.app, father, '0912000021');
    const child = await people.person({ familyName: 'Trần', givenName: 'Na', birthDate: '2020-02-02', sex: 'female' });
    const response = await post('/api/v1/me/children', { personalId: child }, await sessionOf(fatherAccount.accountId));
    expect(response.json().code).toBe('GUARDIAN_NOT_LEVEL2');
  });

  it('lets only administrators give roles, and only to communes in force', async () => {
    const citizen = await registerAccount(t.app, await newPerson('1990-10-10', 'Vy'), '0912000022');
    const asCitizen = await post(
      '/api/v1/admin/roles',
      { personalId: citizen.personalId, role: 'admin' },
      await sessionOf(citizen.accountId),
    );
    expect(asCitizen.json().code).toBe('FORBIDDEN');
    const oldCommune = await post(
      '/api/v1/admin/roles',
      { personalId: citizen.personalId, role: 'officer', agency: 'police', communeId: 'pre2025:00004' },
      { authorization: `Bearer ${bootstrap}` },
    );
    expect(['ROLE_INVALID', 'ADMIN_UNIT_NOT_FOUND']).toContain(oldCommune.json().code);
    const noAgency = await post(
      '/api/v1/admin/roles',
      { personalId: citizen.personalId, role: 'officer', communeId: '2025:00004' },
      { authorization: `Bearer ${bootstrap}` },
    );
    expect(noAgency.json().code).toBe('ROLE_INVALID');
  });
});
