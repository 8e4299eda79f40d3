import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../test/support/db.ts';
import { OFFICER, READER, testRegistry } from './testing.ts';

let handle: TestDatabase;
let t: Awaited<ReturnType<typeof testRegistry>>;
const found = {} as Record<
  'clean' | 'inconsistent' | 'missing' | 'duplicateA' | 'duplicateB' | 'deadWithCard' | 'expired',
  string
>;

beforeAll(async () => {
  handle = await openTestDatabase();
  t = await testRegistry(handle.db);
  const { registry, person } = t;
  const place = { communeId: 'pre2025:00004', addressLine: 'Số 1 Đội Cấn' };

  // A clean person: permanent residence and every required field.
  found.clean = await person({ givenName: 'Sạch', birthRegistrationCommuneId: 'pre2025:00004' });
  await registry.registerPermanentResidence(found.clean, place, '2010-01-01', OFFICER);

  // An ID number whose birth year disagrees with the record (legacy data, written past the service's checks).
  found.inconsistent = await person({ givenName: 'Lệch', birthRegistrationCommuneId: 'pre2025:00004' });
  await registry.registerPermanentResidence(found.inconsistent, place, '2010-01-01', OFFICER);
  await handle.db.query("update registry.person set birth_date = '1979-04-12' where personal_id = $1", [
    found.inconsistent,
  ]);

  found.missing = await person({
    givenName: 'Thiếu',
    ethnicityCode: null,
    birthRegistrationCommuneId: 'pre2025:00004',
  });
  await registry.registerPermanentResidence(found.missing, place, '2010-01-01', OFFICER);

  const twin = {
    familyName: 'Lê',
    middleName: 'Thị',
    givenName: 'Trùng',
    sex: 'female' as const,
    birthDate: '1991-09-09',
  };
  found.duplicateA = await person({ ...twin, birthRegistrationCommuneId: 'pre2025:26881' });
  found.duplicateB = await person({ ...twin, givenName: 'TRÙNG', birthRegistrationCommuneId: 'pre2025:26881' });

  // A deceased person still holding a valid card (the card was not revoked in legacy data).
  found.deadWithCard = await person({ givenName: 'Mất', birthDate: '1940-01-01' });
  await registry.issueCard(found.deadWithCard, { issuedOn: '2021-01-01', issuingAuthority: 'Cục CS QLHC' }, OFFICER);
  await registry.recordDeath(found.deadWithCard, { diedOn: '2025-01-01' }, OFFICER);
  await handle.db.query("update registry.identity_card set status = 'valid' where personal_id = $1", [
    found.deadWithCard,
  ]);

  // A head who dies leaving only a child: nobody can be head yet.
  const parent = await person({ givenName: 'Cha', birthDate: '1970-01-01' });
  const child = await person({ givenName: 'Con', birthDate: '2015-01-01' });
  const household = await registry.createHousehold(
    {
      fileNumber: 'HS-Q-1',
      headPersonalId: parent,
      communeId: '2025:00004',
      addressLine: 'Ngõ 2',
      establishedOn: '2025-08-01',
    },
    OFFICER,
  );
  await registry.addMember(household, child, 'child', '2025-08-01', OFFICER);
  await registry.recordDeath(parent, { diedOn: '2026-01-05' }, OFFICER);

  // A temporary residence whose registration ran out and was never ended.
  found.expired = await person({ givenName: 'Hết', birthRegistrationCommuneId: 'pre2025:00004' });
  await registry.registerTemporaryResidence(
    found.expired,
    { communeId: 'pre2025:00070', addressLine: 'Phòng 3' },
    '2024-06-01',
    '2026-01-01',
    OFFICER,
  );
});
afterAll(async () => handle.close());

describe('data-quality checks', () => {
  it('finds each kind of problem and only that', async () => {
    const findings = async (check: Parameters<typeof t.registry.qualityFindings>[0]) =>
      t.registry.qualityFindings(check, {}, READER);
    expect(await findings('id_inconsistent')).toEqual([found.inconsistent]);
    expect(await findings('missing_fields')).toContain(found.missing);
    expect(await findings('missing_fields')).not.toContain(found.clean);
    expect((await findings('probable_duplicate')).sort()).toEqual([found.duplicateA, found.duplicateB].sort());
    expect(await findings('deceased_valid_card')).toEqual([found.deadWithCard]);
    expect(await findings('household_without_head')).toEqual(['HS-Q-1']);
    expect(await findings('expired_temporary_residence')).toEqual([found.expired]);
    expect(await findings('no_permanent_residence')).not.toContain(found.clean);
  });

  it('counts findings by province and commune', async () => {
    const report = await t.registry.qualityReport();
    expect(report.totals.id_inconsistent).toBe(1);
    const row = report.byCommune.find((entry) => entry.check === 'id_inconsistent');
    expect(row).toMatchObject({ communeId: 'pre2025:00004', communeName: 'Phường Trúc Bạch', count: 1 });
    expect(row?.provinceName).toMatch(/Hà Nội/);
    const haNoi = await t.registry.qualityReport({ provinceId: row?.provinceId ?? '' });
    expect(haNoi.totals.id_inconsistent).toBe(1);
    expect(haNoi.totals.probable_duplicate).toBe(0);
  });

  it('logs the people it hands out as read', async () => {
    await t.registry.qualityFindings('id_inconsistent', {}, READER);
    const log = await t.accessLog.listForSubject(found.inconsistent);
    expect(log.items.some((item) => item.action === 'quality_review')).toBe(true);
  });
});
