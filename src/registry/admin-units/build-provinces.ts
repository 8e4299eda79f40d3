import { toNfc } from '../../kernel/index.ts';
import type { IrregularityLog } from './irregularities.ts';
import { LAST_PRE_REFORM_DAY, type Province, type ProvinceKind, REFORM_DAY } from './model.ts';
import { provinceFullName, provinceKey, splitProvinceName } from './names.ts';
import type { ReferenceSources } from './source.ts';

/** The provinces of both eras, and how the mapping data's province names lead to them. */
export interface BuiltProvinces {
  readonly provinces: readonly Province[];
  /** 2025 provinces by {@link provinceKey} of their name (the mapping's `new_province_name`). */
  readonly current: ReadonlyMap<string, Province>;
  /** Pre-2025 provinces by the mapping's `old_province_name`, exactly as written there. */
  readonly former: ReadonlyMap<string, Province>;
  /** Pre-2025 provinces by personal-ID code (`001`). */
  readonly byIdCode: ReadonlyMap<string, Province>;
}

const PLACE_TYPES: Readonly<Record<string, ProvinceKind>> = {
  'Thành phố Trung Ương': 'municipality',
  Tỉnh: 'province',
};

/**
 * The 34 provinces of 1 July 2025 (from the package) and the 63 before it (from the kernel's personal-ID
 * codes, with their kind taken from how the mapping data names them).
 */
export function buildProvinces(sources: ReferenceSources, log: IrregularityLog): BuiltProvinces {
  const current = currentProvinces(sources);
  const { former, byIdCode } = formerProvinces(sources, log);
  return {
    provinces: [...current.values(), ...byIdCode.values()],
    current,
    former,
    byIdCode,
  };
}

function currentProvinces(sources: ReferenceSources): Map<string, Province> {
  const byKey = new Map<string, Province>();
  for (const source of sources.provinces) {
    const kind = PLACE_TYPES[source.place_type];
    if (!kind) throw new Error(`province ${source.province_code}: unknown place type "${source.place_type}"`);
    const { shortName } = splitProvinceName(source.name);
    byKey.set(provinceKey(shortName), {
      id: `2025:${source.province_code}`,
      era: '2025',
      code: source.province_code,
      name: provinceFullName(kind, shortName),
      shortName,
      kind,
      abbreviation: source.code,
      legacyIdCode: null,
      validFrom: REFORM_DAY,
      validTo: null,
    });
  }
  return byKey;
}

function formerProvinces(
  sources: ReferenceSources,
  log: IrregularityLog,
): { former: Map<string, Province>; byIdCode: Map<string, Province> } {
  const codeByKey = new Map([...sources.birthProvinces].map(([code, name]) => [provinceKey(name), code]));
  const renames = new Map(sources.provinceRenames.map((rename) => [rename.dataName, rename]));
  // How the mapping data names each old province, and so whether it was a tỉnh or a thành phố.
  const dataNames = new Map<string, { code: string; kind: ProvinceKind; name?: string }>();
  for (const row of sources.mappings) {
    const dataName = row.old_province_name;
    if (dataName === null || dataName === '' || dataNames.has(dataName)) continue;
    const rename = renames.get(dataName);
    if (rename) {
      log.note('province_renamed', `${dataName} → ${rename.name} (${rename.legacyIdCode})`);
      dataNames.set(dataName, { code: rename.legacyIdCode, kind: rename.kind, name: rename.name });
      continue;
    }
    const code = codeByKey.get(provinceKey(dataName));
    if (code) dataNames.set(dataName, { code, kind: splitProvinceName(dataName).kind ?? 'province' });
  }

  const byIdCode = new Map<string, Province>();
  for (const [code, kernelName] of sources.birthProvinces) {
    const named = [...dataNames.values()].find((entry) => entry.code === code);
    if (!named) log.note('province_without_communes', `${code} ${kernelName}`);
    const kind = named?.kind ?? 'province';
    const name = named?.name ?? provinceFullName(kind, splitProvinceName(kernelName).shortName);
    const twoDigits = code.slice(1);
    byIdCode.set(code, {
      id: `pre2025:${twoDigits}`,
      era: 'pre2025',
      code: twoDigits,
      name: toNfc(name),
      shortName: splitProvinceName(name).shortName,
      kind,
      abbreviation: null,
      legacyIdCode: code,
      validFrom: null,
      validTo: LAST_PRE_REFORM_DAY,
    });
  }
  const former = new Map<string, Province>();
  for (const [dataName, { code }] of dataNames) {
    const province = byIdCode.get(code);
    if (province) former.set(dataName, province);
  }
  return { former, byIdCode };
}
