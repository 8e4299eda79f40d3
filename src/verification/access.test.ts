import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectStatus } from '../../test/support/identity.ts';
import { registerPartner, type VerificationFixture, verificationFixture } from '../../test/support/verification.ts';
import { CONTRACT } from './testing.ts';

let f: VerificationFixture;
let duc: string;

beforeAll(async () => {
  f = await verificationFixture();
  duc = f.duc;
});
afterAll(async () => f?.close());

describe('who may check', () => {
  it('refuses a request without a token, or with one the platform did not give', async () => {
    const none = await f.t.app.inject({
      method: 'POST',
      url: '/api/v1/verifications',
      payload: { personalId: duc, purpose: 'account_opening' },
    });
    expect(none.statusCode).toBe(401);
    expect(none.json().code).toBe('UNAUTHENTICATED');
    const forged = await f.check('not-a-token', { personalId: duc });
    expect(forged.statusCode).toBe(401);
    expect(forged.json().code).toBe('UNAUTHENTICATED');
  });

  it('refuses the bootstrap administrator token: checks are for partners’ systems', async () => {
    const response = await f.check(f.adminToken, { personalId: duc });
    expect(response.statusCode).toBe(401);
    expect(response.json().code).toBe('UNAUTHENTICATED');
  });

  it('refuses a machine client that no partner is registered for', async () => {
    const stranger = await registerPartner(f.t.app, f.adminToken, { id: 'la-mat', name: 'Lạ mặt', partner: false });
    const response = await f.check(await stranger.token(), { personalId: duc });
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('NOT_A_PARTNER');
  });

  it('refuses a purpose outside the contract', async () => {
    const response = await f.check(f.bank.accessToken, { personalId: duc, purpose: 'subscriber_check' });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({
      code: 'PURPOSE_NOT_ALLOWED',
      details: { allowed: ['account_opening', 'customer_data_cleaning'] },
    });
  });

  it('refuses a check type outside the contract, asked for or implied by a field given', async () => {
    const telco = await registerPartner(f.t.app, f.adminToken, {
      id: 'nha-mang-b',
      name: 'Nhà mạng B',
      kind: 'telecom',
      contract: { ...CONTRACT, purposes: ['subscriber_check'], checkTypes: ['identity'] },
    });
    const token = await telco.token();
    const implied = await f.check(token, { personalId: duc, purpose: 'subscriber_check', phone: '0912345678' });
    expect(implied.statusCode).toBe(403);
    expect(implied.json()).toMatchObject({ code: 'CHECK_TYPE_NOT_ALLOWED', details: { refused: ['phone'] } });
    const asked = await f.check(token, { personalId: duc, purpose: 'subscriber_check', checkTypes: ['card'] });
    expect(asked.statusCode).toBe(403);
    expect(asked.json().code).toBe('CHECK_TYPE_NOT_ALLOWED');
    const allowed = await f.check(token, { personalId: duc, purpose: 'subscriber_check', fullName: 'Nguyễn Văn Đức' });
    expectStatus(allowed, 200);
  });

  it('refuses a suspended partner until it is reactivated, and keeps both in its history', async () => {
    const insurer = await registerPartner(f.t.app, f.adminToken, {
      id: 'bao-hiem-c',
      name: 'Bảo hiểm C',
      kind: 'insurer',
    });
    const token = await insurer.token();
    const suspend = { reason: 'Vi phạm điều khoản bảo mật' };
    expectStatus(await f.admin('POST', '/api/v1/admin/partners/bao-hiem-c/suspension', suspend), 200);
    const refused = await f.check(token, { personalId: duc });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('PARTNER_SUSPENDED');
    const again = await f.admin('POST', '/api/v1/admin/partners/bao-hiem-c/suspension', suspend);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('PARTNER_STATUS_UNCHANGED');
    const reactivate = { reason: 'Đã khắc phục' };
    expectStatus(await f.admin('POST', '/api/v1/admin/partners/bao-hiem-c/reactivation', reactivate), 200);
    expectStatus(await f.check(token, { personalId: duc }), 200);
    const detail = await f.admin('GET', '/api/v1/admin/partners/bao-hiem-c');
    expect(detail.json().history.map((event: { kind: string }) => event.kind)).toEqual([
      'created',
      'contract_added',
      'suspended',
      'reactivated',
    ]);
    expect(detail.json().history[2].details).toEqual(suspend);
  });

  it('refuses a partner without a contract in force today', async () => {
    const hospital = await registerPartner(f.t.app, f.adminToken, {
      id: 'benh-vien-d',
      name: 'Bệnh viện D',
      kind: 'hospital',
      contract: null,
    });
    const token = await hospital.token();
    const none = await f.check(token, { personalId: duc });
    expect(none.statusCode).toBe(403);
    expect(none.json().code).toBe('CONTRACT_NOT_IN_FORCE');
    const ended = { ...CONTRACT, validFrom: '2025-01-01', validUntil: '2025-12-31' };
    expectStatus(await f.admin('POST', '/api/v1/admin/partners/benh-vien-d/contracts', ended), 201);
    expect((await f.check(token, { personalId: duc })).json().code).toBe('CONTRACT_NOT_IN_FORCE');
    const current = { ...CONTRACT, validFrom: '2026-03-01' };
    expectStatus(await f.admin('POST', '/api/v1/admin/partners/benh-vien-d/contracts', current), 201);
    expectStatus(await f.check(token, { personalId: duc }), 200);
  });

  it('refuses a partner over its monthly quota, until the next month in Vietnam', async () => {
    const small = await registerPartner(f.t.app, f.adminToken, {
      id: 'ngan-hang-e',
      name: 'Ngân hàng E',
      contract: { ...CONTRACT, monthlyQuota: 2 },
    });
    const token = await small.token();
    expectStatus(await f.check(token, { personalId: duc }), 200);
    expectStatus(await f.check(token, { personalId: duc }), 200);
    const over = await f.check(token, { personalId: duc });
    expect(over.statusCode).toBe(429);
    expect(over.json()).toMatchObject({ code: 'QUOTA_EXCEEDED', details: { quota: 2, month: '2026-03' } });
    const secondsLeft = (Date.parse('2026-03-31T17:00:00Z') - f.t.clock.now().getTime()) / 1000;
    expect(over.headers['retry-after']).toBe(String(secondsLeft));
  });

  it('admits exactly the quota when checks arrive together', async () => {
    const busy = await registerPartner(f.t.app, f.adminToken, {
      id: 'ngan-hang-k',
      name: 'Ngân hàng K',
      contract: { ...CONTRACT, monthlyQuota: 3 },
    });
    const token = await busy.token();
    const responses = await Promise.all(Array.from({ length: 6 }, () => f.check(token, { personalId: duc })));
    expect(responses.map((response) => response.statusCode).sort()).toEqual([200, 200, 200, 429, 429, 429]);
  });

  it('counts the quota from the access log, so a new node knows what others used', async () => {
    const shared = await registerPartner(f.t.app, f.adminToken, {
      id: 'ngan-hang-h',
      name: 'Ngân hàng H',
      contract: { ...CONTRACT, monthlyQuota: 3 },
    });
    const token = await shared.token();
    for (let i = 0; i < 3; i++) expectStatus(await f.check(token, { personalId: duc }), 200);
    // Another node: a Verification of its own over the same database and log.
    const { Verification } = await import('./verification.ts');
    const { services } = f.t.app;
    const other = new Verification({
      db: f.t.db,
      clock: f.t.clock,
      accessLog: f.people.accessLog,
      registry: services.registry,
      identity: services.identity,
    });
    const terms = await other.partnerOfToken(token);
    const refused = await other.check(terms, { personalId: duc, purpose: 'account_opening' }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'QUOTA_EXCEEDED' });
  });

  it('refuses checks faster than the contract’s rate, with Retry-After', async () => {
    const slow = await registerPartner(f.t.app, f.adminToken, {
      id: 'ngan-hang-f',
      name: 'Ngân hàng F',
      contract: { ...CONTRACT, ratePerSecond: 1 },
    });
    const token = await slow.token();
    expectStatus(await f.check(token, { personalId: duc }), 200);
    const fast = await f.check(token, { personalId: duc });
    expect(fast.statusCode).toBe(429);
    expect(fast.json().code).toBe('RATE_LIMITED');
    expect(fast.headers['retry-after']).toBe('1');
    f.t.clock.advance(1000);
    expectStatus(await f.check(token, { personalId: duc }), 200);
  });
});

describe('partner administration', () => {
  it('is for administrators only', async () => {
    const anonymous = await f.t.app.inject({ method: 'GET', url: '/api/v1/admin/partners' });
    expect(anonymous.statusCode).toBe(401);
    const asPartner = await f.t.app.inject({
      method: 'GET',
      url: '/api/v1/admin/partners',
      headers: { authorization: `Bearer ${f.bank.accessToken}` },
    });
    expect(asPartner.statusCode).toBe(401);
    const listed = await f.admin('GET', '/api/v1/admin/partners');
    expect(listed.json().items.map((p: { id: string }) => p.id)).toContain('ngan-hang-a');
  });

  it('refuses a partner for a client that is not a verification machine client, or already taken', async () => {
    const web = await f.admin('POST', '/api/v1/admin/partners', {
      id: 'cong-ty-g',
      name: 'G',
      kind: 'other',
      clientId: 'dancu-web',
    });
    expect(web.statusCode).toBe(422);
    expect(web.json().code).toBe('PARTNER_CLIENT_INVALID');
    const unknown = await f.admin('POST', '/api/v1/admin/partners', {
      id: 'cong-ty-g',
      name: 'G',
      kind: 'other',
      clientId: 'khong-co',
    });
    expect(unknown.json().code).toBe('CLIENT_NOT_FOUND');
    const taken = await f.admin('POST', '/api/v1/admin/partners', {
      id: 'cong-ty-g',
      name: 'G',
      kind: 'other',
      clientId: f.bank.clientId,
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().code).toBe('PARTNER_EXISTS');
  });

  it('renames a partner and shows the new name to citizens from then on', async () => {
    const renamed = await f.admin('PATCH', '/api/v1/admin/partners/ngan-hang-a', { name: 'Ngân hàng A Mới' });
    expectStatus(renamed, 200);
    await f.answer({ personalId: duc });
    const { items } = await f.people.accessLog.listForSubject(duc, { limit: 1 });
    expect(items[0]).toMatchObject({ actorId: 'ngan-hang-a', actorName: 'Ngân hàng A Mới' });
    await f.admin('PATCH', '/api/v1/admin/partners/ngan-hang-a', { name: 'Ngân hàng TMCP Thử nghiệm A' });
  });

  it('refuses a contract that ends before it starts, and an unknown purpose', async () => {
    const backwards = await f.admin('POST', '/api/v1/admin/partners/ngan-hang-a/contracts', {
      ...CONTRACT,
      validFrom: '2026-05-01',
      validUntil: '2026-04-30',
    });
    expect(backwards.statusCode).toBe(422);
    expect(backwards.json().code).toBe('CONTRACT_INVALID');
    const unknown = await f.admin('POST', '/api/v1/admin/partners/ngan-hang-a/contracts', {
      ...CONTRACT,
      purposes: ['marketing'],
    });
    expect(unknown.json().code).toBe('VALIDATION_FAILED');
    const missing = await f.admin('POST', '/api/v1/admin/partners/khong-co/contracts', CONTRACT);
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('PARTNER_NOT_FOUND');
  });
});
