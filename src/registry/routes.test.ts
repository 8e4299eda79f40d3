import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/support/app.ts';
import { BootstrapTokens } from '../identity/index.ts';
import { OFFICER, testRegistry } from './testing.ts';

let t: TestApp;
let auth: { authorization: string };
let duc: string;
let father: string;

beforeAll(async () => {
  t = await createTestApp();
  auth = { authorization: `Bearer ${await new BootstrapTokens(t.db, t.clock).reset()}` };
  const r = await testRegistry(t.db);
  father = await r.person({ familyName: 'Nguyễn', middleName: 'Văn', givenName: 'Hùng', birthDate: '1960-01-01' });
  duc = await r.person({ givenName: 'Đức', birthDate: '1988-08-08', fatherId: father });
  await r.registry.registerPermanentResidence(
    duc,
    { communeId: 'pre2025:26881', addressLine: '12 Quang Trung' },
    '2023-05-10',
    OFFICER,
  );
});
afterAll(async () => t.close());

const get = (url: string) => t.app.inject({ url, headers: auth });

describe('officer API of the registry', () => {
  it('looks a person up by ID number', async () => {
    const response = await get(`/api/v1/registry/people/${duc}`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      personalId: duc,
      fullName: 'Nguyễn Văn Đức',
      birthDate: '1988-08-08',
      sex: 'male',
      status: 'alive',
      permanentCommuneId: 'pre2025:26881',
    });
  });

  it('answers a malformed ID number with a 400 and an unknown one with a 404', async () => {
    expect((await get('/api/v1/registry/people/12345')).json().code).toBe('VALIDATION_FAILED');
    const unknown = await get('/api/v1/registry/people/001088999999');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('PERSON_NOT_FOUND');
  });

  it('searches without diacritics and pages', async () => {
    const response = await get('/api/v1/registry/people?name=NGUYEN%20VAN%20DUC');
    expect(response.json().items.map((item: { personalId: string }) => item.personalId)).toEqual([duc]);
    expect((await get('/api/v1/registry/people?name=ng')).json().code).toBe('SEARCH_TOO_BROAD');
    expect((await get('/api/v1/registry/people?name=nguyen&limit=500')).statusCode).toBe(400);
    expect((await get('/api/v1/registry/people?name=nguyen&admin=1')).json().code).toBe('VALIDATION_FAILED');
  });

  it('gives the person page as of a day, with old and current unit names', async () => {
    const now = (await get(`/api/v1/registry/people/${duc}/record`)).json();
    expect(now.family).toEqual([expect.objectContaining({ relation: 'father', personalId: father })]);
    expect(now.residences[0].address).toMatchObject({
      recorded: { communeName: 'Phường 12', districtName: 'Quận Gò Vấp' },
      current: [{ communeId: '2025:26882', communeName: 'Phường An Hội Tây' }],
    });
    const before = (await get(`/api/v1/registry/people/${duc}/record?asOf=2022-01-01`)).json();
    expect(before.residences).toEqual([]);
    const unborn = await get(`/api/v1/registry/people/${duc}/record?asOf=1980-01-01`);
    expect(unborn.statusCode).toBe(422);
    expect(unborn.json().code).toBe('AS_OF_BEFORE_BIRTH');
  });

  it("lists who read the person's data, with the purpose given", async () => {
    await get(`/api/v1/registry/people/${father}/record?purpose=${encodeURIComponent('Xác minh hồ sơ khai sinh')}`);
    const log = (await get(`/api/v1/registry/people/${father}/access-log`)).json();
    expect(log.items[0]).toMatchObject({
      actorId: 'bootstrap-admin',
      actorKind: 'admin',
      purpose: 'Xác minh hồ sơ khai sinh',
      channel: 'api',
      action: 'read',
    });
  });

  it('reports data quality by commune', async () => {
    const report = (await get('/api/v1/registry/data-quality')).json();
    expect(Object.keys(report.totals)).toContain('id_inconsistent');
    const findings = await get('/api/v1/registry/data-quality/no_permanent_residence');
    expect(findings.json().subjects).toContain(father);
    expect((await get('/api/v1/registry/data-quality/nonsense')).statusCode).toBe(400);
  });
});

describe('public reference data', () => {
  it('finds communes by folded name without a token', async () => {
    const response = await t.app.inject('/api/v1/reference/communes?q=phuong%20ba%20dinh&era=2025');
    expect(response.statusCode).toBe(200);
    expect(response.json()[0]).toMatchObject({ id: '2025:00004', name: 'Phường Ba Đình' });
  });

  it('resolves an old commune to its successor', async () => {
    const response = await t.app.inject('/api/v1/reference/communes/pre2025:26881?asOf=2024-05-01&today=2026-01-05');
    expect(response.json().current.map((unit: { commune: { name: string } }) => unit.commune.name)).toEqual([
      'Phường An Hội Tây',
    ]);
  });

  it('lists the 34 provinces and the code lists', async () => {
    expect((await t.app.inject('/api/v1/reference/provinces')).json()).toHaveLength(34);
    expect((await t.app.inject('/api/v1/reference/provinces?era=pre2025')).json()).toHaveLength(63);
    const ethnicities = (await t.app.inject('/api/v1/reference/ethnicities')).json();
    expect(ethnicities[0]).toEqual({ code: '01', name: 'Kinh' });
  });
});
