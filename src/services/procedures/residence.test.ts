import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { expectStatus } from '../../../test/support/identity.ts';
import { BA_DINH, type ServicesWorld, servicesWorld } from '../../../test/support/services-world.ts';
import { READER } from '../../registry/testing.ts';
import type { Dossier } from '../model.ts';

/** Phường Ngọc Hà, Hà Nội: another commune of the same province. */
const ELSEWHERE = '2025:00008';

let t: TestApp;
let world: ServicesWorld;
let police: Record<string, Record<string, string>>;

beforeAll(async () => {
  t = await createTestApp();
  world = await servicesWorld(t);
  police = {
    [BA_DINH]: (await world.officer('police', BA_DINH)).headers,
    [ELSEWHERE]: (await world.officer('police', ELSEWHERE)).headers,
  };
});
afterAll(async () => t.close());

async function file(headers: Record<string, string>, procedureCode: string, form: object): Promise<Dossier> {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/v1/dossiers',
    payload: { procedureCode, form },
    headers,
  });
  expectStatus(response, 201);
  return response.json() as Dossier;
}

async function approve(dossier: Dossier): Promise<Dossier> {
  const step = dossier.steps[0]?.name as string;
  const response = await t.app.inject({
    method: 'POST',
    url: `/api/v1/agency/dossiers/${dossier.id}/steps/${step}/decision`,
    payload: { decision: 'approve' },
    headers: police[dossier.communeId] ?? {},
  });
  expectStatus(response, 200);
  return response.json() as Dossier;
}

const recordOf = (personalId: string) => world.registry.getPersonRecord(personalId, undefined, READER);

describe('residence procedures on the engine', () => {
  it('refuses at filing a stay of more than 2 years and an absence declared ahead of time', async () => {
    const family = await world.family(BA_DINH);
    const applicant = await world.level2(family.father);
    const refusal = async (procedureCode: string, form: object) =>
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/dossiers',
          payload: { procedureCode, form },
          headers: applicant,
        })
      ).json();
    expect(
      await refusal('temporary-residence', { communeId: ELSEWHERE, addressLine: 'Số 1', until: '2028-03-03' }),
    ).toMatchObject({ code: 'FORM_INVALID', details: { fields: [{ name: 'until' }] } });
    expect(
      await refusal('temporary-absence', {
        from: '2026-03-10',
        until: '2026-06-30',
        reason: 'Học',
        destination: 'Huế',
      }),
    ).toMatchObject({ code: 'FORM_INVALID', details: { fields: [{ name: 'from' }] } });
  });

  it('registers a temporary residence in another commune, then renews it', async () => {
    const family = await world.family(BA_DINH);
    const applicant = await world.level2(family.father);
    const stay = await approve(
      await file(applicant, 'temporary-residence', {
        communeId: ELSEWHERE,
        addressLine: 'Số 8 phố Hoàng Hoa Thám',
        until: '2026-12-31',
      }),
    );
    expect(stay.state).toBe('done');
    const residenceId = stay.steps[0]?.result?.residenceId as number;
    const prefill = await t.app.inject({
      method: 'GET',
      url: '/api/v1/services/procedures/temporary-residence-renewal/prefill',
      headers: applicant,
    });
    expect(prefill.json().form).toEqual({ residenceId, communeId: ELSEWHERE });
    const renewed = await approve(
      await file(applicant, 'temporary-residence-renewal', { residenceId, until: '2027-06-30' }),
    );
    expect(renewed.state).toBe('done');
    const temporary = (await recordOf(family.father.personalId)).residences.find((row) => row.id === residenceId);
    expect(temporary?.expiresOn).toBe('2027-06-30');
  });

  it('moves a member to another household of another commune, and founds a new household', async () => {
    const from = await world.family(BA_DINH);
    const to = await world.family(ELSEWHERE);
    const applicant = await world.level2(from.mother);
    const joined = await approve(
      await file(applicant, 'permanent-residence', {
        communeId: ELSEWHERE,
        addressLine: to.addressLine,
        joinHouseholdId: to.householdId,
        relationshipToHead: 'sibling',
      }),
    );
    expect(joined.state).toBe('done');
    const moved = await recordOf(from.mother.personalId);
    expect(moved.household?.id).toBe(to.householdId);
    const permanent = moved.residences.filter((row) => row.kind === 'permanent');
    expect(permanent.find((row) => row.validTo === null)?.address.recorded.communeId).toBe(ELSEWHERE);
    expect(permanent.some((row) => row.validTo !== null && row.endedReason === 'moved')).toBe(true);

    const founder = await world.family(BA_DINH);
    const son = await world.level2(founder.father);
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/v1/dossiers',
      payload: {
        procedureCode: 'permanent-residence',
        form: { communeId: ELSEWHERE, addressLine: 'Số 2', joinHouseholdId: 1 },
      },
      headers: son,
    });
    expect(refused.json()).toMatchObject({
      code: 'FORM_INVALID',
      details: { fields: [{ name: 'relationshipToHead' }] },
    });
    // The father heads a household with his wife: leaving it, the registry asks for a new head first.
    const leaving = await file(son, 'permanent-residence', { communeId: ELSEWHERE, addressLine: 'Số 30 phố Kim Mã' });
    const blocked = await t.app.inject({
      method: 'POST',
      url: `/api/v1/agency/dossiers/${leaving.id}/steps/permanent_residence/decision`,
      payload: { decision: 'approve' },
      headers: police[ELSEWHERE] ?? {},
    });
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().code).toBe('HEAD_REPLACEMENT_REQUIRED');
    const unchanged = await recordOf(founder.father.personalId);
    expect(unchanged.household?.id).toBe(founder.householdId);

    // His wife may leave: she founds a household of her own, its head.
    const wife = await world.level2(founder.mother);
    const founded = await approve(
      await file(wife, 'permanent-residence', { communeId: ELSEWHERE, addressLine: 'Số 31 phố Kim Mã' }),
    );
    const householdId = founded.steps[0]?.result?.householdId as number;
    const household = await world.registry.getHousehold(householdId, undefined, READER);
    expect(household).toMatchObject({
      headPersonalId: founder.mother.personalId,
      fileNumber: expect.stringMatching(/^HK-00008-\d{8}$/),
    });
  });
});
