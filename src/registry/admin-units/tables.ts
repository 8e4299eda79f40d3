import type { CommuneKind, Era, ProvinceKind } from './model.ts';

/** The reference tables of `registry` (migration 0001_reference_data.sql), for `kysely.withTables`. */
export type ReferenceTables = {
  'registry.province': ProvinceTable;
  'registry.commune': CommuneTable;
  'registry.commune_succession': CommuneSuccessionTable;
  'registry.ethnicity': CodeListTable;
  'registry.religion': CodeListTable;
  'registry.reference_data_version': ReferenceDataVersionTable;
};

export type ProvinceTable = {
  id: string;
  era: Era;
  code: string;
  name: string;
  short_name: string;
  kind: ProvinceKind;
  abbreviation: string | null;
  legacy_id_code: string | null;
  valid_from: string | null;
  valid_to: string | null;
  folded_name: string;
};

export type CommuneTable = {
  id: string;
  era: Era;
  code: string | null;
  name: string;
  kind: CommuneKind;
  district_name: string | null;
  province_id: string;
  valid_from: string | null;
  valid_to: string | null;
  folded_name: string;
};

export type CommuneSuccessionTable = {
  old_commune_id: string;
  new_commune_id: string;
  effective_on: string;
};

export type CodeListTable = {
  code: string;
  name: string;
};

export type ReferenceDataVersionTable = {
  name: string;
  checksum: string;
  loaded_at: Date;
  report: unknown;
};
