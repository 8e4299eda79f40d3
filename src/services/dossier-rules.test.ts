import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/support/app.ts';
import { expectStatus } from '../../test/support/identity.ts';
import { BA_DINH, type ServicesWorld, servicesWorld } from '../../test/support/services-world.ts';
import type { Dossier } from './model.ts';

/** Phường An Hội Tây, Thành phố Hồ Chí Minh: a province without Hà Nội's fee exemption. */
const AN_HOI_TAY = '2025:26882';

let t: TestApp;
let world: ServicesWorld;

beforeAll(async () => {
  t = await createTestApp();
  world = await servicesWorld(t);
});
afterAll(async () => t.close());
beforeEach(() => t.clock.set('2026-03-02T02:00:00Z'));

const get = (url: string, headers: Record<string, string>) => t.app.inject({ method: 'GET', url, headers });
const post = (url: string, payload: object, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url, payload, headers });
const decide = (id: string, step: string, headers: Record<string, string>, body: object) =>
  post(`/api/v1/agency/dossiers/${id}/steps/${step}/decision`, body, headers);

async function absenceDossier(applicant: Record<string, string>, from = '2026-03-02'): Promise<Dossier> {
  const response = await post(
    '/api/v1/dossiers',
    {
      procedureCode: 'temporary-absence',
      form: { from, until: '2026-09-30', reason: 'Đi làm việc tại Đà Nẵng', destination: 'Đà Nẵng' },
    },
    applicant,
  );
  expectStatus(response, 201);
  return response.json() as Dossier;
}

async function criminalRecordDossier(applicant: Record<string, string>): Promise<Dossier> {
  const response = await post(
    '/api/v1/dossiers',
    { procedureCode: 'criminal-record-1', form: { purpose: 'Bổ sung hồ sơ xin việc' } },
    applicant,
  );
  expectStatus(response, 201);
  return response.json() as Dossier;
}

describe('time limits in working days', () => {
  it('counts a file received after 15:00 on the Friday before Tết from the first working day after it', async () => {
    const family = await world.family(BA_DINH);
    const applicant = await world.level2(family.father);
    t.clock.set('2026-02-13T08:30:00Z'); // Friday 13 February 2026, 15:30 in Hà Nội
    const late = await absenceDossier(applicant, '2026-02-13');
    // Tết Bính Ngọ: 16–20 February; the weekend after; so Monday 23, and one working day more.
    expect(late.dueOn).toBe('2026-02-24');
    t.clock.set('2026-02-13T07:59:00Z'); // 14:59
    const early = await absenceDossier(applicant, '2026-02-13');
    expect(early.dueOn).toBe('2026-02-23');
  });
});

describe('supplements', () => {
  it('refuses a dossier whose supplement is not given within 7 working days, and tells the applicant', async () => {
    const family = await world.family(BA_DINH);
    const applicant = await world.level2(family.mother);
    const police = (await world.officer('police')).headers;
    const dossier = await absenceDossier(applicant);
    const noReason = await decide(dossier.id, 'temporary_absence', police, { decision: 'request_supplement' });
    expect(noReason.json().code).toBe('NOTE_REQUIRED');
    const asked = await decide(dossier.id, 'temporary_absence', police, {
      decision: 'request_supplement',
      note: 'Cần giấy xác nhận của nơi làm việc.',
      documents: ['Giấy xác nhận của nơi làm việc'],
    });
    expectStatus(asked, 200);
    // Asked on Monday 2 March: 7 working days end on Wednesday 11 March.
    expect((asked.json() as Dossier).supplement).toMatchObject({ dueOn: '2026-03-11', step: 'temporary_absence' });

    t.clock.set('2026-03-11T16:00:00Z'); // 23:00 on the last day: not yet
    expect(await t.app.services.publicServices.expireSupplements()).toBe(0);
    t.clock.set('2026-03-11T17:01:00Z'); // 00:01 on Thursday 12 March
    expect(await t.app.services.publicServices.expireSupplements()).toBeGreaterThanOrEqual(1);
    const later = await world.session(family.mother.personalId);
    const refused = (await get(`/api/v1/dossiers/${dossier.id}`, later)).json() as Dossier;
    expect(refused.state).toBe('refused');
    expect(refused.steps[0]?.state).toBe('refused');
    expect(refused.history.at(-1)).toMatchObject({ kind: 'supplement_expired', actorName: 'Hệ thống' });
    const notices = (await get('/api/v1/notifications', later)).json().items as Array<{ title: string }>;
    expect(notices[0]?.title).toBe(`Hồ sơ ${dossier.receiptCode} bị từ chối`);
  });

  it('sends an answered supplement back to the officer, with the time limit counted again', async () => {
    const family = await world.family(BA_DINH);
    const applicant = await world.level2(family.mother);
    const police = (await world.officer('police')).headers;
    const dossier = await absenceDossier(applicant);
    await decide(dossier.id, 'temporary_absence', police, { decision: 'request_supplement', note: 'Ghi rõ nơi đến.' });
    const answered = await post(`/api/v1/dossiers/${dossier.id}/supplement`, { note: 'Nơi đến: Đà Nẵng' }, applicant);
    expectStatus(answered, 200);
    expect((answered.json() as Dossier).state).toBe('in_progress');
    const again = await post(`/api/v1/dossiers/${dossier.id}/supplement`, { note: 'lần hai' }, applicant);
    expect(again.json().code).toBe('NO_SUPPLEMENT_REQUESTED');
    const approved = await decide(dossier.id, 'temporary_absence', police, { decision: 'approve' });
    expectStatus(approved, 200);
    expect((approved.json() as Dossier).state).toBe('done');
  });
});

describe('agency queues', () => {
  it('lets one officer hold a step at a time, hands it on, and keeps a step acted twice as it was', async () => {
    const family = await world.family(BA_DINH);
    const applicant = await world.level2(family.mother);
    const first = (await world.officer('police')).headers;
    const second = await world.officer('police');
    const dossier = await absenceDossier(applicant);
    const claim = (headers: Record<string, string>) =>
      post(`/api/v1/agency/dossiers/${dossier.id}/steps/temporary_absence/claim`, {}, headers);
    expectStatus(await claim(first), 200);
    expect((await claim(second.headers)).json().code).toBe('STEP_CLAIMED_BY_ANOTHER');
    const handed = await post(
      `/api/v1/agency/dossiers/${dossier.id}/steps/temporary_absence/hand-on`,
      { toAccountId: second.accountId, note: 'Anh xử lý giúp' },
      first,
    );
    expectStatus(handed, 200);
    expectStatus(await decide(dossier.id, 'temporary_absence', second.headers, { decision: 'approve' }), 200);
    const twice = await decide(dossier.id, 'temporary_absence', second.headers, { decision: 'approve' });
    expectStatus(twice, 200);
    const absences = (
      await world.registry.getPersonRecord(family.mother.personalId, undefined, {
        actor: { id: 'test', kind: 'officer' },
        purpose: 'Kiểm tra',
        channel: 'api',
      })
    ).residences.filter((row) => row.kind === 'temporary_absence');
    expect(absences).toHaveLength(1);
    const otherDecision = await decide(dossier.id, 'temporary_absence', second.headers, {
      decision: 'refuse',
      note: 'x',
    });
    expect(otherDecision.json().code).toBe('STEP_ALREADY_DECIDED');
  });
});

describe('fees', () => {
  it('waives the criminal-record fee in Hà Nội for a level-2 account', async () => {
    const family = await world.family(BA_DINH);
    const dossier = await criminalRecordDossier(await world.level2(family.father));
    expect(dossier.state).toBe('received');
    expect(dossier.payment).toMatchObject({ state: 'exempt', amountVnd: 0 });
    expect(dossier.form).toMatchObject({ fullName: 'Nguyễn Văn Bình', spouseName: 'Lê Thị Hoa', communeId: BA_DINH });
  });

  it('takes the fee once through the sandbox provider, refuses a bad signature, and issues the certificate', async () => {
    const family = await world.family(AN_HOI_TAY);
    const applicant = await world.level2(family.father, AN_HOI_TAY);
    const dossier = await criminalRecordDossier(applicant);
    expect(dossier).toMatchObject({ state: 'awaiting_payment', payment: { state: 'due', amountVnd: 200_000 } });
    const justice = (await world.officer('justice', '2025:79')).headers;
    expect((await get('/api/v1/agency/queue', justice)).json().items).toEqual([]);

    const started = await post(`/api/v1/dossiers/${dossier.id}/payments`, {}, applicant);
    expectStatus(started, 201);
    const { paymentId, redirectUrl } = started.json() as { paymentId: string; redirectUrl: string };
    expect(redirectUrl).toMatch(new RegExp(`/payments/sandbox/${paymentId}$`));

    const forged = await post('/api/v1/payments/callback', {
      paymentId,
      status: 'paid',
      amountVnd: 200_000,
      providerReference: 'FORGED-1',
      signature: 'ab'.repeat(32),
    });
    expect(forged.statusCode).toBe(401);
    expect(forged.json().code).toBe('PAYMENT_SIGNATURE_INVALID');
    expect(((await get(`/api/v1/dossiers/${dossier.id}`, applicant)).json() as Dossier).state).toBe('awaiting_payment');

    const paid = await post(`/api/v1/payments/sandbox/${paymentId}/complete`, { outcome: 'paid' }, applicant);
    expectStatus(paid, 200);
    expect(paid.json()).toEqual({ returnUrl: `/citizen/dossiers/${dossier.id}`, state: 'paid' });
    const received = (await get(`/api/v1/dossiers/${dossier.id}`, applicant)).json() as Dossier;
    expect(received).toMatchObject({
      state: 'received',
      payment: { state: 'paid', receiptNumber: expect.stringMatching(/^BL-/) },
    });
    // Ten working days from Monday 2 March 2026.
    expect(received.dueOn).toBe('2026-03-16');

    expect((await post(`/api/v1/dossiers/${dossier.id}/payments`, {}, applicant)).json().code).toBe(
      'PAYMENT_ALREADY_MADE',
    );
    const replay = await post(`/api/v1/payments/sandbox/${paymentId}/complete`, { outcome: 'paid' }, applicant);
    expect(replay.json()).toMatchObject({ state: 'paid' });

    const elsewhere = (await world.officer('justice', '2025:01')).headers;
    const outside = await decide(dossier.id, 'criminal_record_certificate', elsewhere, { decision: 'approve' });
    expect(outside.json().code).toBe('OUTSIDE_JURISDICTION');
    const missing = await decide(dossier.id, 'criminal_record_certificate', justice, { decision: 'approve' });
    expect(missing.json().code).toBe('FORM_INVALID');
    const issued = await decide(dossier.id, 'criminal_record_certificate', justice, {
      decision: 'approve',
      data: { content: 'Không có án tích.' },
    });
    expectStatus(issued, 200);
    expect((issued.json() as Dossier).steps[0]?.result).toMatchObject({
      certificateNumber: expect.stringMatching(/^LLTP-79-2026-\d{8}$/),
      content: 'Không có án tích.',
    });
  });

  it('refunds the fee of a withdrawn dossier, and refuses withdrawing a settled one', async () => {
    const family = await world.family(AN_HOI_TAY);
    const applicant = await world.level2(family.mother, AN_HOI_TAY);
    const dossier = await criminalRecordDossier(applicant);
    const { paymentId } = (await post(`/api/v1/dossiers/${dossier.id}/payments`, {}, applicant)).json();
    await post(`/api/v1/payments/sandbox/${paymentId}/complete`, { outcome: 'paid' }, applicant);
    const withdrawn = await post(`/api/v1/dossiers/${dossier.id}/withdraw`, { reason: 'Không cần nữa' }, applicant);
    expectStatus(withdrawn, 200);
    expect(withdrawn.json()).toMatchObject({ state: 'withdrawn', payment: { state: 'refunded' } });
    const again = await post(`/api/v1/dossiers/${dossier.id}/withdraw`, { reason: 'Lần nữa' }, applicant);
    expect(again.json().code).toBe('DOSSIER_NOT_WITHDRAWABLE');
  });

  it('does not show one citizen another’s dossier or payment', async () => {
    const family = await world.family(AN_HOI_TAY);
    const owner = await world.level2(family.mother, AN_HOI_TAY);
    const other = await world.level2(family.father, AN_HOI_TAY);
    const dossier = await criminalRecordDossier(owner);
    expect((await get(`/api/v1/dossiers/${dossier.id}`, other)).json().code).toBe('DOSSIER_NOT_FOUND');
    expect((await post(`/api/v1/dossiers/${dossier.id}/payments`, {}, other)).json().code).toBe('DOSSIER_NOT_FOUND');
    expect((await get(`/api/v1/dossiers/not-a-uuid`, other)).json().code).toBe('DOSSIER_NOT_FOUND');
  });
});
