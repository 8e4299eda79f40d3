import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectStatus } from '../../test/support/identity.ts';
import { registerPartner, type VerificationFixture, verificationFixture } from '../../test/support/verification.ts';
import type { BatchJob } from './batch/model.ts';
import { CONTRACT } from './testing.ts';

let f: VerificationFixture;
const BATCH_SCOPES = ['verification', 'verification.batch'];

beforeAll(async () => {
  f = await verificationFixture();
});
afterAll(async () => f?.close());

const csv = () => `personalId,fullName\n${f.duc},Nguyễn Văn Đức\n`;

function upload(headers: Record<string, string>, body = csv(), query = '?purpose=account_opening') {
  return f.t.app.inject({
    method: 'POST',
    url: `/api/v1/verification-batches${query}`,
    headers: { 'content-type': 'text/csv', ...headers },
    payload: body,
  });
}

async function tokenOf(id: string, options: { scopes?: string[]; contract?: typeof CONTRACT } = {}) {
  const partner = await registerPartner(f.t.app, f.adminToken, {
    id,
    name: `Đối tác ${id}`,
    scopes: options.scopes ?? BATCH_SCOPES,
    ...(options.contract ? { contract: options.contract } : {}),
  });
  return partner.token();
}

describe('who may run batch verification', () => {
  it('refuses a request without a token, or with a token lacking the verification.batch scope', async () => {
    const anonymous = await upload({});
    expectStatus(anonymous, 401);
    expect(anonymous.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
    const onlineOnly = await upload({ authorization: `Bearer ${f.bank.accessToken}` });
    expectStatus(onlineOnly, 403);
    expect(onlineOnly.json()).toMatchObject({ code: 'FORBIDDEN' });
    const status = await f.t.app.inject({
      method: 'GET',
      url: '/api/v1/verification-batches/1',
      headers: { authorization: `Bearer ${f.bank.accessToken}` },
    });
    expectStatus(status, 403);
  });

  it('refuses a suspended partner, a purpose outside the contract, a missing purpose, and check types outside it', async () => {
    const token = await tokenOf('ngan-hang-tam-dung');
    expectStatus(await upload({ authorization: `Bearer ${token}` }, csv(), '?purpose=loan_application'), 403);
    expect((await upload({ authorization: `Bearer ${token}` }, csv(), '')).json()).toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    const viaHeader = await upload(
      { authorization: `Bearer ${token}`, 'x-verification-purpose': 'account_opening' },
      csv(),
      '',
    );
    expectStatus(viaHeader, 202);
    const wrongPurpose = await upload({ authorization: `Bearer ${token}` }, csv(), '?purpose=loan_application');
    expect(wrongPurpose.json()).toMatchObject({ code: 'PURPOSE_NOT_ALLOWED' });

    const narrow = await tokenOf('ngan-hang-hep', { contract: { ...CONTRACT, checkTypes: ['identity'] } });
    const refused = await upload({ authorization: `Bearer ${narrow}` }, `personalId,phone\n${f.duc},0912345678\n`);
    expectStatus(refused, 403);
    expect(refused.json()).toMatchObject({ code: 'CHECK_TYPE_NOT_ALLOWED', details: { refused: ['phone'] } });

    const reason = { reason: 'Vi phạm hợp đồng' };
    expectStatus(await f.admin('POST', '/api/v1/admin/partners/ngan-hang-tam-dung/suspension', reason), 200);
    const suspended = await upload({ authorization: `Bearer ${token}` }, `${csv()}${f.duc},X\n`);
    expectStatus(suspended, 403);
    expect(suspended.json()).toMatchObject({ code: 'PARTNER_SUSPENDED' });
  });

  it('refuses a file without a valid header, and shows a partner only its own batches', async () => {
    const token = await tokenOf('ngan-hang-rieng');
    const noHeader = await upload({ authorization: `Bearer ${token}` }, `${f.duc},Nguyễn Văn Đức\n`);
    expectStatus(noHeader, 400);
    expect(noHeader.json()).toMatchObject({ code: 'BATCH_HEADER_INVALID' });
    expect((await upload({ authorization: `Bearer ${token}` }, '')).json()).toMatchObject({
      code: 'BATCH_HEADER_INVALID',
    });
    const notCsv = await f.t.app.inject({
      method: 'POST',
      url: '/api/v1/verification-batches?purpose=account_opening',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      payload: { rows: [] },
    });
    expectStatus(notCsv, 415);

    const mine = await upload({ authorization: `Bearer ${token}` });
    expectStatus(mine, 202);
    const id = (mine.json() as BatchJob).id;
    const other = await tokenOf('ngan-hang-khac');
    for (const url of [`/api/v1/verification-batches/${id}`, `/api/v1/verification-batches/${id}/results`]) {
      const response = await f.t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${other}` } });
      expectStatus(response, 404);
      expect(response.json()).toMatchObject({ code: 'BATCH_NOT_FOUND' });
    }
  });
});
