import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectStatus } from '../../test/support/identity.ts';
import { registerPartner, type VerificationFixture, verificationFixture } from '../../test/support/verification.ts';
import { generatePersonalId } from '../kernel/index.ts';
import { newCheckId } from './check.ts';
import { monthBounds } from './metering.ts';
import { CONTRACT } from './testing.ts';

let f: VerificationFixture;
let token: string;

beforeAll(async () => {
  f = await verificationFixture();
  const partner = await registerPartner(f.t.app, f.adminToken, { id: 'ngan-hang-m', name: 'Ngân hàng M' });
  token = await partner.token();
  // From 3 March a new contract lowers the price of an online check.
  const cheaper = { ...CONTRACT, onlinePriceVnd: 1_200, validFrom: '2026-03-03' };
  expectStatus(await f.admin('POST', '/api/v1/admin/partners/ngan-hang-m/contracts', cheaper), 201);

  // 2 March, 09:00 in Vietnam: three checks to open accounts (one of a number nobody has), two for cleaning.
  const nobody = generatePersonalId(() => 0.5, { provinceCode: '001', birthYear: 1980, sex: 'male' });
  // One of them compares the card and the phone only.
  for (const personalId of [f.duc, nobody]) {
    expectStatus(await f.check(token, { personalId }), 200);
  }
  expectStatus(await f.check(token, { personalId: f.duc, cardNumber: f.duc, phone: '0912345678' }), 200);
  for (let i = 0; i < 2; i++) {
    expectStatus(await f.check(token, { personalId: f.duc, purpose: 'customer_data_cleaning' }), 200);
  }
  // Refused checks are neither counted nor billed; another partner's checks are its own.
  expect((await f.check(token, { personalId: f.duc, purpose: 'subscriber_check' })).statusCode).toBe(403);
  await f.answer({ personalId: f.duc });
  // 3 March, 06:30 in Vietnam (still 2 March in UTC): one more to open an account.
  f.t.clock.set('2026-03-02T23:30:00Z');
  expectStatus(await f.check(token, { personalId: f.duc }), 200);
});
afterAll(async () => f?.close());

const identityOnline = { channel: 'online', checkTypes: ['identity'] } as const;

describe('usage', () => {
  it('counts an administrator’s view of a partner’s checks by Vietnamese day and purpose', async () => {
    const response = await f.admin('GET', '/api/v1/admin/partners/ngan-hang-m/usage?month=2026-03&groupBy=day');
    expectStatus(response, 200);
    expect(response.json()).toEqual({
      partnerId: 'ngan-hang-m',
      month: '2026-03',
      groupBy: 'day',
      lines: [
        {
          period: '2026-03-02',
          purpose: 'customer_data_cleaning',
          purposeLabel: 'Làm sạch dữ liệu khách hàng',
          ...identityOnline,
          checks: 2,
        },
        {
          period: '2026-03-02',
          purpose: 'account_opening',
          purposeLabel: 'Mở tài khoản',
          ...identityOnline,
          checks: 2,
        },
        {
          period: '2026-03-02',
          purpose: 'account_opening',
          purposeLabel: 'Mở tài khoản',
          channel: 'online',
          checkTypes: ['card', 'phone'],
          checks: 1,
        },
        {
          period: '2026-03-03',
          purpose: 'account_opening',
          purposeLabel: 'Mở tài khoản',
          ...identityOnline,
          checks: 1,
        },
      ],
      total: 6,
      byCheckType: { identity: 5, card: 1, phone: 1, address: 0 },
    });
  });

  it('shows a partner its own month with its access token', async () => {
    const response = await f.t.app.inject({
      method: 'GET',
      url: '/api/v1/partner/usage?month=2026-03&groupBy=month',
      headers: { authorization: `Bearer ${token}` },
    });
    expectStatus(response, 200);
    expect(response.json().lines).toEqual([
      {
        period: '2026-03',
        purpose: 'customer_data_cleaning',
        purposeLabel: 'Làm sạch dữ liệu khách hàng',
        ...identityOnline,
        checks: 2,
      },
      { period: '2026-03', purpose: 'account_opening', purposeLabel: 'Mở tài khoản', ...identityOnline, checks: 3 },
      {
        period: '2026-03',
        purpose: 'account_opening',
        purposeLabel: 'Mở tài khoản',
        channel: 'online',
        checkTypes: ['card', 'phone'],
        checks: 1,
      },
    ]);
    expect(response.json().total).toBe(6);
  });

  it('refuses usage without a partner’s token', async () => {
    const response = await f.t.app.inject({ method: 'GET', url: '/api/v1/partner/usage?month=2026-03' });
    expect(response.statusCode).toBe(401);
  });
});

describe('invoices', () => {
  it('prices each day’s checks by the contract in force that day, in đồng, a line per combination of check types', async () => {
    const response = await f.admin('GET', '/api/v1/admin/partners/ngan-hang-m/invoices/2026-03');
    expectStatus(response, 200);
    expect(response.json()).toEqual({
      partnerId: 'ngan-hang-m',
      partnerName: 'Ngân hàng M',
      month: '2026-03',
      currency: 'VND',
      lines: [
        {
          purpose: 'account_opening',
          purposeLabel: 'Mở tài khoản',
          ...identityOnline,
          checks: 1,
          unitPriceVnd: 1_200,
          amountVnd: 1_200,
        },
        {
          purpose: 'account_opening',
          purposeLabel: 'Mở tài khoản',
          ...identityOnline,
          checks: 2,
          unitPriceVnd: 1_500,
          amountVnd: 3_000,
        },
        {
          purpose: 'account_opening',
          purposeLabel: 'Mở tài khoản',
          channel: 'online',
          checkTypes: ['card', 'phone'],
          checks: 1,
          unitPriceVnd: 1_500,
          amountVnd: 1_500,
        },
        {
          purpose: 'customer_data_cleaning',
          purposeLabel: 'Làm sạch dữ liệu khách hàng',
          ...identityOnline,
          checks: 2,
          unitPriceVnd: 1_500,
          amountVnd: 3_000,
        },
      ],
      totalVnd: 8_700,
    });
  });

  it('bills nothing for a month without checks', async () => {
    const response = await f.admin('GET', '/api/v1/admin/partners/ngan-hang-m/invoices/2026-04');
    expect(response.json()).toMatchObject({ lines: [], totalVnd: 0 });
  });

  it('is for administrators, and refuses a month that is not YYYY-MM', async () => {
    const asPartner = await f.t.app.inject({
      method: 'GET',
      url: '/api/v1/admin/partners/ngan-hang-m/invoices/2026-03',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(asPartner.statusCode).toBe(401);
    const badMonth = await f.admin('GET', '/api/v1/admin/partners/ngan-hang-m/invoices/2026-13');
    expect(badMonth.json().code).toBe('VALIDATION_FAILED');
  });
});

describe('metering arithmetic', () => {
  it('bounds a month by Vietnamese midnight', () => {
    expect(monthBounds('2026-12')).toEqual({
      from: new Date('2026-11-30T17:00:00Z'),
      to: new Date('2026-12-31T17:00:00Z'),
    });
  });

  it('never gives a check id with twelve digits in a row, which the access log would refuse', () => {
    const ids = Array.from({ length: 5_000 }, newCheckId);
    expect(ids.filter((id) => /\d{12}/.test(id))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
