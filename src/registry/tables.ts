import type { Generated, Selectable } from 'kysely';

/** Kysely's view of the registry's own tables (migration 0002_people.sql). Only the stores use it. */
/** Kysely's view of the registry's own tables. */
export type RegistryTables = {
  'registry.person': PersonTable;
  'registry.person_version': PersonVersionTable;
  'registry.family_link': FamilyLinkTable;
  'registry.household': HouseholdTable;
  'registry.household_member': HouseholdMemberTable;
  'registry.residence': ResidenceTable;
  'registry.identity_card': IdentityCardTable;
  'registry.civil_event': CivilEventTable;
};

export interface PersonTable {
  personal_id: string;
  family_name: string;
  middle_name: string;
  given_name: string;
  full_name: string;
  folded_name: string;
  other_names: string[];
  former_id_number: string | null;
  birth_date: string;
  birth_date_precision: 'day' | 'month' | 'year';
  sex: 'male' | 'female';
  place_of_birth: string | null;
  birth_registration_commune_id: string | null;
  hometown: string | null;
  ethnicity_code: string | null;
  religion_code: string | null;
  nationality: string;
  blood_group: 'A' | 'B' | 'AB' | 'O' | null;
  marital_status: 'single' | 'married' | 'divorced' | 'widowed';
  civil_capacity: 'full' | 'restricted' | 'lost';
  phone: string | null;
  email: string | null;
  status: 'alive' | 'deceased' | 'missing';
  status_date: string | null;
  attributes_since: string;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  version: Generated<number>;
}

export interface PersonVersionTable {
  personal_id: string;
  valid_from: string;
  valid_to: string;
  recorded_at: Date;
  attributes: unknown;
}

export interface FamilyLinkTable {
  id: Generated<number>;
  personal_id: string;
  relation: 'father' | 'mother' | 'child' | 'spouse' | 'legal_representative' | 'ward';
  relative_id: string | null;
  relative_name: string | null;
  relative_nationality: string | null;
  relative_document: string | null;
  valid_from: string | null;
  valid_to: string | null;
  recorded_at: Generated<Date>;
}

export interface HouseholdTable {
  id: Generated<number>;
  file_number: string;
  commune_id: string;
  address_line: string;
  established_on: string;
  dissolved_on: string | null;
  created_at: Generated<Date>;
}

export interface HouseholdMemberTable {
  id: Generated<number>;
  household_id: number;
  personal_id: string;
  relationship: string;
  joined_on: string;
  left_on: string | null;
  leave_reason: string | null;
}

export interface ResidenceTable {
  id: Generated<number>;
  personal_id: string;
  kind: 'permanent' | 'temporary' | 'current' | 'temporary_absence';
  commune_id: string;
  address_line: string;
  household_id: number | null;
  valid_from: string;
  valid_to: string | null;
  expires_on: string | null;
  reason: string | null;
  destination: string | null;
  basis: string | null;
  ended_reason: string | null;
  recorded_at: Generated<Date>;
}

export interface IdentityCardTable {
  id: Generated<number>;
  personal_id: string;
  card_number: string;
  kind: 'cccd_chip' | 'can_cuoc';
  issued_on: string;
  expires_on: string | null;
  status: 'valid' | 'revoked' | 'lost' | 'replaced';
  status_changed_on: string | null;
  issuing_authority: string;
}

export interface CivilEventTable {
  id: Generated<number>;
  personal_id: string;
  kind: string;
  occurred_on: string;
  recorded_at: Date;
  actor_id: string;
  basis: string | null;
  payload: unknown;
}

/** Rows as read back. */
export type PersonRow = Selectable<PersonTable>;
export type PersonVersionRow = Selectable<PersonVersionTable>;
export type FamilyLinkRow = Selectable<FamilyLinkTable>;
export type HouseholdRow = Selectable<HouseholdTable>;
export type HouseholdMemberRow = Selectable<HouseholdMemberTable>;
export type ResidenceRow = Selectable<ResidenceTable>;
export type IdentityCardRow = Selectable<IdentityCardTable>;
export type CivilEventRow = Selectable<CivilEventTable>;
