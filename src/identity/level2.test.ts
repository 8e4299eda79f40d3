// Level 2 attested in person, roles given by administrators, and children’s accounts made by their guardians.
import { describe, expect, it } from 'vitest';
import { startAccountsWorld } from '../../test/support/accounts.ts';
import { expectStatus, latestCode, registerAccount } from '../../test/support/identity.ts';
import { OFFICER } from '../registry/testing.ts';

const w = startAccountsWorld();

describe('level 2, roles and guardians', () => {
  async function officerAt(communeId: string, agency = 'police') {
    const person = await w.newPerson('1980-12-12', 'Vân');
    const account = await registerAccount(
      w.t.app,
      person,
      `09130${String(Math.floor(Math.random() * 1e5)).padStart(5, '0')}`,
    );
    const granted = await w.post(
      '/api/v1/admin/roles',
      { personalId: person.personalId, role: 'officer', agency, communeId },
      { authorization: `Bearer ${w.bootstrap}` },
    );
    expectStatus(granted, 201);
    return w.sessionOf(account.accountId);
  }

  async function residentOf(communeId: string, givenName: string) {
    const person = await w.newPerson('1995-01-20', givenName);
    await w.people.registry.registerPermanentResidence(
      person.personalId,
      { communeId, addressLine: 'Số 1' },
      '2025-08-01',
      OFFICER,
    );
    await w.people.registry.issueCard(
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
    const account = await registerAccount(w.t.app, resident, '0912000015');
    const response = await w.post('/api/v1/officer/level2-activations', evidence(resident.personalId), officer);
    expectStatus(response, 201);
    expect(response.json()).toEqual({ accountId: account.accountId, created: false });
    const again = await w.post('/api/v1/officer/level2-activations', evidence(resident.personalId), officer);
    expect(again.json().code).toBe('ACCOUNT_ALREADY_LEVEL2');
  });

  it('lets the bootstrap token attest level 2 at first setup, so that the first police officers can reach it', async () => {
    const resident = await residentOf('2025:00008', 'Khánh');
    await registerAccount(w.t.app, resident, '0912000031');
    const response = await w.post('/api/v1/officer/level2-activations', evidence(resident.personalId), {
      authorization: `Bearer ${w.bootstrap}`,
    });
    expectStatus(response, 201);
    const locking = await w.post(
      `/api/v1/officer/accounts/${resident.personalId}/lock`,
      { locked: true },
      { authorization: `Bearer ${w.bootstrap}` },
    );
    expect(locking.json().code).toBe('FORBIDDEN');
  });

  it('refuses an officer activating someone outside their commune', async () => {
    const officer = await officerAt('2025:00004');
    const elsewhere = await residentOf('2025:00008', 'Quyên');
    await registerAccount(w.t.app, elsewhere, '0912000016');
    const response = await w.post('/api/v1/officer/level2-activations', evidence(elsewhere.personalId), officer);
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('OUTSIDE_JURISDICTION');
  });

  it('refuses an officer of another agency, and a citizen', async () => {
    const resident = await residentOf('2025:00004', 'Trang');
    const civilStatus = await officerAt('2025:00004', 'civil_status');
    expect(
      (await w.post('/api/v1/officer/level2-activations', evidence(resident.personalId), civilStatus)).json().code,
    ).toBe('FORBIDDEN');
    const citizen = await registerAccount(w.t.app, await w.newPerson('1999-09-19', 'Nhung'), '0912000017');
    expect(
      (
        await w.post(
          '/api/v1/officer/level2-activations',
          evidence(resident.personalId),
          await w.sessionOf(citizen.accountId),
        )
      ).json().code,
    ).toBe('FORBIDDEN');
  });

  it('needs both biometric checks and a valid card', async () => {
    const officer = await officerAt('2025:00004');
    const resident = await residentOf('2025:00004', 'Xuân');
    const noPrints = await w.post(
      '/api/v1/officer/level2-activations',
      { ...evidence(resident.personalId), fingerprintsMatched: false, phone: '0912000018' },
      officer,
    );
    expect(noPrints.json().code).toBe('BIOMETRICS_NOT_MATCHED');
    const wrongCard = await w.post(
      '/api/v1/officer/level2-activations',
      { ...evidence(resident.personalId), cardNumber: '001199000000', phone: '0912000018' },
      officer,
    );
    expect(wrongCard.json().code).toBe('CARD_NOT_VALID');
  });

  it('makes the account of a person without one, whose password is then set with the code sent by SMS', async () => {
    const officer = await officerAt('2025:00004');
    const resident = await residentOf('2025:00004', 'Uyên');
    const response = await w.post(
      '/api/v1/officer/level2-activations',
      { ...evidence(resident.personalId), phone: '0912000019' },
      officer,
    );
    expect(response.json()).toMatchObject({ created: true });
    const code = await latestCode(w.t.app, '0912000019');
    expectStatus(
      await w.post('/api/v1/accounts/first-password', {
        personalId: resident.personalId,
        code,
        password: 'matkhau2026',
      }),
      204,
    );
    expect(
      (
        await w.post('/api/v1/accounts/first-password', {
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
    const motherAccount = await registerAccount(w.t.app, mother, '0912000020');
    expectStatus(await w.post('/api/v1/officer/level2-activations', evidence(mother.personalId), officer), 201);
    const child = await w.people.person({
      familyName: 'Lê',
      givenName: 'Bình',
      birthDate: '2018-06-01',
      sex: 'male',
      motherId: mother.personalId,
    });
    const teen = await w.people.person({
      familyName: 'Lê',
      givenName: 'Minh',
      birthDate: '2010-06-01',
      sex: 'male',
      motherId: mother.personalId,
    });
    const stranger = await w.people.person({
      familyName: 'Phạm',
      givenName: 'Khoa',
      birthDate: '2019-01-01',
      sex: 'male',
    });
    const session = await w.sessionOf(motherAccount.accountId);
    expectStatus(await w.post('/api/v1/me/children', { personalId: child }, session), 201);
    expect((await w.post('/api/v1/me/children', { personalId: teen }, session)).json().code).toBe('CHILD_TOO_OLD');
    expect((await w.post('/api/v1/me/children', { personalId: stranger }, session)).json().code).toBe('NOT_GUARDIAN');
    const me = await w.t.app.inject({ url: '/api/v1/me', headers: session });
    expect(me.json()).toMatchObject({ level: 2, guardianOf: [{ personalId: child, fullName: 'Lê Văn Bình' }] });
  });

  it('refuses a level-1 parent registering a child', async () => {
    const father = await w.newPerson('1984-04-04', 'Sơn');
    const fatherAccount = await registerAccount(w.t.app, father, '0912000021');
    const child = await w.people.person({
      familyName: 'Trần',
      givenName: 'Na',
      birthDate: '2020-02-02',
      sex: 'female',
    });
    const response = await w.post(
      '/api/v1/me/children',
      { personalId: child },
      await w.sessionOf(fatherAccount.accountId),
    );
    expect(response.json().code).toBe('GUARDIAN_NOT_LEVEL2');
  });

  it('lets only administrators give roles, and only to communes in force', async () => {
    const citizen = await registerAccount(w.t.app, await w.newPerson('1990-10-10', 'Vy'), '0912000022');
    const asCitizen = await w.post(
      '/api/v1/admin/roles',
      { personalId: citizen.personalId, role: 'admin' },
      await w.sessionOf(citizen.accountId),
    );
    expect(asCitizen.json().code).toBe('FORBIDDEN');
    const oldCommune = await w.post(
      '/api/v1/admin/roles',
      { personalId: citizen.personalId, role: 'officer', agency: 'police', communeId: 'pre2025:00004' },
      { authorization: `Bearer ${w.bootstrap}` },
    );
    expect(['ROLE_INVALID', 'ADMIN_UNIT_NOT_FOUND']).toContain(oldCommune.json().code);
    const noAgency = await w.post(
      '/api/v1/admin/roles',
      { personalId: citizen.personalId, role: 'officer', communeId: '2025:00004' },
      { authorization: `Bearer ${w.bootstrap}` },
    );
    expect(noAgency.json().code).toBe('ROLE_INVALID');
  });
});
