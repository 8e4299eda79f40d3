import { describe, expect, it } from 'vitest';
import { startAccountsWorld } from '../../test/support/accounts.ts';
import { expectStatus, latestCode, registerAccount } from '../../test/support/identity.ts';
import { OFFICER } from '../registry/testing.ts';

const w = startAccountsWorld();

describe('level-1 registration', () => {
  it('creates an account once the phone is confirmed, and the code goes through the messages outbox', async () => {
    const person = await w.newPerson();
    const account = await registerAccount(w.t.app, person, '0912000001');
    expect(account.accountId).toMatch(/[0-9a-f-]{36}/);
    const [message] = await w.t.app.services.messages.latest(1, '0912000001');
    expect(message).toMatchObject({ channel: 'sms', kind: 'otp.registration' });
  });

  it('accepts the name in another case, spacing and Unicode form, but not without its diacritics', async () => {
    const person = await w.newPerson('1988-07-01', 'Đào');
    const nfd = person.fullName.normalize('NFD').toUpperCase().replace(' ', '  ');
    const ok = await w.post('/api/v1/accounts/registrations', { ...person, fullName: nfd, phone: '0912000002' });
    expectStatus(ok, 201);
    const other = await w.newPerson('1988-07-02', 'Đông');
    const bare = await w.post('/api/v1/accounts/registrations', {
      ...other,
      fullName: 'Tran Thi Dong',
      phone: '0912000003',
    });
    expect(bare.json()).toMatchObject({ code: 'REGISTRATION_MISMATCH' });
  });

  it('refuses a wrong date of birth without saying which field differs', async () => {
    const person = await w.newPerson('1990-01-15', 'Lan');
    const response = await w.post('/api/v1/accounts/registrations', {
      ...person,
      birthDate: '1990-01-16',
      phone: '0912000004',
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().code).toBe('REGISTRATION_MISMATCH');
    expect(response.body).not.toMatch(/birth|ngày sinh/i);
  });

  it('refuses an unknown personal ID number with the same answer as a mismatch', async () => {
    const response = await w.post('/api/v1/accounts/registrations', {
      personalId: '001190000999',
      fullName: 'Trần Thị Lan',
      birthDate: '1990-01-15',
      phone: '0912000005',
    });
    expect(response.json().code).toBe('REGISTRATION_MISMATCH');
  });

  it('refuses a second account for the same person', async () => {
    const person = await w.newPerson('1991-03-03', 'Mai');
    await registerAccount(w.t.app, person, '0912000006');
    const again = await w.post('/api/v1/accounts/registrations', { ...person, phone: '0912000007' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('ACCOUNT_EXISTS');
  });

  it('refuses a deceased person', async () => {
    const person = await w.newPerson('1950-05-05', 'Cúc');
    await w.people.registry.recordDeath(person.personalId, { diedOn: '2026-01-10' }, OFFICER);
    const response = await w.post('/api/v1/accounts/registrations', { ...person, phone: '0912000008' });
    expect(response.json().code).toBe('PERSON_NOT_ELIGIBLE');
  });

  it('refuses a wrong code, counts the tries, and a weak password creates nothing', async () => {
    const person = await w.newPerson('1993-04-04', 'Thu');
    const started = await w.post('/api/v1/accounts/registrations', { ...person, phone: '0912000009' });
    const { registrationId } = started.json();
    const code = await latestCode(w.t.app, '0912000009');
    const wrong = code === '000000' ? '111111' : '000000';
    const refused = await w.post(`/api/v1/accounts/registrations/${registrationId}/confirmation`, {
      code: wrong,
      password: 'matkhau2026',
    });
    expect(refused.json()).toMatchObject({ code: 'OTP_INVALID', details: { attemptsLeft: 4 } });
    const weak = await w.post(`/api/v1/accounts/registrations/${registrationId}/confirmation`, {
      code,
      password: 'short',
    });
    expect(weak.json()).toMatchObject({
      code: 'PASSWORD_TOO_WEAK',
      details: { reasons: ['min_length', 'letters_and_digits'] },
    });
    const ok = await w.post(`/api/v1/accounts/registrations/${registrationId}/confirmation`, {
      code,
      password: 'matkhau2026',
    });
    expectStatus(ok, 201);
    const replay = await w.post(`/api/v1/accounts/registrations/${registrationId}/confirmation`, {
      code,
      password: 'matkhau2026',
    });
    expect(replay.json().code).toBe('REGISTRATION_NOT_FOUND');
  });

  it('refuses an expired code', async () => {
    const person = await w.newPerson('1994-06-06', 'Yến');
    const started = await w.post('/api/v1/accounts/registrations', { ...person, phone: '0912000010' });
    const code = await latestCode(w.t.app, '0912000010');
    w.t.clock.advance(6 * 60_000);
    const late = await w.post(`/api/v1/accounts/registrations/${started.json().registrationId}/confirmation`, {
      code,
      password: 'matkhau2026',
    });
    expect(late.statusCode).toBe(410);
    expect(late.json().code).toBe('OTP_EXPIRED');
  });
});

describe('a new registration code', () => {
  it('is sent at most once a minute, and replaces the old code', async () => {
    const person = await w.newPerson('1996-03-15', 'Duyên');
    const started = await w.post('/api/v1/accounts/registrations', { ...person, phone: '0912000030' });
    const { registrationId } = started.json();
    const first = await latestCode(w.t.app, '0912000030');
    const tooSoon = await w.post(`/api/v1/accounts/registrations/${registrationId}/code`, {});
    expect(tooSoon.statusCode).toBe(429);
    expect(tooSoon.json().code).toBe('OTP_RESEND_TOO_SOON');
    expect(Number(tooSoon.headers['retry-after'])).toBeGreaterThan(0);
    w.t.clock.advance(61_000);
    expectStatus(await w.post(`/api/v1/accounts/registrations/${registrationId}/code`, {}), 202);
    const second = await latestCode(w.t.app, '0912000030');
    if (first !== second) {
      const stale = await w.post(`/api/v1/accounts/registrations/${registrationId}/confirmation`, {
        code: first,
        password: 'matkhau2026',
      });
      expect(stale.json().code).toBe('OTP_INVALID');
    }
    expectStatus(
      await w.post(`/api/v1/accounts/registrations/${registrationId}/confirmation`, {
        code: second,
        password: 'matkhau2026',
      }),
      201,
    );
  });
});
