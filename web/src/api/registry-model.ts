/**
 * The officer API's shapes, as `src/registry/model.ts` and `src/audit/model.ts` define them on the server
 * (the OpenAPI document at `/api/docs/json` is the contract). Days are `YYYY-MM-DD`, instants ISO 8601 UTC.
 */

export type Sex = 'male' | 'female';
export type PersonStatus = 'alive' | 'deceased' | 'missing';
export type MaritalStatus = 'single' | 'married' | 'divorced' | 'widowed';

/** One line of a search result. */
export interface PersonSummary {
  readonly personalId: string;
  readonly fullName: string;
  readonly birthDate: string;
  readonly sex: Sex;
  readonly status: PersonStatus;
  readonly permanentCommuneId: string | null;
}

export interface PersonPage {
  readonly items: readonly PersonSummary[];
  readonly next: string | null;
}

/** Nhân thân — identity attributes. */
export interface PersonIdentity {
  readonly personalId: string;
  readonly familyName: string;
  readonly middleName: string;
  readonly givenName: string;
  readonly fullName: string;
  readonly otherNames: readonly string[];
  readonly formerIdNumber: string | null;
  readonly birthDate: string;
  readonly birthDatePrecision: 'day' | 'month' | 'year';
  readonly sex: Sex;
  readonly placeOfBirth: string | null;
  readonly hometown: string | null;
  readonly ethnicityCode: string | null;
  readonly religionCode: string | null;
  readonly nationality: string;
  readonly maritalStatus: MaritalStatus;
  readonly status: PersonStatus;
  readonly statusDate: string | null;
}

export type Relation = 'father' | 'mother' | 'child' | 'spouse' | 'legal_representative' | 'ward';

export interface FamilyMember {
  readonly relation: Relation;
  readonly personalId: string | null;
  readonly fullName: string;
  readonly birthDate: string | null;
  readonly nationality: string | null;
  readonly validFrom: string | null;
  readonly validTo: string | null;
}

export interface UnitName {
  readonly communeId: string;
  readonly communeName: string;
  readonly districtName: string | null;
  readonly provinceName: string;
}

/** An address with the unit names of its day (`recorded`) and the unit(s) it belongs to today. */
export interface Address {
  readonly addressLine: string;
  readonly recorded: UnitName;
  readonly current: readonly UnitName[];
}

export type ResidenceKind = 'permanent' | 'temporary' | 'current' | 'temporary_absence';

export interface Residence {
  readonly id: number;
  readonly kind: ResidenceKind;
  readonly address: Address;
  readonly householdId: number | null;
  readonly validFrom: string;
  readonly validTo: string | null;
  readonly expiresOn: string | null;
}

export interface HouseholdMember {
  readonly personalId: string;
  readonly fullName: string;
  /** Quan hệ với chủ hộ: `head`, `spouse`, `child`, … */
  readonly relationship: string;
  readonly joinedOn: string;
  readonly leftOn: string | null;
}

/** Hộ gia đình — a household. */
export interface Household {
  readonly id: number;
  readonly fileNumber: string;
  readonly address: Address;
  readonly establishedOn: string;
  readonly dissolvedOn: string | null;
  readonly headPersonalId: string | null;
  readonly members: readonly HouseholdMember[];
}

export type CardStatus = 'valid' | 'expired' | 'revoked' | 'lost' | 'replaced';

export interface IdentityCard {
  readonly cardNumber: string;
  readonly kind: 'cccd_chip' | 'can_cuoc';
  readonly issuedOn: string;
  readonly expiresOn: string | null;
  readonly status: CardStatus;
  readonly issuingAuthority: string;
}

export interface CivilEvent {
  readonly id: number;
  readonly kind: string;
  readonly occurredOn: string;
  readonly recordedAt: string;
  readonly actorId: string;
}

/** The person page as it stood on `asOf`. */
export interface PersonRecord {
  readonly asOf: string;
  readonly person: PersonIdentity;
  readonly family: readonly FamilyMember[];
  readonly household: Household | null;
  readonly residences: readonly Residence[];
  readonly cards: readonly IdentityCard[];
  readonly events: readonly CivilEvent[];
}

export type ActorKind = 'officer' | 'citizen' | 'partner' | 'admin' | 'system' | 'agency';
export type AccessChannel = 'api' | 'web' | 'batch' | 'oidc' | 'cli' | 'event';

/** One row of a person's access history. */
export interface AccessLogItem {
  readonly id: number;
  readonly at: string;
  readonly actorId: string;
  readonly actorKind: ActorKind;
  readonly actorName?: string;
  readonly purpose: string;
  readonly channel: AccessChannel;
  readonly action: string;
  /** For one of many people read together (a chunk of a batch file): the place in that group, whose id it shares. */
  readonly item?: number;
}

/** A page of the access history, newest first; `next` is the cursor of older entries. */
export interface AccessLogPage {
  readonly items: readonly AccessLogItem[];
  readonly next?: string;
}
