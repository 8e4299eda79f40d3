import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/support/app.ts';
import { expectStatus } from '../../test/support/identity.ts';
import { BA_DINH, type Family, type ServicesWorld, servicesWorld } from '../../test/support/services-world.ts';
import { checkPersonalIdConsistency, parsePersonalId } from '../kernel/index.ts';
import { READER } from '../registry/testing.ts';
import type { Dossier } from './model.ts';

let t: TestApp;
let world: ServicesWorld;
let family: Family;
let mother: Record<string, string>;
let officers: Record<'civil' | 'police' | 'insurance' | 'elsewhere', Record<string, string>>;

beforeAll(async () => {
  t = await createTestApp();
  world = await servicesWorld(t);
  family = await world.family(BA_DINH);
  mother = await world.level2(family.mother);
  officers = {
    civil: (await world.officer('civil_status')).headers,
    police: (await world.officer('police')).headers,
    insurance: (await world.officer('social_insurance')).headers,
    elsewhere: (await world.officer('civil_status', '2025:00008')).headers,
  };
});
afterAll(async () => t.close());

const get = (url: string, headers: Record<string, string>) => t.app.inject({ method: 'GET', url, headers });
const post = (url: string, payload: object, headers: Record<string, string>) =>
  t.app.inject({ method: 'POST', url, payload, headers });

function decide(id: string, step: string, headers: Record<string, string>, decision = 'approve', note?: string) {
  return post(`/api/v1/agency/dossiers/${id}/steps/${step}/decision`, { decision, ...(note ? { note } : {}) }, headers);
}

async function fileBirth(): Promise<Dossier> {
  const prefill = await get('/api/v1/services/procedures/birth-group/prefill', mother);
  expectStatus(prefill, 200);
  const { form } = prefill.json() as { form: Record<string, unknown> };
  const submitted = await post(
    '/api/v1/dossiers',
    {
      procedureCode: 'birth-group',
      form: {
        ...form,
        childFamilyName: 'Nguyễn',
        childMiddleName: 'Minh',
        childGivenName: 'An',
        childSex: 'female',
        childBirthDate: '2026-02-25',
        childPlaceOfBirth: 'Bệnh viện Phụ sản Hà Nội',
        birthNoticeNumber: 'GCS-2026-001234',
      },
    },
    mother,
  );
  expectStatus(submitted, 201);
  return submitted.json() as Dossier;
}

describe('the interlinked birth group', () => {
  it('pre-fills the e-form from the registry: parents, household and address', async () => {
    const response = await get('/api/v1/services/procedures/birth-group/prefill', mother);
    expect(response.json().form).toMatchObject({
      motherPersonalId: family.mother.personalId,
      motherName: 'Lê Thị Hoa',
      fatherPersonalId: family.father.personalId,
      fatherName: 'Nguyễn Văn Bình',
      householdId: family.householdId,
      communeId: BA_DINH,
      addressLine: family.addressLine,
    });
  });

  it('takes a mother’s declaration through three agencies to a child in the registry, her household and a card', async () => {
    const filed = await fileBirth();
    expect(filed.state).toBe('received');
    expect(filed.steps.map((step) => [step.name, step.state])).toEqual([
      ['birth_registration', 'pending'],
      ['child_residence', 'waiting'],
      ['child_health_insurance', 'waiting'],
    ]);
    // Received Monday 2 March 2026 at 09:00: the group's 3 working days end on Thursday 5 March.
    expect(filed.dueOn).toBe('2026-03-05');

    const queue = await get('/api/v1/agency/queue', officers.civil);
    expect(queue.json().items.map((item: { receiptCode: string }) => item.receiptCode)).toContain(filed.receiptCode);
    expect((await get('/api/v1/agency/queue', officers.elsewhere)).json().items).toEqual([]);

    expect((await decide(filed.id, 'child_residence', officers.police)).json().code).toBe('STEP_NOT_OPEN');
    expect((await decide(filed.id, 'birth_registration', officers.elsewhere)).json().code).toBe('OUTSIDE_JURISDICTION');
    expect((await decide(filed.id, 'birth_registration', officers.police)).json().code).toBe('FORBIDDEN');

    expectStatus(
      await post(`/api/v1/agency/dossiers/${filed.id}/steps/birth_registration/claim`, {}, officers.civil),
      200,
    );
    const registered = await decide(filed.id, 'birth_registration', officers.civil);
    expectStatus(registered, 200);
    const childId = (registered.json() as Dossier).steps[0]?.result?.childPersonalId as string;

    const again = await decide(filed.id, 'birth_registration', officers.civil);
    expectStatus(again, 200);
    expect((again.json() as Dossier).steps[0]?.result?.childPersonalId).toBe(childId);
    const children = (await world.registry.getPersonRecord(family.mother.personalId, undefined, READER)).family.filter(
      (link) => link.relation === 'child',
    );
    expect(children.map((link) => link.personalId)).toEqual([childId]);

    expectStatus(await decide(filed.id, 'child_residence', officers.police), 200);
    const done = await decide(filed.id, 'child_health_insurance', officers.insurance);
    expectStatus(done, 200);
    const final = done.json() as Dossier;
    expect(final.state).toBe('done');

    const child = await world.registry.getPersonRecord(childId, undefined, READER);
    const id = parsePersonalId(childId);
    expect(checkPersonalIdConsistency(id, { birthYear: 2026, sex: 'female' })).toEqual([]);
    expect(childId.slice(0, 3)).toBe('001');
    expect(child.person).toMatchObject({ fullName: 'Nguyễn Minh An', birthDate: '2026-02-25', sex: 'female' });
    expect(child.family.map((link) => [link.relation, link.personalId]).sort()).toEqual([
      ['father', family.father.personalId],
      ['mother', family.mother.personalId],
    ]);
    expect(child.household).toMatchObject({ id: family.householdId, headPersonalId: family.father.personalId });
    expect(child.household?.members.find((m) => m.personalId === childId)?.relationship).toBe('child');
    expect(child.residences.find((r) => r.kind === 'permanent' && r.validTo === null)?.address.recorded.communeId).toBe(
      BA_DINH,
    );
    expect(final.steps[2]?.result).toMatchObject({
      childPersonalId: childId,
      cardNumber: expect.stringMatching(/^TE101\d{10}$/),
      validFrom: '2026-02-25',
      validTo: '2032-09-30',
    });

    const seen = await get(`/api/v1/dossiers/${filed.id}`, mother);
    const dossier = seen.json() as Dossier;
    expect(dossier.steps.map((step) => step.state)).toEqual(['done', 'done', 'done']);
    expect(dossier.history.map((line) => line.kind)).toEqual(
      expect.arrayContaining(['submitted', 'received', 'claimed', 'step_done', 'done']),
    );
    expect(dossier.history.filter((line) => line.kind === 'step_done')).toHaveLength(3);
    const notices = (await get('/api/v1/notifications', mother)).json().items as Array<{ title: string }>;
    expect(notices[0]?.title).toBe(`Hồ sơ ${filed.receiptCode} đã giải quyết xong`);
  });

  it('refuses a birth whose mother is not in the registry', async () => {
    const other = await world.family(BA_DINH);
    const father = await world.level2(other.father);
    const response = await post(
      '/api/v1/dossiers',
      {
        procedureCode: 'birth-group',
        form: {
          motherPersonalId: '001192000001',
          fatherPersonalId: other.father.personalId,
          childFamilyName: 'Nguyễn',
          childGivenName: 'Bảo',
          childSex: 'male',
          childBirthDate: '2026-02-20',
          childPlaceOfBirth: 'Hà Nội',
          birthNoticeNumber: 'GCS-1',
          householdId: other.householdId,
        },
      },
      father,
    );
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ code: 'PARENT_NOT_IN_REGISTRY', details: { parent: 'mother' } });
  });

  it('refuses someone who is neither parent, an unknown field, and a level-1 sign-in', async () => {
    const stranger = await world.family(BA_DINH);
    const headers = await world.level2(stranger.mother);
    const form = {
      motherPersonalId: family.mother.personalId,
      childFamilyName: 'Lê',
      childGivenName: 'Cúc',
      childSex: 'female',
      childBirthDate: '2026-02-20',
      childPlaceOfBirth: 'Hà Nội',
      birthNoticeNumber: 'GCS-2',
      householdId: family.householdId,
    };
    const notParent = await post('/api/v1/dossiers', { procedureCode: 'birth-group', form }, headers);
    expect(notParent.json().code).toBe('APPLICANT_NOT_PARENT');
    const unknown = await post(
      '/api/v1/dossiers',
      { procedureCode: 'birth-group', form: { ...form, nickname: 'Bin' } },
      headers,
    );
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().details.fields).toContainEqual({ name: 'nickname', reason: 'unknown' });
    const session = await t.app.services.identity.sessions.create(
      (await t.app.services.identity.accountIdOf(stranger.mother.personalId)) as string,
      'urn:dancu:eid:level1',
      'id-token',
    );
    const level1 = await get('/api/v1/services/procedures/birth-group/prefill', {
      cookie: `dancu_session=${session.token}`,
    });
    expect(level1.json().code).toBe('LEVEL_TOO_LOW');
  });
});
