import { beforeAll, describe, expect, it } from 'vitest';
import { birthProvinceCodes } from '../../kernel/index.ts';
import { buildReferenceRows, type ReferenceRows } from './build.ts';
import type { IrregularityKind } from './irregularities.ts';
import { communeKind, provinceKey, spellingKey } from './names.ts';
import { provincePopulation } from './population.ts';
import { parseSources, readPackageText, referenceChecksum } from './source.ts';

let rows: ReferenceRows;

beforeAll(() => {
  rows = buildReferenceRows(parseSources(readPackageText()));
});

/** Resolution 202/2025/QH15: the 2025 province (by code) each pre-2025 province (by ID code) went into. */
const MERGERS: Readonly<Record<string, readonly string[]>> = {
  '01': ['001'],
  '04': ['004'],
  '08': ['002', '008'],
  '11': ['011'],
  '12': ['012'],
  '14': ['014'],
  '15': ['010', '015'],
  '19': ['006', '019'],
  '20': ['020'],
  '22': ['022'],
  '24': ['024', '027'],
  '25': ['017', '025', '026'],
  '31': ['030', '031'],
  '33': ['033', '034'],
  '37': ['035', '036', '037'],
  '38': ['038'],
  '40': ['040'],
  '42': ['042'],
  '44': ['044', '045'],
  '46': ['046'],
  '48': ['048', '049'],
  '51': ['051', '062'],
  '52': ['052', '064'],
  '56': ['056', '058'],
  '66': ['054', '066'],
  '68': ['060', '067', '068'],
  '75': ['070', '075'],
  '79': ['074', '077', '079'],
  '80': ['072', '080'],
  '82': ['082', '087'],
  '86': ['083', '084', '086'],
  '91': ['089', '091'],
  '92': ['092', '093', '094'],
  '96': ['095', '096'],
};

describe('building the reference rows from the public data', () => {
  it('sends the communes of each pre-2025 province into the province it merged into', () => {
    const communes = new Map(rows.communes.map((commune) => [commune.id, commune]));
    const idCodeOf = new Map(rows.provinces.map((province) => [province.id, province.legacyIdCode]));
    const merged = new Map<string, Set<string>>();
    for (const { oldCommuneId, newCommuneId } of rows.successions) {
      const from = idCodeOf.get(communes.get(oldCommuneId)?.provinceId ?? '') ?? '?';
      const to = communes.get(newCommuneId)?.provinceId.slice('2025:'.length) ?? '?';
      merged.set(to, (merged.get(to) ?? new Set()).add(from));
    }
    expect(Object.fromEntries([...merged].map(([to, from]) => [to, [...from].sort()]))).toEqual(MERGERS);
  });

  it('counts 2,621 communes, 687 wards and 13 special zones in 2025', () => {
    const kinds = new Map<string, number>();
    for (const commune of rows.communes.filter((c) => c.era === '2025')) {
      kinds.set(commune.kind, (kinds.get(commune.kind) ?? 0) + 1);
    }
    expect(Object.fromEntries(kinds)).toEqual({ commune: 2621, ward: 687, special_zone: 13 });
  });

  it('gives every old commune a unique id and at least one successor, bar none', () => {
    const old = rows.communes.filter((commune) => commune.era === 'pre2025');
    expect(new Set(old.map((commune) => commune.id)).size).toBe(old.length);
    const withSuccessor = new Set(rows.successions.map((s) => s.oldCommuneId));
    expect(old.filter((commune) => !withSuccessor.has(commune.id))).toEqual([]);
    expect(old.every((commune) => /^pre2025:(\d{5}|x-[0-9a-f]{12})$/.test(commune.id))).toBe(true);
  });

  it('reports each irregularity of this data version with its treatment', () => {
    const counts = Object.fromEntries(rows.irregularities.map((i) => [i.kind, i.count]));
    const expected: Partial<Record<IrregularityKind, number>> = {
      province_renamed: 1,
      duplicate_mapping_row: 140,
      new_code_unknown: 431,
      new_code_contradicts_name: 22,
      old_code_missing_matched: 20,
      old_code_missing_synthetic: 769,
      old_spelling_variants: 3,
      communeless_district: 5,
      split_commune: 25,
      commune_without_predecessor: 1,
    };
    expect(counts).toMatchObject(expected);
    const unresolved = rows.irregularities.filter((i) => !i.resolved);
    expect(unresolved.map((i) => [i.kind, i.examples])).toEqual([
      ['commune_without_predecessor', ['2025:23737 Xã Ia Mơ']],
    ]);
  });

  it('trusts a mapping row’s new name and province over a code that points elsewhere', () => {
    // Row 10102: Phường 24, Quận Bình Thạnh (HCMC) → "31473 Phường Bình Thạnh"; 31473 is Phường Long Bình, Cần Thơ.
    const old = rows.communes.find((c) => c.name === 'Phường 24' && c.districtName === 'Quận Bình Thạnh');
    const successors = rows.successions.filter((s) => s.oldCommuneId === old?.id).map((s) => s.newCommuneId);
    expect(successors).toEqual(['2025:26929']);
    expect(rows.communes.find((c) => c.id === '2025:26929')?.name).toBe('Phường Bình Thạnh');
  });

  it('is deterministic, so synthetic ids stay the same across loads', () => {
    const again = buildReferenceRows(parseSources(readPackageText()));
    expect(again.communes.map((c) => c.id)).toEqual(rows.communes.map((c) => c.id));
    expect(referenceChecksum(readPackageText())).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('names', () => {
  it('keys spellings that differ only in tone placement, case, spacing or Unicode form alike', () => {
    expect(spellingKey('Xã Thuỷ Hoà')).toBe(spellingKey(' xã  thủy hòa'));
    expect(spellingKey('Phường Yên Hoà')).toBe(spellingKey('Phường Yên Hòa'.normalize('NFD')));
  });

  it('keeps apart names that differ in a mark, as real places do', () => {
    expect(spellingKey('Xã Minh Quân')).not.toBe(spellingKey('Xã Minh Quán'));
    expect(spellingKey('Phường Hương Văn')).not.toBe(spellingKey('Phường Hương Vân'));
    expect(spellingKey('Xã Tân Thành')).not.toBe(spellingKey('Xã Tân Thạnh'));
  });

  it('matches province names across sources', () => {
    expect(provinceKey('Tỉnh Bà Rịa - Vũng Tàu')).toBe(provinceKey('Bà Rịa–Vũng Tàu'));
    expect(provinceKey('Thành phố Hồ Chí Minh')).toBe(provinceKey('TP Hồ Chí Minh'));
    expect(provinceKey('Tỉnh Hoà Bình')).toBe(provinceKey('Hòa Bình'));
  });

  it('derives the kind of a unit from its name and refuses a name without a known prefix', () => {
    expect(communeKind('Thị trấn Phố Lu')).toBe('township');
    expect(communeKind('Đặc khu Phú Quốc')).toBe('special_zone');
    expect(() => communeKind('Khu phố 3')).toThrow(/no known kind prefix/);
  });
});

describe('province population', () => {
  it('weights every pre-2025 province, about 101 million people in all', () => {
    const population = provincePopulation();
    expect([...population.keys()].sort()).toEqual([...birthProvinceCodes().keys()].sort());
    const total = [...population.values()].reduce((sum, thousands) => sum + thousands, 0);
    expect(total).toBeGreaterThan(99_000);
    expect(total).toBeLessThan(103_000);
  });
});
