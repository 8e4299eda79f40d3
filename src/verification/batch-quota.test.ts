import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectStatus } from '../../test/support/identity.ts';
import { registerPartner, type VerificationFixture, verificationFixture } from '../../test/support/verification.ts';
import type { BatchJob } from './batch/model.ts';
import type { PartnerContract } from './model.ts';
import { CONTRACT } from './testing.ts';

let f: VerificationFixture;
/** A bank whose contract allows 5 checks a month. */
let token = '';
const QUOTA = 5;

beforeAll(async () => {
  f = await verificationFixture();
  const partner = await registerPartner(f.t.app, f.adminToken, {
    id: 'ngan-hang-han-muc',
    name: 'Ngân hàng Hạn mức',
    scopes: ['verification', 'verification.batch'],
    contract: { ...CONTRACT, monthlyQuota: QUOTA },
  });
  token = await partner.token();
});
afterAll(async () => f?.close());

const get = (url: string, bearer = token) =>
  f.t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${bearer}` } });

function upload(csv: string): Promise<LightMyRequestResponse> {
  return f.t.app.inject({
    method: 'POST',
    url: '/api/v1/verification-batches?purpose=customer_data_cleaning',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
    payload: csv,
  });
}

async function contract(): Promise<PartnerContract> {
  const response = await get('/api/v1/partner/contract');
  expectStatus(response, 200);
  return response.json() as PartnerContract;
}

const rows = (count: number, name = 'Nguyễn Văn Đức') =>
  `personalId,fullName\n${Array.from({ length: count }, () => `${f.duc},${name}`).join('\n')}\n`;

describe('batch rows against the monthly quota', () => {
  let first: BatchJob;

  it('reserves a batch’s readable rows when it is accepted, and shows the quota used, reserved and left', async () => {
    expect(await contract()).toMatchObject({
      partner: { id: 'ngan-hang-han-muc', status: 'active' },
      contract: { monthlyQuota: QUOTA, checkTypes: CONTRACT.checkTypes },
      quota: { month: '2026-03', quota: QUOTA, used: 0, reserved: 0, remaining: QUOTA },
    });
    // Three readable rows and one that cannot be read (not checked, not billed, not reserved).
    const accepted = await upload(`${rows(3)}12345,Ai Đó\n`);
    expectStatus(accepted, 202);
    first = accepted.json() as BatchJob;
    expect(first.rowsRead).toBe(4);
    expect((await contract()).quota).toEqual({ month: '2026-03', quota: QUOTA, used: 0, reserved: 3, remaining: 2 });
  });

  it('counts the reserved rows against online checks', async () => {
    expectStatus(await f.check(token, { personalId: f.duc }), 200);
    expectStatus(await f.check(token, { personalId: f.duc }), 200);
    const refused = await f.check(token, { personalId: f.duc });
    expectStatus(refused, 429);
    expect(refused.json()).toMatchObject({ code: 'QUOTA_EXCEEDED' });
    expect((await contract()).quota).toMatchObject({ used: 2, reserved: 3, remaining: 0 });
  });

  it('refuses a batch that does not fit in what is left, with the figures and when to come back', async () => {
    const refused = await upload(rows(1, 'Nguyen Van Duc'));
    expectStatus(refused, 429);
    expect(refused.json()).toMatchObject({
      code: 'BATCH_QUOTA_EXCEEDED',
      details: { rows: 1, remaining: 0, quota: QUOTA, month: '2026-03' },
    });
    // From 09:00 on 2 March in Vietnam to midnight on 1 April: 29 days and 15 hours.
    expect(refused.headers['retry-after']).toBe(String(29 * 86_400 + 15 * 3600));
    // A file larger than a whole month's quota: waiting does not help.
    const tooLarge = await upload(rows(QUOTA + 1, 'NGUYEN VAN DUC'));
    expectStatus(tooLarge, 429);
    expect(tooLarge.headers['retry-after']).toBeUndefined();
    const list = await get('/api/v1/verification-batches');
    expect((list.json() as { items: BatchJob[] }).items.map((job) => job.id)).toEqual([first.id]);
  });

  it('still answers the same file with its job', async () => {
    const again = await upload(`${rows(3)}12345,Ai Đó\n`);
    expectStatus(again, 200);
    expect((again.json() as BatchJob).id).toBe(first.id);
  });

  it('turns the reservation into used checks as the job runs', async () => {
    await f.t.app.services.verification.batches.runPending();
    expect((await contract()).quota).toEqual({ month: '2026-03', quota: QUOTA, used: 5, reserved: 0, remaining: 0 });
  });
});

describe('a partner’s list of batch jobs', () => {
  it('lists its own jobs newest first, by pages', async () => {
    const other = await registerPartner(f.t.app, f.adminToken, {
      id: 'ngan-hang-khac',
      name: 'Ngân hàng Khác',
      scopes: ['verification', 'verification.batch'],
    });
    const otherToken = await other.token();
    const send = (csv: string) =>
      f.t.app.inject({
        method: 'POST',
        url: '/api/v1/verification-batches?purpose=account_opening',
        headers: { authorization: `Bearer ${otherToken}`, 'content-type': 'text/csv' },
        payload: csv,
      });
    const ids: string[] = [];
    for (const name of ['A', 'B', 'C']) {
      const accepted = await send(rows(1, `Nguyễn Văn ${name}`));
      expectStatus(accepted, 202);
      ids.push((accepted.json() as BatchJob).id);
    }
    const page = await get('/api/v1/verification-batches?limit=2', otherToken);
    expectStatus(page, 200);
    const items = (page.json() as { items: BatchJob[] }).items;
    expect(items.map((job) => job.id)).toEqual([ids[2], ids[1]]);
    expect(items.every((job) => job.partnerId === 'ngan-hang-khac')).toBe(true);
    const next = await get(`/api/v1/verification-batches?limit=2&before=${ids[1]}`, otherToken);
    expect((next.json() as { items: BatchJob[] }).items.map((job) => job.id)).toEqual([ids[0]]);
    expectStatus(await get('/api/v1/verification-batches?limit=0', otherToken), 400);
    expectStatus(await get('/api/v1/verification-batches?before=x', otherToken), 400);
  });
});
