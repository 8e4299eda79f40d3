import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/support/app.ts';
import { expectStatus } from '../../test/support/identity.ts';
import { BA_DINH, type ServicesWorld, servicesWorld } from '../../test/support/services-world.ts';
import { READER } from '../registry/testing.ts';
import type { Dossier } from './model.ts';

let t: TestApp;
let world: ServicesWorld;
let officers: Record<'civil' | 'police' | 'insurance' | 'social', Record<string, string>>;

beforeAll(async () => {
  t = await createTestApp();
  world = await servicesWorld(t);
  officers = {
    civil: (await world.officer('civil_status')).headers,
    police: (await world.officer('police')).headers,
    insurance: (await world.officer('social_insurance')).headers,
    social: (await world.officer('social_affairs')).headers,
  };
});
afterAll(async () => t.close());

const post = (url: string, payload: object, headers: Record<string, string>) =>
  t.app.inject({ method: 'POST', url, payload, headers });
const approve = (id: string, step: string, headers: Record<string, string>) =>
  post(`/api/v1/agency/dossiers/${id}/steps/${step}/decision`, { decision: 'approve' }, headers);

describe('the interlinked death group', () => {
  it('closes the record of a household head, replaces the head, deregisters the residence and pays the allowance', async () => {
    const family = await world.family(BA_DINH);
    const widow = await world.level2(family.mother);
    // The father, head of the household, had an eID account too: it must lock.
    const fatherSession = await world.level2(family.father);
    const filed = await post(
      '/api/v1/dossiers',
      {
        procedureCode: 'death-group',
        form: {
          deceasedPersonalId: family.father.personalId,
          diedOn: '2026-02-27',
          placeOfDeath: 'Bệnh viện Bạch Mai',
          deathNoticeNumber: 'GBT-2026-0042',
          relationship: 'spouse',
          payeeBankAccount: '0011004455667',
        },
        steps: ['death_registration', 'residence_deregistration', 'funeral_allowance'],
      },
      widow,
    );
    expectStatus(filed, 201);
    const dossier = filed.json() as Dossier;
    expect(dossier.steps.map((step) => [step.name, step.state])).toEqual([
      ['death_registration', 'pending'],
      ['residence_deregistration', 'waiting'],
      ['funeral_allowance', 'waiting'],
    ]);

    expectStatus(await approve(dossier.id, 'death_registration', officers.civil), 200);
    const deceased = await world.registry.getPersonRecord(family.father.personalId, undefined, READER);
    expect(deceased.person).toMatchObject({ status: 'deceased', statusDate: '2026-02-27' });
    const household = await world.registry.getHousehold(family.householdId, undefined, READER);
    expect(household.headPersonalId).toBe(family.mother.personalId);
    expect(deceased.cards.every((card) => card.status !== 'valid')).toBe(true);

    // Both following procedures are in their agencies' queues at once.
    const police = (
      await t.app.inject({ method: 'GET', url: '/api/v1/agency/queue', headers: officers.police })
    ).json();
    expect(police.items.map((item: { step: string }) => item.step)).toContain('residence_deregistration');
    expectStatus(await approve(dossier.id, 'residence_deregistration', officers.police), 200);
    const paid = await approve(dossier.id, 'funeral_allowance', officers.insurance);
    expectStatus(paid, 200);
    const final = paid.json() as Dossier;
    expect(final.state).toBe('done');
    expect(final.steps[2]?.result).toMatchObject({ amountVnd: 23_400_000, paidTo: '…5667' });

    const events = (await world.registry.getPersonRecord(family.father.personalId, undefined, READER)).events.map(
      (event) => event.kind,
    );
    expect(events).toEqual(expect.arrayContaining(['person_died', 'permanent_residence_deregistered']));

    await t.app.services.events.drain();
    const session = await t.app.inject({ method: 'GET', url: '/api/v1/session', headers: fatherSession });
    expect(session.statusCode).toBe(401);
    expect(await t.app.services.identity.accountStatus(family.father.personalId)).toBe('locked');
  });

  it('refuses a declarant the registry does not record as a relative, and fewer than two procedures', async () => {
    const family = await world.family(BA_DINH);
    const neighbour = await world.family(BA_DINH);
    const stranger = await world.level2(neighbour.mother);
    const form = {
      deceasedPersonalId: family.father.personalId,
      diedOn: '2026-02-27',
      placeOfDeath: 'Tại nhà',
      deathNoticeNumber: 'GBT-1',
      relationship: 'spouse',
    };
    const notRelative = await post('/api/v1/dossiers', { procedureCode: 'death-group', form }, stranger);
    expect(notRelative.statusCode).toBe(403);
    expect(notRelative.json().code).toBe('APPLICANT_NOT_RELATIVE');
    const widow = await world.level2(family.mother);
    const alone = await post(
      '/api/v1/dossiers',
      { procedureCode: 'death-group', form, steps: ['death_registration'] },
      widow,
    );
    expect(alone.json()).toMatchObject({ code: 'STEPS_INVALID', details: { fewest: 2 } });
    const future = await post(
      '/api/v1/dossiers',
      { procedureCode: 'death-group', form: { ...form, diedOn: '2026-03-09' } },
      widow,
    );
    expect(future.json().code).toBe('FORM_INVALID');
  });
});
