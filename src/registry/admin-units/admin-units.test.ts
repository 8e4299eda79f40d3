import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../test/support/db.ts';
import { birthProvinceCodes, isDomainError } from '../../kernel/index.ts';
import { AdminUnits, loadReferenceData, type ReferenceDataReport } from './index.ts';

let handle: TestDatabase;
let units: AdminUnits;
let first: ReferenceDataReport;

beforeAll(async () => {
  handle = await openTestDatabase();
  first = await loadReferenceData(handle.db);
  units = new AdminUnits(handle.db);
});
afterAll(async () => handle.close());

const TODAY = '2026-01-05';

async function errorOf(promise: Promise<unknown>): Promise<{ code?: string }> {
  try {
    await promise;
  } catch (error) {
    return isDomainError(error) ? error : { code: `not a DomainError: ${String(error)}` };
  }
  return { code: 'no error' };
}

describe('loading the reference data', () => {
  // The test setup may already have loaded it: `first` is then the stored report, which is just as good.
  it('loads both eras and the code lists, and does nothing the second time', async () => {
    expect(first.counts).toMatchObject({ provinces2025: 34, provincesPre2025: 63, communes2025: 3321 });
    expect(first.counts).toMatchObject({ ethnicities: 55, religions: 15 });
    const again = await loadReferenceData(handle.db);
    expect(again).toEqual({ ...first, loaded: false });
    const { rows } = await handle.db.query<{ n: number }>('select count(*)::int8 as n from registry.commune');
    expect(rows[0]?.n).toBe(first.counts.communes2025 + first.counts.communesPre2025);
  });

  it('lists 34 provinces of 2025 and 63 before, each pre-2025 one with its ID-number code', async () => {
    const current = await units.listProvinces('2025');
    const former = await units.listProvinces('pre2025');
    expect(current).toHaveLength(34);
    expect(current.filter((p) => p.kind === 'municipality').map((p) => p.shortName)).toEqual([
      'Hà Nội',
      'Hải Phòng',
      'Huế',
      'Đà Nẵng',
      'Hồ Chí Minh',
      'Cần Thơ',
    ]);
    expect(former).toHaveLength(63);
    expect(former.map((p) => p.legacyIdCode).sort()).toEqual([...birthProvinceCodes().keys()].sort());
  });

  it('keeps the code lists in the statistics office order', async () => {
    const ethnicities = await units.listEthnicities();
    expect(ethnicities.slice(0, 3)).toEqual([
      { code: '01', name: 'Kinh' },
      { code: '02', name: 'Tày' },
      { code: '03', name: 'Thái' },
    ]);
    expect(ethnicities.at(-1)).toEqual({ code: '55', name: 'Người nước ngoài' });
    const religions = await units.listReligions();
    expect(religions[0]).toEqual({ code: '00', name: 'Không' });
    expect(religions.at(-1)).toEqual({ code: '14', name: 'Mặc Môn' });
  });
});

describe('resolving an address as of a date', () => {
  it('shows a merged commune with its old names, and the ward it became', async () => {
    const resolved = await units.resolveUnit('pre2025:26881', '2024-05-01', TODAY);
    expect(resolved.recorded.commune).toMatchObject({ name: 'Phường 12', districtName: 'Quận Gò Vấp' });
    expect(resolved.recorded.province.name).toBe('Thành phố Hồ Chí Minh');
    expect(resolved.recorded.province.era).toBe('pre2025');
    expect(resolved.recordedInForce).toBe(true);
    expect(resolved.current.map((unit) => [unit.commune.id, unit.commune.name, unit.province.id])).toEqual([
      ['2025:26882', 'Phường An Hội Tây', '2025:79'],
    ]);
  });

  it('shows an old commune as itself when today is still before the reform', async () => {
    const resolved = await units.resolveUnit('pre2025:26881', '2024-05-01', '2025-06-30');
    expect(resolved.current.map((unit) => unit.commune.id)).toEqual(['pre2025:26881']);
  });

  it('gives every ward a split commune went to', async () => {
    const resolved = await units.resolveUnit('pre2025:00166', '2020-01-01', TODAY);
    expect(resolved.recorded.commune.name).toBe('Phường Dịch Vọng');
    expect(resolved.current.map((unit) => unit.commune.name)).toEqual(['Phường Nghĩa Đô', 'Phường Cầu Giấy']);
  });

  it('resolves a current commune to itself', async () => {
    const resolved = await units.resolveUnit('2025:00004', '2025-09-01', TODAY);
    expect(resolved.recorded.commune.name).toBe('Phường Ba Đình');
    expect(resolved.recordedInForce).toBe(true);
    expect(resolved.current.map((unit) => unit.commune.id)).toEqual(['2025:00004']);
  });

  it('still shows a unit named on a day it was not in force, flagged', async () => {
    const resolved = await units.resolveUnit('2025:00004', '2024-05-01', TODAY);
    expect(resolved.recordedInForce).toBe(false);
    expect((await errorOf(units.getCommuneInForce('2025:00004', '2024-05-01'))).code).toBe('ADMIN_UNIT_NOT_IN_FORCE');
    expect((await errorOf(units.getCommuneInForce('pre2025:26881', '2025-07-01'))).code).toBe(
      'ADMIN_UNIT_NOT_IN_FORCE',
    );
    expect((await units.getCommuneInForce('pre2025:26881', '2025-06-30')).name).toBe('Phường 12');
  });

  it('places an island district that had no communes and the special zone that followed it', async () => {
    const [district] = await units.findCommunes({ query: 'huyen con dao', era: 'pre2025' });
    expect(district).toMatchObject({ name: 'Huyện Côn Đảo', kind: 'district', provinceId: 'pre2025:77' });
    const resolved = await units.resolveUnit(district?.id ?? '', '2010-01-01', TODAY);
    expect(resolved.current.map((unit) => unit.commune.name)).toEqual(['Đặc khu Côn Đảo']);
  });

  it('refuses an unknown unit and a malformed day', async () => {
    expect((await errorOf(units.resolveUnit('pre2025:99999', '2024-05-01', TODAY))).code).toBe('ADMIN_UNIT_NOT_FOUND');
    expect((await errorOf(units.getCommune('00004'))).code).toBe('ADMIN_UNIT_NOT_FOUND');
    expect((await errorOf(units.getProvince('2025:02'))).code).toBe('ADMIN_UNIT_NOT_FOUND');
    expect((await errorOf(units.resolveUnit('2025:00004', '2025-02-30', TODAY))).code).toBe('INVALID_DATE');
    expect((await errorOf(units.resolveUnit('2025:00004', '2025-09-01', '5.1.2026'))).code).toBe('INVALID_DATE');
  });
});

describe('searching communes', () => {
  it('finds Phường Ba Đình whatever the accents, case or Unicode form of the query', async () => {
    for (const query of ['phuong ba dinh', 'PHƯỜNG BA ĐÌNH', 'Phường Ba Đình'.normalize('NFD'), '  phường  ba đình ']) {
      const [best] = await units.findCommunes({ query, era: '2025' });
      expect(best?.id, query).toBe('2025:00004');
    }
  });

  it('filters by province and era and honours the limit', async () => {
    const found = await units.findCommunes({ query: 'phuong', provinceId: '2025:01', limit: 5 });
    expect(found).toHaveLength(5);
    expect(found.every((commune) => commune.provinceId === '2025:01' && commune.kind === 'ward')).toBe(true);
    const old = await units.findCommunes({ query: 'phuong 12', era: 'pre2025', limit: 1000 });
    expect(old.some((commune) => commune.id === 'pre2025:26881')).toBe(true);
    expect(old.every((commune) => commune.era === 'pre2025')).toBe(true);
  });

  it('treats LIKE wildcards in a query as plain characters', async () => {
    expect(await units.findCommunes({ query: '%' })).toEqual([]);
    expect(await units.findCommunes({ query: '_' })).toEqual([]);
  });
});

describe('provinces of a personal-ID code', () => {
  it('gives the pre-2025 province, renamed ones included', async () => {
    expect((await units.legacyProvinceForIdCode('001')).name).toBe('Thành phố Hà Nội');
    expect((await units.legacyProvinceForIdCode('046')).name).toBe('Tỉnh Thừa Thiên Huế');
    expect((await errorOf(units.legacyProvinceForIdCode('003'))).code).toBe('ADMIN_UNIT_NOT_FOUND');
  });

  it('gives the 2025 province and communes that took a pre-2025 province over', async () => {
    expect((await units.currentProvincesForIdCode('077')).map((p) => p.name)).toEqual(['Thành phố Hồ Chí Minh']);
    const former = await units.communesForIdCode('046', 'pre2025');
    const current = await units.communesForIdCode('046', '2025');
    expect(former.length).toBeGreaterThan(100);
    expect(former.every((commune) => commune.provinceId === 'pre2025:46')).toBe(true);
    expect(current.length).toBeGreaterThan(30);
    expect(current.every((commune) => commune.provinceId === '2025:46')).toBe(true);
    expect(await units.communesForIdCode('003', '2025')).toEqual([]);
  });
});
