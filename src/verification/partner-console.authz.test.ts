import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectStatus, registerAccount } from '../../test/support/identity.ts';
import { registerPartner, type VerificationFixture, verificationFixture } from '../../test/support/verification.ts';
import type { BatchJob } from './batch/model.ts';
import type { PartnerContract, PartnerStaffMember } from './model.ts';

/** What a browser sends with the web app's session: the cookie, and the CSRF token for unsafe requests. */
type Session = { cookie: string; 'x-csrf-token': string };

let f: VerificationFixture;
/** A member of the staff of the fixture's bank (ngan-hang-a), signed in at level 2, and at level 1. */
let staff: Session;
let staffLevel1: Session;
/** A citizen with an account, who is nobody's staff. */
let citizen: Session;
let member: PartnerStaffMember;
let staffPersonalId = '';
/** A job of another partner. */
let othersJob: BatchJob;

const LEVEL2 = 'urn:dancu:eid:level2';
const LEVEL1 = 'urn:dancu:eid:level1';

async function session(accountId: string, acr = LEVEL2): Promise<Session> {
  const opened = await f.t.app.services.identity.sessions.create(accountId, acr, 'id-token');
  return { cookie: `dancu_session=${opened.token}`, 'x-csrf-token': opened.csrfToken };
}

async function account(givenName: string, birthDate: string, phone: string) {
  const personalId = await f.people.person({ familyName: 'Phạm', middleName: 'Thu', givenName, birthDate });
  return registerAccount(f.t.app, { personalId, fullName: `Phạm Thu ${givenName}`, birthDate }, phone);
}

const csv = (name: string) => `personalId,fullName\n${f.duc},${name}\n`;

function upload(headers: Record<string, string>, body: string): Promise<LightMyRequestResponse> {
  return f.t.app.inject({
    method: 'POST',
    url: '/api/v1/verification-batches?purpose=account_opening',
    headers: { 'content-type': 'text/csv', ...headers },
    payload: body,
  });
}

const get = (url: string, headers: Record<string, string> = {}) => f.t.app.inject({ method: 'GET', url, headers });

beforeAll(async () => {
  f = await verificationFixture();
  const ha = await account('Hà', '1991-02-03', '0916000001');
  const binh = await account('Bình', '1992-04-05', '0916000002');
  staffPersonalId = ha.personalId;
  const added = await f.admin('POST', '/api/v1/admin/partners/ngan-hang-a/staff', { personalId: ha.personalId });
  expectStatus(added, 201);
  member = added.json() as PartnerStaffMember;
  staff = await session(ha.accountId);
  staffLevel1 = await session(ha.accountId, LEVEL1);
  citizen = await session(binh.accountId);
  const other = await registerPartner(f.t.app, f.adminToken, {
    id: 'nha-mang-b',
    name: 'Nhà mạng B',
    kind: 'telecom',
    scopes: ['verification', 'verification.batch'],
  });
  const accepted = await upload({ authorization: `Bearer ${await other.token()}` }, csv('Nguyễn Văn Đức'));
  expectStatus(accepted, 202);
  othersJob = accepted.json() as BatchJob;
});
afterAll(async () => f?.close());

const PARTNER_READS = [
  '/api/v1/partner/contract',
  '/api/v1/partner/usage?month=2026-03',
  '/api/v1/partner/invoices/2026-03',
  '/api/v1/verification-batches',
];

describe('who may use the partner console’s routes', () => {
  it.each(PARTNER_READS)('GET %s: refuses a caller without a credential (401)', async (url) => {
    const response = await get(url);
    expectStatus(response, 401);
    expect(response.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it.each(PARTNER_READS)('GET %s: refuses an account that is nobody’s staff (403)', async (url) => {
    const response = await get(url, citizen);
    expectStatus(response, 403);
    expect(response.json()).toMatchObject({ code: 'FORBIDDEN' });
  });

  it.each(PARTNER_READS)('GET %s: asks a member signed in at level 1 for a level-2 sign-in', async (url) => {
    const response = await get(url, staffLevel1);
    expectStatus(response, 403);
    expect(response.json()).toMatchObject({ code: 'LEVEL2_SIGN_IN_REQUIRED' });
  });

  it.each(PARTNER_READS)('GET %s: refuses the bootstrap administrator token, which is no partner’s', async (url) => {
    expectStatus(await get(url, { authorization: `Bearer ${f.adminToken}` }), 401);
  });

  it.each(PARTNER_READS)('GET %s: answers a member of the staff signed in at level 2', async (url) => {
    expectStatus(await get(url, staff), 200);
  });

  it('shows the member their own partner only', async () => {
    const mine = (await get('/api/v1/partner/contract', staff)).json() as PartnerContract;
    expect(mine.partner.id).toBe('ngan-hang-a');
    const others = await get(`/api/v1/verification-batches/${othersJob.id}`, staff);
    expectStatus(others, 404);
    expect(others.json()).toMatchObject({ code: 'BATCH_NOT_FOUND' });
    expectStatus(await get(`/api/v1/verification-batches/${othersJob.id}/results`, staff), 404);
    const listed = (await get('/api/v1/verification-batches', staff)).json() as { items: BatchJob[] };
    expect(listed.items.every((job) => job.partnerId === 'ngan-hang-a')).toBe(true);
  });

  it('lets the member upload a batch only with the session’s CSRF token, and records who sent it', async () => {
    const withoutToken = await upload({ cookie: staff.cookie }, csv('Nguyen Van Duc'));
    expectStatus(withoutToken, 403);
    expect(withoutToken.json()).toMatchObject({ code: 'CSRF_TOKEN_INVALID' });
    const accepted = await upload(staff, csv('Nguyen Van Duc'));
    expectStatus(accepted, 202);
    const job = accepted.json() as BatchJob;
    expect(job.partnerId).toBe('ngan-hang-a');
    const { rows } = await f.t.db.query<{ uploaded_by: string }>(
      'select uploaded_by from verification.batch_job where id = $1',
      [Number(job.id)],
    );
    expect(rows[0]?.uploaded_by).toBe(`account:${member.accountId}`);
  });

  it('keeps the online check for the partner’s machine client', async () => {
    const response = await f.t.app.inject({
      method: 'POST',
      url: '/api/v1/verifications',
      headers: staff,
      payload: { purpose: 'account_opening', personalId: f.duc },
    });
    expectStatus(response, 401);
  });

  it('keeps the administrators’ routes from the staff', async () => {
    expectStatus(await get('/api/v1/admin/partners/ngan-hang-a', staff), 403);
    expectStatus(await get('/api/v1/admin/partners/ngan-hang-a/staff', staff), 403);
  });
});

describe('who may manage a partner’s staff', () => {
  it('is for administrators only', async () => {
    const response = await f.t.app.inject({
      method: 'POST',
      url: '/api/v1/admin/partners/ngan-hang-a/staff',
      headers: staff,
      payload: { personalId: staffPersonalId },
    });
    expectStatus(response, 403);
    expectStatus(await get('/api/v1/admin/partners/ngan-hang-a/staff'), 401);
  });

  it('lists the members, refuses a second membership, a person without an account and a bad number', async () => {
    const list = await f.admin('GET', '/api/v1/admin/partners/ngan-hang-a/staff');
    expect((list.json() as { items: PartnerStaffMember[] }).items).toEqual([member]);
    const again = await f.admin('POST', '/api/v1/admin/partners/nha-mang-b/staff', { personalId: staffPersonalId });
    expectStatus(again, 409);
    expect(again.json()).toMatchObject({ code: 'PARTNER_STAFF_EXISTS' });
    const noAccount = await f.admin('POST', '/api/v1/admin/partners/ngan-hang-a/staff', { personalId: f.duc });
    expect(noAccount.json()).toMatchObject({ code: 'ACCOUNT_NOT_FOUND' });
    const malformed = await f.admin('POST', '/api/v1/admin/partners/ngan-hang-a/staff', { personalId: '12', x: 1 });
    expectStatus(malformed, 400);
    const unknown = await f.admin('POST', '/api/v1/admin/partners/khong-co/staff', { personalId: staffPersonalId });
    expectStatus(unknown, 404);
  });

  it('ends a membership: the account loses the console at once', async () => {
    const wrongPartner = await f.t.app.inject({
      method: 'DELETE',
      url: `/api/v1/admin/partners/nha-mang-b/staff/${member.id}`,
      headers: { authorization: `Bearer ${f.adminToken}` },
    });
    expect(wrongPartner.json()).toMatchObject({ code: 'PARTNER_STAFF_NOT_FOUND' });
    const removed = await f.t.app.inject({
      method: 'DELETE',
      url: `/api/v1/admin/partners/ngan-hang-a/staff/${member.id}`,
      headers: { authorization: `Bearer ${f.adminToken}` },
    });
    expectStatus(removed, 204);
    expectStatus(await get('/api/v1/partner/contract', staff), 403);
    const history = (await f.admin('GET', '/api/v1/admin/partners/ngan-hang-a')).json() as {
      history: { kind: string }[];
    };
    expect(history.history.map((event) => event.kind).slice(-2)).toEqual(['staff_added', 'staff_removed']);
  });
});
