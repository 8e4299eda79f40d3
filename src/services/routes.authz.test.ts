import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/support/app.ts';
import { expectStatus } from '../../test/support/identity.ts';
import { BA_DINH, type ServicesWorld, servicesWorld } from '../../test/support/services-world.ts';
import type { Dossier } from './model.ts';

let t: TestApp;
let world: ServicesWorld;
let dossier: Dossier;
let applicantId: string;
let citizen: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp();
  world = await servicesWorld(t);
  const family = await world.family(BA_DINH);
  applicantId = family.mother.personalId;
  citizen = await world.level2(family.mother);
  const filed = await t.app.inject({
    method: 'POST',
    url: '/api/v1/dossiers',
    payload: {
      procedureCode: 'temporary-absence',
      form: { from: '2026-03-02', until: '2026-06-30', reason: 'Học tập', destination: 'Huế' },
    },
    headers: citizen,
  });
  expectStatus(filed, 201);
  dossier = filed.json() as Dossier;
});
afterAll(async () => t.close());

const request = (method: 'GET' | 'POST', url: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method, url, headers, ...(method === 'POST' ? { payload: {} } : {}) });

describe('who may use the public-service routes', () => {
  it('answers 401 to a caller without a session, except for the catalogue', async () => {
    expect((await request('GET', '/api/v1/services/procedures')).statusCode).toBe(200);
    expect((await request('GET', '/api/v1/services/procedures/birth-group')).statusCode).toBe(200);
    for (const [method, url] of [
      ['GET', '/api/v1/services/procedures/birth-group/prefill'],
      ['GET', '/api/v1/dossiers'],
      ['GET', `/api/v1/dossiers/${dossier.id}`],
      ['GET', '/api/v1/notifications'],
      ['GET', '/api/v1/agency/queue'],
      ['GET', `/api/v1/agency/dossiers/${dossier.id}`],
      ['POST', `/api/v1/agency/dossiers/${dossier.id}/steps/temporary_absence/claim`],
    ] as const) {
      expect((await request(method, url)).json().code, url).toBe('UNAUTHENTICATED');
    }
  });

  it('keeps the bootstrap token out of citizens’ and officers’ work', async () => {
    const token = { authorization: `Bearer ${world.bootstrap}` };
    expect((await request('GET', '/api/v1/dossiers', token)).json().code).toBe('FORBIDDEN');
    expect((await request('GET', '/api/v1/agency/queue', token)).json().code).toBe('FORBIDDEN');
  });

  it('keeps citizens out of the agencies’ queue, and officers out of other agencies’ and communes’ dossiers', async () => {
    expect((await request('GET', '/api/v1/agency/queue', citizen)).json().code).toBe('FORBIDDEN');
    const civilStatus = (await world.officer('civil_status')).headers;
    expect((await request('GET', `/api/v1/agency/dossiers/${dossier.id}`, civilStatus)).json().code).toBe('FORBIDDEN');
    const otherCommune = (await world.officer('police', '2025:00008')).headers;
    expect((await request('GET', `/api/v1/agency/dossiers/${dossier.id}`, otherCommune)).json().code).toBe(
      'OUTSIDE_JURISDICTION',
    );
  });

  it('lets the police of the commune and of its province read the dossier, and logs each read for the applicant', async () => {
    const commune = (await world.officer('police')).headers;
    const province = (await world.officer('police', '2025:01')).headers;
    for (const headers of [commune, province]) {
      expectStatus(await request('GET', `/api/v1/agency/dossiers/${dossier.id}`, headers), 200);
    }
    const queue = (await request('GET', '/api/v1/agency/queue', province)).json().items as Array<{ dossierId: string }>;
    expect(queue.map((item) => item.dossierId)).toContain(dossier.id);
    const log = await t.app.services.registry.deps.accessLog.listForSubject(applicantId, { limit: 50 });
    const reads = log.items.filter((item) => item.purpose === `Giải quyết hồ sơ ${dossier.receiptCode}`);
    expect(reads).toHaveLength(2);
  });
});
