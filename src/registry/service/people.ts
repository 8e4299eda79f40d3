import { checkPersonalIdConsistency, DomainError, foldText, parsePersonalId, toNfc } from '../../kernel/index.ts';
import type { PersonIdentity } from '../model.ts';
import { type RegistryDb, store } from '../store.ts';
import type { PersonRow } from '../tables.ts';
import {
  assertAlive,
  assertEffectiveDay,
  type ChangeContext,
  getPersonForUpdate,
  inTransaction,
  type RegistryDeps,
  recordEvent,
  today,
} from './context.ts';

/** What is needed to enter a person in the registry (on birth registration, or when taking over old records). */
export interface NewPerson {
  readonly personalId: string;
  readonly familyName: string;
  readonly middleName?: string;
  readonly givenName: string;
  readonly otherNames?: readonly string[];
  readonly formerIdNumber?: string | null;
  readonly birthDate: string;
  readonly birthDatePrecision?: 'day' | 'month' | 'year';
  readonly sex: 'male' | 'female';
  readonly placeOfBirth?: string | null;
  readonly birthRegistrationCommuneId?: string | null;
  readonly hometown?: string | null;
  readonly ethnicityCode?: string | null;
  readonly religionCode?: string | null;
  readonly nationality?: string;
  readonly bloodGroup?: 'A' | 'B' | 'AB' | 'O' | null;
  readonly phone?: string | null;
  readonly email?: string | null;
  readonly fatherId?: string;
  readonly motherId?: string;
}

/** Attributes that may change over a life; each change keeps the previous state for "as of" reads. */
export type PersonChanges = Partial<
  Pick<
    NewPerson,
    | 'familyName'
    | 'middleName'
    | 'givenName'
    | 'otherNames'
    | 'hometown'
    | 'ethnicityCode'
    | 'religionCode'
    | 'nationality'
    | 'bloodGroup'
    | 'phone'
    | 'email'
  > & { maritalStatus: PersonRow['marital_status']; civilCapacity: PersonRow['civil_capacity'] }
>;

const FORMER_ID = /^\d{9}$/;

/**
 * Enters a person. The personal ID number must be well formed and agree with the date of birth and sex;
 * names are stored in NFC with their folded search key; parents, when given, get the matching child links.
 *
 * @throws DomainError INVALID_PERSONAL_ID, PERSON_ID_INCONSISTENT, PERSON_ALREADY_EXISTS, INVALID_BIRTH_DATE,
 *   INVALID_NAME, ADMIN_UNIT_NOT_FOUND, FAMILY_LINK_INVALID, UNKNOWN_CODE
 */
export async function registerPerson(deps: RegistryDeps, input: NewPerson, context: ChangeContext): Promise<void> {
  const personalId = parsePersonalId(input.personalId);
  const mismatches = checkPersonalIdConsistency(personalId, {
    birthYear: Number(input.birthDate.slice(0, 4)),
    sex: input.sex,
  });
  if (mismatches.length > 0) {
    throw new DomainError(
      'PERSON_ID_INCONSISTENT',
      'The personal ID number does not agree with the date of birth or sex.',
      { fields: mismatches },
    );
  }
  if (input.birthDate > today(deps)) throw new DomainError('INVALID_BIRTH_DATE', 'The date of birth is in the future.');
  if (input.formerIdNumber && !FORMER_ID.test(input.formerIdNumber)) {
    throw new DomainError('INVALID_FORMER_ID_NUMBER', 'A former identity number (CMND) has 9 digits.');
  }
  if (input.birthRegistrationCommuneId) await deps.units.getCommune(input.birthRegistrationCommuneId);
  await assertKnownCodes(deps, input);
  const names = personNames(input);
  await inTransaction(deps, async (db) => {
    if (await store.findPerson(db, personalId)) {
      throw new DomainError('PERSON_ALREADY_EXISTS', 'A person with this personal ID number is already registered.');
    }
    await store.insertPerson(db, {
      personal_id: personalId,
      ...names,
      other_names: (input.otherNames ?? []).map(toNfc),
      former_id_number: input.formerIdNumber ?? null,
      birth_date: input.birthDate,
      birth_date_precision: input.birthDatePrecision ?? 'day',
      sex: input.sex,
      place_of_birth: optionalText(input.placeOfBirth),
      birth_registration_commune_id: input.birthRegistrationCommuneId ?? null,
      hometown: optionalText(input.hometown),
      ethnicity_code: input.ethnicityCode ?? null,
      religion_code: input.religionCode ?? null,
      nationality: input.nationality ?? 'VN',
      blood_group: input.bloodGroup ?? null,
      marital_status: 'single',
      civil_capacity: 'full',
      phone: input.phone ?? null,
      email: input.email ?? null,
      status: 'alive',
      status_date: null,
      attributes_since: input.birthDate,
    });
    for (const [relation, parentId] of [
      ['father', input.fatherId],
      ['mother', input.motherId],
    ] as const) {
      if (parentId) await linkParent(db, personalId, input.birthDate, relation, parentId);
    }
    await recordEvent(deps, db, context, {
      personalId,
      kind: 'person_registered',
      occurredOn: input.birthDate,
      payload: { birthRegistrationCommuneId: input.birthRegistrationCommuneId ?? null },
    });
  });
}

async function linkParent(
  db: RegistryDb,
  childId: string,
  childBirthDate: string,
  relation: 'father' | 'mother',
  parentId: string,
): Promise<void> {
  const parent = await store.findPerson(db, parentId);
  if (!parent) throw new DomainError('FAMILY_LINK_INVALID', `The ${relation} is not in the registry.`);
  if (parent.sex !== (relation === 'father' ? 'male' : 'female')) {
    throw new DomainError('FAMILY_LINK_INVALID', `The ${relation}'s recorded sex does not fit the relation.`);
  }
  if (parent.birth_date >= childBirthDate) {
    throw new DomainError('FAMILY_LINK_INVALID', `The ${relation} must be born before the child.`);
  }
  await store.insertFamilyLinks(db, [
    {
      personal_id: childId,
      relation,
      relative_id: parentId,
      relative_name: null,
      relative_nationality: null,
      relative_document: null,
      valid_from: null,
      valid_to: null,
    },
    {
      personal_id: parentId,
      relation: 'child',
      relative_id: childId,
      relative_name: null,
      relative_nationality: null,
      relative_document: null,
      valid_from: null,
      valid_to: null,
    },
  ]);
}

/**
 * Changes a person's attributes from `effectiveOn`, keeping the earlier state so that the person can be read
 * as of any day.
 *
 * @throws DomainError PERSON_NOT_FOUND, PERSON_NOT_ALIVE, INVALID_EFFECTIVE_DATE, INVALID_NAME, UNKNOWN_CODE
 */
export async function updatePerson(
  deps: RegistryDeps,
  personalId: string,
  changes: PersonChanges,
  effectiveOn: string,
  context: ChangeContext,
): Promise<void> {
  await assertKnownCodes(deps, changes);
  await inTransaction(deps, async (db) => {
    const person = await getPersonForUpdate(db, personalId);
    assertAlive(person, 'Changing a person');
    assertEffectiveDay(effectiveOn, deps, person.attributes_since);
    const next = changedRow(person, changes);
    if (effectiveOn > person.attributes_since) {
      await store.insertPersonVersion(db, {
        personal_id: personalId,
        valid_from: person.attributes_since,
        valid_to: effectiveOn,
        recorded_at: deps.clock.now(),
        attributes: identityOf(person),
      });
    }
    await store.updatePerson(db, personalId, { ...next, attributes_since: effectiveOn });
    await recordEvent(deps, db, context, {
      personalId,
      kind: 'person_changed',
      occurredOn: effectiveOn,
      payload: { fields: Object.keys(changes) },
    });
  });
}

function changedRow(person: PersonRow, changes: PersonChanges): Partial<PersonRow> {
  const merged = {
    familyName: changes.familyName ?? person.family_name,
    middleName: changes.middleName ?? person.middle_name,
    givenName: changes.givenName ?? person.given_name,
  };
  const row: Partial<PersonRow> = { ...personNames(merged) };
  if (changes.otherNames) row.other_names = changes.otherNames.map(toNfc);
  if (changes.hometown !== undefined) row.hometown = optionalText(changes.hometown);
  if (changes.ethnicityCode !== undefined) row.ethnicity_code = changes.ethnicityCode;
  if (changes.religionCode !== undefined) row.religion_code = changes.religionCode;
  if (changes.nationality) row.nationality = changes.nationality;
  if (changes.bloodGroup !== undefined) row.blood_group = changes.bloodGroup;
  if (changes.phone !== undefined) row.phone = changes.phone;
  if (changes.email !== undefined) row.email = changes.email;
  if (changes.maritalStatus) row.marital_status = changes.maritalStatus;
  if (changes.civilCapacity) row.civil_capacity = changes.civilCapacity;
  return row;
}

/** NFC names, the full name in Vietnamese order, and its folded search key. */
export function personNames(input: { familyName: string; middleName?: string; givenName: string }) {
  const family = toNfc(input.familyName);
  const middle = toNfc(input.middleName ?? '');
  const given = toNfc(input.givenName);
  if (family === '' || given === '') {
    throw new DomainError('INVALID_NAME', 'A person needs a family name and a given name.');
  }
  const full = [family, middle, given].filter((part) => part !== '').join(' ');
  return { family_name: family, middle_name: middle, given_name: given, full_name: full, folded_name: foldText(full) };
}

/** Refuses an ethnicity or religion code that is not in the code lists. */
async function assertKnownCodes(
  deps: RegistryDeps,
  codes: { ethnicityCode?: string | null; religionCode?: string | null },
): Promise<void> {
  const checks = [
    ['ethnicityCode', codes.ethnicityCode, () => deps.units.listEthnicities()],
    ['religionCode', codes.religionCode, () => deps.units.listReligions()],
  ] as const;
  for (const [field, code, list] of checks) {
    if (code === null || code === undefined) continue;
    if (!(await list()).some((entry) => entry.code === code)) {
      throw new DomainError('UNKNOWN_CODE', `${field} "${code}" is not in its code list.`, { field });
    }
  }
}

function optionalText(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const text = toNfc(value);
  return text === '' ? null : text;
}

/** The public shape of a person row. */
export function identityOf(row: PersonRow): PersonIdentity {
  return {
    personalId: row.personal_id,
    familyName: row.family_name,
    middleName: row.middle_name,
    givenName: row.given_name,
    fullName: row.full_name,
    otherNames: row.other_names,
    formerIdNumber: row.former_id_number,
    birthDate: row.birth_date,
    birthDatePrecision: row.birth_date_precision,
    sex: row.sex,
    placeOfBirth: row.place_of_birth,
    birthRegistrationCommuneId: row.birth_registration_commune_id,
    hometown: row.hometown,
    ethnicityCode: row.ethnicity_code,
    religionCode: row.religion_code,
    nationality: row.nationality,
    bloodGroup: row.blood_group,
    maritalStatus: row.marital_status,
    civilCapacity: row.civil_capacity,
    phone: row.phone,
    email: row.email,
    status: row.status,
    statusDate: row.status_date,
  };
}
