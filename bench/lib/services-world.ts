/** What the services benchmark works on: a procedure of steps that only the engine handles, and its dossiers. */
import type { FastifyInstance } from 'fastify';
import { BOOTSTRAP_ADMIN, type Caller } from '../../src/identity/index.ts';
import { generatePersonalId } from '../../src/kernel/index.ts';
import { Catalogue } from '../../src/services/catalogue/catalogue.ts';
import type { ServicesDeps } from '../../src/services/context.ts';
// The benchmark drives the module's operations directly, with a catalogue of its own.
import { decide } from '../../src/services/decisions.ts';
import { submit } from '../../src/services/dossiers.ts';
import type { Decision, Dossier } from '../../src/services/index.ts';

export const BENCH_COMMUNE = '2025:00004';

/** The services' dependencies with a catalogue of one procedure: `steps` police steps in a row that change nothing. */
export function benchServicesDeps(base: ServicesDeps, steps: number) {
  const names = Array.from({ length: steps }, (_, i) => `s${i}`);
  const catalogue = {
    agencies: { police: { vi: 'Công an xã', en: 'Commune police' } },
    procedures: [
      {
        code: 'bench-chain',
        name: { vi: 'Chuỗi bước', en: 'Chain of steps' },
        description: { vi: 'Đo hiệu năng', en: 'Benchmark' },
        group: true,
        level: 1,
        limitDays: 10,
        feeVnd: 0,
        fields: [],
        steps: names.map((name, i) => ({
          name,
          title: { vi: name, en: name },
          agency: 'police',
          level: 'commune',
          limitDays: 1,
          after: i === 0 ? [] : [names[i - 1]],
          action: 'bench.nothing',
        })),
      },
    ],
  };
  const actions = new Map([['bench.nothing', { run: async () => ({}) }]]);
  const hooks = new Map([
    [
      'bench-chain',
      {
        prefill: async () => ({}),
        prepare: async (context: { caller: { personalId: string } }, form: Record<string, never>) => ({
          form,
          communeId: BENCH_COMMUNE,
          subjectPersonalId: context.caller.personalId,
        }),
      },
    ],
  ]);
  const deps: ServicesDeps = { ...base, catalogue: new Catalogue(new Set(actions.keys()), catalogue), actions, hooks };
  return {
    deps,
    decide: (caller: Caller, id: string, step: string, decision: Decision) => decide(deps, caller, id, step, decision),
  };
}

/** One applicant per app (per engine measured). */
const applicants = new WeakMap<FastifyInstance, Promise<Caller>>();

/** Files `count` dossiers of the bench procedure for one applicant with an eID account (notices go to a phone). */
export async function fileDossiers(
  app: FastifyInstance,
  bench: ReturnType<typeof benchServicesDeps>,
  count: number,
): Promise<string[]> {
  if (!applicants.has(app)) applicants.set(app, benchApplicant(app));
  const caller = await (applicants.get(app) as Promise<Caller>);
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const dossier: Dossier = await submit(bench.deps, caller, { procedureCode: 'bench-chain', form: {} });
    ids.push(dossier.id);
  }
  return ids;
}

async function benchApplicant(app: FastifyInstance): Promise<Caller> {
  const { registry, identity, messages } = app.services;
  const personalId = generatePersonalId(Math.random, { provinceCode: '001', birthYear: 1990, sex: 'female' });
  await registry.registerPerson(
    { personalId, familyName: 'Trần', middleName: 'Thị', givenName: 'Mai', birthDate: '1990-01-01', sex: 'female' },
    { actor: BOOTSTRAP_ADMIN },
  );
  const phone = `09${personalId.slice(-8)}`;
  const started = await identity.startRegistration(
    { personalId, fullName: 'Trần Thị Mai', birthDate: '1990-01-01', phone },
    { address: '127.0.0.1' },
  );
  const [message] = await messages.latest(1, phone);
  const code = /\b(\d{6})\b/.exec(message?.body ?? '')?.[1] ?? '';
  const { accountId } = await identity.confirmRegistration(started.registrationId, {
    code,
    password: 'bench-password-2026',
  });
  return {
    actor: { id: accountId, kind: 'citizen' },
    accountId,
    personalId,
    acr: 'urn:dancu:eid:level1',
    roles: [],
    via: 'session',
  };
}
