import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { BA_DINH, type Family, type ServicesWorld, servicesWorld } from '../../../test/support/services-world.ts';
import type { Caller } from '../../identity/index.ts';
import { READER } from '../../registry/testing.ts';
import { Catalogue } from '../catalogue/catalogue.ts';
import type { ServicesDeps } from '../context.ts';
import { decide } from '../decisions.ts';
import { submit } from '../dossiers.ts';
import type { ProcedureHooks, StepAction } from './actions.ts';

/** A procedure of two steps whose first changes the registry and can be made to crash after doing so. */
const CATALOGUE = {
  agencies: { police: { vi: 'Công an xã', en: 'Commune police' } },
  procedures: [
    {
      code: 'two-steps',
      name: { vi: 'Thử hai bước', en: 'Two steps' },
      description: { vi: 'Thử', en: 'Test' },
      group: true,
      level: 1,
      limitDays: 3,
      feeVnd: 0,
      fields: [{ name: 'addressLine', type: 'text', label: { vi: 'Địa chỉ', en: 'Address' }, required: true }],
      steps: [
        {
          name: 'stay',
          title: { vi: 'Tạm trú', en: 'Stay' },
          agency: 'police',
          level: 'commune',
          limitDays: 1,
          after: [],
          action: 'test.stay',
        },
        {
          name: 'confirm',
          title: { vi: 'Xác nhận', en: 'Confirm' },
          agency: 'police',
          level: 'commune',
          limitDays: 1,
          after: ['stay'],
          action: 'test.confirm',
        },
      ],
    },
  ],
};

let crashAfterRegistryChange = false;

const actions = new Map<string, StepAction>([
  [
    'test.stay',
    {
      async run(context) {
        const residenceId = await context.registry.registerTemporaryResidence(
          context.dossier.applicant_personal_id,
          { communeId: '2025:00008', addressLine: String(context.dossier.form.addressLine) },
          context.today,
          '2026-12-31',
          context.change,
        );
        if (crashAfterRegistryChange) throw new Error('the node died here');
        return { residenceId };
      },
      async compensate(context, result) {
        await context.registry.endResidence(
          context.dossier.applicant_personal_id,
          Number(result.residenceId),
          context.today,
          'dossier refused',
          context.change,
        );
      },
    },
  ],
  ['test.confirm', { run: async () => ({ confirmed: true }) }],
]);

const hooks = new Map<string, ProcedureHooks>([
  [
    'two-steps',
    {
      prefill: async () => ({}),
      prepare: async (context, form) => ({ form, communeId: BA_DINH, subjectPersonalId: context.caller.personalId }),
    },
  ],
]);

let t: TestApp;
let world: ServicesWorld;
let deps: ServicesDeps;
let officer: Caller;

async function callerOf(headers: Record<string, string>): Promise<Caller> {
  const token = /dancu_session=([^;]+)/.exec(headers.cookie ?? '')?.[1] ?? '';
  const caller = await t.app.services.identity.callerFromSession(token);
  if (!caller) throw new Error('no session');
  return caller;
}

beforeAll(async () => {
  t = await createTestApp();
  world = await servicesWorld(t);
  deps = {
    ...t.app.services.publicServices.deps,
    catalogue: new Catalogue(new Set(actions.keys()), CATALOGUE),
    actions,
    hooks,
  };
  officer = await callerOf((await world.officer('police')).headers);
});
afterAll(async () => t.close());

/** A mother of a new family of Ba Đình, signed in. */
async function newApplicant(): Promise<{ family: Family; applicant: Caller }> {
  const family = await world.family(BA_DINH);
  return { family, applicant: await callerOf(await world.level2(family.mother)) };
}

async function temporaryResidences(family: Family) {
  const record = await world.registry.getPersonRecord(family.mother.personalId, undefined, READER);
  return record.residences.filter((row) => row.kind === 'temporary');
}

describe('the workflow engine', () => {
  it('keeps nothing of a step whose node dies after the registry change, and does it once when tried again', async () => {
    const { family, applicant } = await newApplicant();
    const dossier = await submit(deps, applicant, { procedureCode: 'two-steps', form: { addressLine: 'Số 5 ngõ 3' } });
    crashAfterRegistryChange = true;
    await expect(decide(deps, officer, dossier.id, 'stay', { decision: 'approve' })).rejects.toThrow(
      'the node died here',
    );
    crashAfterRegistryChange = false;
    expect(await temporaryResidences(family)).toHaveLength(0);
    const retried = await decide(deps, officer, dossier.id, 'stay', { decision: 'approve' });
    expect(retried.steps.map((step) => step.state)).toEqual(['done', 'pending']);
    expect(retried.history.filter((line) => line.kind === 'step_done')).toHaveLength(1);
    expect(await temporaryResidences(family)).toHaveLength(1);
    const done = await decide(deps, officer, dossier.id, 'confirm', { decision: 'approve' });
    expect(done.state).toBe('done');
  });

  it('compensates a done step when a later one is refused', async () => {
    const { family, applicant } = await newApplicant();
    const dossier = await submit(deps, applicant, { procedureCode: 'two-steps', form: { addressLine: 'Số 9 ngõ 3' } });
    const stayed = await decide(deps, officer, dossier.id, 'stay', { decision: 'approve' });
    const residenceId = stayed.steps[0]?.result?.residenceId;
    const refused = await decide(deps, officer, dossier.id, 'confirm', {
      decision: 'refuse',
      note: 'Không đủ điều kiện.',
    });
    expect(refused.state).toBe('refused');
    expect(refused.steps.map((step) => step.state)).toEqual(['compensated', 'refused']);
    expect(refused.history.map((line) => line.kind)).toEqual(expect.arrayContaining(['compensated', 'refused']));
    const residence = (await temporaryResidences(family)).find((row) => row.id === residenceId);
    expect(residence?.validTo).toBe('2026-03-02');
  });

  it('refuses a catalogue whose step names an action the platform lacks, or comes after an unknown step', () => {
    expect(() => new Catalogue(new Set(['test.confirm']), CATALOGUE)).toThrow('unknown action test.stay');
    const disordered = structuredClone(CATALOGUE);
    disordered.procedures[0]?.steps.reverse();
    expect(() => new Catalogue(new Set(actions.keys()), disordered)).toThrow('comes after unknown stay');
  });
});
