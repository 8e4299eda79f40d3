import { type Static, Type } from 'typebox';

/**
 * The registry's shapes as the outside world sees them (TypeBox schema and TS type share one name).
 * Days are ISO calendar days; text is NFC.
 */

export const Day = Type.String({ format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
export const PersonalIdText = Type.String({ pattern: '^\\d{12}$', description: 'Số định danh cá nhân' });

export const Sex = Type.Union([Type.Literal('male'), Type.Literal('female')]);
export type Sex = Static<typeof Sex>;
export const PersonStatus = Type.Union([Type.Literal('alive'), Type.Literal('deceased'), Type.Literal('missing')]);
export type PersonStatus = Static<typeof PersonStatus>;
export const MaritalStatus = Type.Union([
  Type.Literal('single'),
  Type.Literal('married'),
  Type.Literal('divorced'),
  Type.Literal('widowed'),
]);
export const BloodGroup = Type.Union([Type.Literal('A'), Type.Literal('B'), Type.Literal('AB'), Type.Literal('O')]);
export const DatePrecision = Type.Union([Type.Literal('day'), Type.Literal('month'), Type.Literal('year')]);

/** Nhân thân — a person's identity attributes (Law on Identification 2023, Art. 9). */
export const PersonIdentity = Type.Object({
  personalId: PersonalIdText,
  familyName: Type.String(),
  middleName: Type.String(),
  givenName: Type.String(),
  fullName: Type.String(),
  otherNames: Type.Array(Type.String()),
  formerIdNumber: Type.Union([Type.String(), Type.Null()]),
  birthDate: Day,
  birthDatePrecision: DatePrecision,
  sex: Sex,
  placeOfBirth: Type.Union([Type.String(), Type.Null()]),
  birthRegistrationCommuneId: Type.Union([Type.String(), Type.Null()]),
  hometown: Type.Union([Type.String(), Type.Null()]),
  ethnicityCode: Type.Union([Type.String(), Type.Null()]),
  religionCode: Type.Union([Type.String(), Type.Null()]),
  nationality: Type.String(),
  bloodGroup: Type.Union([BloodGroup, Type.Null()]),
  maritalStatus: MaritalStatus,
  civilCapacity: Type.Union([Type.Literal('full'), Type.Literal('restricted'), Type.Literal('lost')]),
  phone: Type.Union([Type.String(), Type.Null()]),
  email: Type.Union([Type.String(), Type.Null()]),
  status: PersonStatus,
  statusDate: Type.Union([Day, Type.Null()]),
});
export type PersonIdentity = Static<typeof PersonIdentity>;

/** One line of a search result: enough to tell people apart, nothing more. */
export const PersonSummary = Type.Object({
  personalId: PersonalIdText,
  fullName: Type.String(),
  birthDate: Day,
  sex: Sex,
  status: PersonStatus,
  permanentCommuneId: Type.Union([Type.String(), Type.Null()]),
});
export type PersonSummary = Static<typeof PersonSummary>;

export const Relation = Type.Union([
  Type.Literal('father'),
  Type.Literal('mother'),
  Type.Literal('child'),
  Type.Literal('spouse'),
  Type.Literal('legal_representative'),
  Type.Literal('ward'),
]);
export type Relation = Static<typeof Relation>;

export const FamilyMember = Type.Object({
  relation: Relation,
  personalId: Type.Union([PersonalIdText, Type.Null()]),
  fullName: Type.String(),
  birthDate: Type.Union([Day, Type.Null()]),
  nationality: Type.Union([Type.String(), Type.Null()]),
  validFrom: Type.Union([Day, Type.Null()]),
  validTo: Type.Union([Day, Type.Null()]),
});
export type FamilyMember = Static<typeof FamilyMember>;

export const UnitName = Type.Object({
  communeId: Type.String(),
  communeName: Type.String(),
  districtName: Type.Union([Type.String(), Type.Null()]),
  provinceName: Type.String(),
});
export type UnitName = Static<typeof UnitName>;

/** An address as recorded (with the unit names of its day) and the unit(s) it belongs to today. */
export const Address = Type.Object({
  addressLine: Type.String(),
  recorded: UnitName,
  current: Type.Array(UnitName),
});
export type Address = Static<typeof Address>;

export const ResidenceKind = Type.Union([
  Type.Literal('permanent'),
  Type.Literal('temporary'),
  Type.Literal('current'),
  Type.Literal('temporary_absence'),
]);
export type ResidenceKind = Static<typeof ResidenceKind>;

export const Residence = Type.Object({
  id: Type.Integer(),
  kind: ResidenceKind,
  address: Address,
  householdId: Type.Union([Type.Integer(), Type.Null()]),
  validFrom: Day,
  validTo: Type.Union([Day, Type.Null()]),
  expiresOn: Type.Union([Day, Type.Null()]),
  reason: Type.Union([Type.String(), Type.Null()]),
  destination: Type.Union([Type.String(), Type.Null()]),
  basis: Type.Union([Type.String(), Type.Null()]),
  endedReason: Type.Union([Type.String(), Type.Null()]),
});
export type Residence = Static<typeof Residence>;

/** Quan hệ với chủ hộ — relationship to the household head. */
export const HouseholdRelationship = Type.Union([
  Type.Literal('head'),
  Type.Literal('spouse'),
  Type.Literal('child'),
  Type.Literal('parent'),
  Type.Literal('grandparent'),
  Type.Literal('grandchild'),
  Type.Literal('sibling'),
  Type.Literal('child_in_law'),
  Type.Literal('other_relative'),
  Type.Literal('other'),
]);
export type HouseholdRelationship = Static<typeof HouseholdRelationship>;

export const HouseholdMember = Type.Object({
  personalId: PersonalIdText,
  fullName: Type.String(),
  relationship: Type.String(),
  joinedOn: Day,
  leftOn: Type.Union([Day, Type.Null()]),
  leaveReason: Type.Union([Type.String(), Type.Null()]),
});
export type HouseholdMember = Static<typeof HouseholdMember>;

/** Hộ gia đình — a household with its members (those of `asOf`, or all with their dates). */
export const Household = Type.Object({
  id: Type.Integer(),
  fileNumber: Type.String(),
  address: Address,
  establishedOn: Day,
  dissolvedOn: Type.Union([Day, Type.Null()]),
  headPersonalId: Type.Union([PersonalIdText, Type.Null()]),
  members: Type.Array(HouseholdMember),
});
export type Household = Static<typeof Household>;

export const IdentityCard = Type.Object({
  cardNumber: Type.String(),
  kind: Type.Union([Type.Literal('cccd_chip'), Type.Literal('can_cuoc')]),
  issuedOn: Day,
  expiresOn: Type.Union([Day, Type.Null()]),
  status: Type.Union([
    Type.Literal('valid'),
    Type.Literal('expired'),
    Type.Literal('revoked'),
    Type.Literal('lost'),
    Type.Literal('replaced'),
  ]),
  issuingAuthority: Type.String(),
});
export type IdentityCard = Static<typeof IdentityCard>;

export const CivilEvent = Type.Object({
  id: Type.Integer(),
  kind: Type.String(),
  occurredOn: Day,
  recordedAt: Type.String({ format: 'date-time' }),
  actorId: Type.String(),
  basis: Type.Union([Type.String(), Type.Null()]),
  payload: Type.Unknown(),
});
export type CivilEvent = Static<typeof CivilEvent>;

/** The person page: everything the registry holds about a person, as it stood on `asOf`. */
export const PersonRecord = Type.Object({
  asOf: Day,
  person: PersonIdentity,
  family: Type.Array(FamilyMember),
  household: Type.Union([Household, Type.Null()]),
  residences: Type.Array(Residence),
  cards: Type.Array(IdentityCard),
  events: Type.Array(CivilEvent),
});
export type PersonRecord = Static<typeof PersonRecord>;
