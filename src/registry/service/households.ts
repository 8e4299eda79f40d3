import type { Insertable } from 'kysely';
import { DomainError, toNfc } from '../../kernel/index.ts';
import type { HouseholdRelationship } from '../model.ts';
import { hasFullCivilCapacity } from '../rules.ts';
import { type RegistryDb, store } from '../store.ts';
import type { HouseholdMemberRow, HouseholdMemberTable, HouseholdRow, PersonRow } from '../tables.ts';
import {
  assertAlive,
  assertEffectiveDay,
  type ChangeContext,
  getPersonForUpdate,
  inTransaction,
  type RegistryDeps,
  recordEvent,
} from './context.ts';

/**
 * Households under the Law on Residence 2020, Art. 10: one head of full civil capacity chosen by the
 * members; a one-person household's member is its head; a head who dies or leaves is replaced; a person
 * belongs to one household at a time.
 */

export interface NewHousehold {
  readonly fileNumber: string;
  readonly headPersonalId: string;
  readonly communeId: string;
  readonly addressLine: string;
  readonly establishedOn: string;
}

/**
 * Opens a household with its head as the first member.
 * @throws DomainError ADMIN_UNIT_NOT_FOUND, ADMIN_UNIT_NOT_IN_FORCE, PERSON_NOT_FOUND, PERSON_NOT_ALIVE, HEAD_LACKS_CAPACITY,
 *   PERSON_ALREADY_IN_HOUSEHOLD, HOUSEHOLD_FILE_NUMBER_TAKEN, INVALID_EFFECTIVE_DATE
 */
export async function createHousehold(
  deps: RegistryDeps,
  input: NewHousehold,
  context: ChangeContext,
): Promise<number> {
  await deps.units.getCommuneInForce(input.communeId, input.establishedOn);
  assertEffectiveDay(input.establishedOn, deps);
  return inTransaction(deps, async (db) => {
    const head = await getPersonForUpdate(db, input.headPersonalId);
    assertCanHead(head, input.establishedOn);
    await assertNotInHousehold(db, head.personal_id);
    const taken = await db
      .selectFrom('registry.household')
      .select('id')
      .where('file_number', '=', input.fileNumber)
      .executeTakeFirst();
    if (taken) throw new DomainError('HOUSEHOLD_FILE_NUMBER_TAKEN', 'Another household has this file number.');
    const id = await store.insertHousehold(db, {
      file_number: input.fileNumber,
      commune_id: input.communeId,
      address_line: toNfc(input.addressLine),
      established_on: input.establishedOn,
      dissolved_on: null,
    });
    await store.insertMember(db, member(id, head.personal_id, 'head', input.establishedOn));
    await recordEvent(deps, db, context, {
      personalId: head.personal_id,
      kind: 'household_created',
      occurredOn: input.establishedOn,
      payload: { householdId: id, relationship: 'head' },
    });
    return id;
  });
}

/**
 * Adds a member with their relationship to the head.
 * @throws DomainError HOUSEHOLD_NOT_FOUND, HOUSEHOLD_DISSOLVED, HOUSEHOLD_ALREADY_HAS_HEAD, PERSON_NOT_FOUND,
 *   PERSON_NOT_ALIVE, PERSON_ALREADY_IN_HOUSEHOLD, INVALID_EFFECTIVE_DATE
 */
export async function addMember(
  deps: RegistryDeps,
  householdId: number,
  personalId: string,
  relationship: Exclude<HouseholdRelationship, 'head'>,
  joinedOn: string,
  context: ChangeContext,
): Promise<void> {
  if ((relationship as string) === 'head') {
    throw new DomainError('HOUSEHOLD_ALREADY_HAS_HEAD', 'A household has one head: change the head instead.');
  }
  await inTransaction(deps, async (db) => {
    const household = await openHousehold(db, householdId);
    assertEffectiveDay(joinedOn, deps, household.established_on);
    const person = await getPersonForUpdate(db, personalId);
    assertAlive(person, 'Joining a household');
    await assertNotInHousehold(db, personalId);
    await store.insertMember(db, member(householdId, personalId, relationship, joinedOn));
    await recordEvent(deps, db, context, {
      personalId,
      kind: 'household_joined',
      occurredOn: joinedOn,
      payload: { householdId, relationship },
    });
  });
}

/**
 * Removes a member. When the head leaves and others stay, `newHeadPersonalId` names the member who becomes
 * head; when the last member leaves, the household is dissolved.
 * @throws DomainError HOUSEHOLD_NOT_FOUND, HOUSEHOLD_DISSOLVED, NOT_A_HOUSEHOLD_MEMBER,
 *   HEAD_REPLACEMENT_REQUIRED, HEAD_LACKS_CAPACITY, INVALID_EFFECTIVE_DATE
 */
export async function removeMember(
  deps: RegistryDeps,
  householdId: number,
  personalId: string,
  leftOn: string,
  reason: string,
  context: ChangeContext,
  newHeadPersonalId?: string,
): Promise<void> {
  await inTransaction(deps, async (db) => {
    await leaveHousehold(deps, db, householdId, personalId, leftOn, reason, context, newHeadPersonalId);
  });
}

/** The leaving step, inside a caller's transaction (also used when a person dies or moves away). */
export async function leaveHousehold(
  deps: RegistryDeps,
  db: RegistryDb,
  householdId: number,
  personalId: string,
  leftOn: string,
  reason: string,
  context: ChangeContext,
  newHeadPersonalId?: string,
): Promise<void> {
  const household = await openHousehold(db, householdId);
  assertEffectiveDay(leftOn, deps, household.established_on);
  const members = activeMembers(await store.householdMembers(db, householdId));
  const leaving = members.find((row) => row.personal_id === personalId);
  if (!leaving) throw new DomainError('NOT_A_HOUSEHOLD_MEMBER', 'The person is not a member of this household.');
  const staying = members.filter((row) => row.personal_id !== personalId);
  await store.endMembership(db, householdId, personalId, leftOn, reason);
  await recordEvent(deps, db, context, {
    personalId,
    kind: 'household_left',
    occurredOn: leftOn,
    payload: { householdId, reason },
  });
  if (staying.length === 0) {
    await store.dissolveHousehold(db, householdId, leftOn);
    return;
  }
  if (leaving.relationship !== 'head') return;
  if (!newHeadPersonalId) {
    throw new DomainError('HEAD_REPLACEMENT_REQUIRED', 'The head is leaving: name the member who becomes head.');
  }
  await appointHead(deps, db, householdId, staying, newHeadPersonalId, leftOn, context);
}

/**
 * Makes another member the head (members' choice, or after the head died or left).
 * @throws DomainError HOUSEHOLD_NOT_FOUND, HOUSEHOLD_DISSOLVED, NOT_A_HOUSEHOLD_MEMBER, HEAD_LACKS_CAPACITY
 */
export async function changeHead(
  deps: RegistryDeps,
  householdId: number,
  newHeadPersonalId: string,
  effectiveOn: string,
  context: ChangeContext,
): Promise<void> {
  await inTransaction(deps, async (db) => {
    const household = await openHousehold(db, householdId);
    assertEffectiveDay(effectiveOn, deps, household.established_on);
    const members = activeMembers(await store.householdMembers(db, householdId));
    const current = members.find((row) => row.relationship === 'head');
    if (current?.personal_id === newHeadPersonalId) return;
    if (current) {
      await store.endMembership(db, householdId, current.personal_id, effectiveOn, 'head_changed');
      await store.insertMember(db, member(householdId, current.personal_id, 'other_relative', effectiveOn));
    }
    const others = members.filter((row) => row.personal_id !== current?.personal_id);
    await appointHead(deps, db, householdId, others, newHeadPersonalId, effectiveOn, context);
  });
}

async function appointHead(
  deps: RegistryDeps,
  db: RegistryDb,
  householdId: number,
  members: readonly HouseholdMemberRow[],
  personalId: string,
  on: string,
  context: ChangeContext,
): Promise<void> {
  if (!members.some((row) => row.personal_id === personalId)) {
    throw new DomainError('NOT_A_HOUSEHOLD_MEMBER', 'The new head must be a member of the household.');
  }
  const person = await getPersonForUpdate(db, personalId);
  assertCanHead(person, on);
  await store.endMembership(db, householdId, personalId, on, 'became_head');
  await store.insertMember(db, member(householdId, personalId, 'head', on));
  await recordEvent(deps, db, context, {
    personalId,
    kind: 'household_head_appointed',
    occurredOn: on,
    payload: { householdId },
  });
}

/** The household, locked for the change, refused when missing or dissolved. */
export async function openHousehold(db: RegistryDb, householdId: number): Promise<HouseholdRow> {
  const household = await store.findHousehold(db, householdId, true);
  if (!household) throw new DomainError('HOUSEHOLD_NOT_FOUND', 'No household has this id.');
  if (household.dissolved_on !== null) {
    throw new DomainError('HOUSEHOLD_DISSOLVED', 'The household has been dissolved.', {
      dissolvedOn: household.dissolved_on,
    });
  }
  return household;
}

function assertCanHead(person: PersonRow, on: string): void {
  assertAlive(person, 'Heading a household');
  const facts = { birthDate: person.birth_date, civilCapacity: person.civil_capacity, status: person.status };
  if (!hasFullCivilCapacity(facts, on)) {
    throw new DomainError(
      'HEAD_LACKS_CAPACITY',
      'A household head must be an adult with full civil capacity (Law on Residence 2020, Art. 10).',
    );
  }
}

async function assertNotInHousehold(db: RegistryDb, personalId: string): Promise<void> {
  const memberships = await store.membershipsOf(db, personalId);
  const open = memberships.find((row) => row.left_on === null);
  if (open) {
    throw new DomainError('PERSON_ALREADY_IN_HOUSEHOLD', 'The person already belongs to a household: leave it first.', {
      householdId: open.household_id,
    });
  }
}

function activeMembers(rows: readonly HouseholdMemberRow[]): HouseholdMemberRow[] {
  return rows.filter((row) => row.left_on === null);
}

function member(
  householdId: number,
  personalId: string,
  relationship: string,
  on: string,
): Insertable<HouseholdMemberTable> {
  return {
    household_id: householdId,
    personal_id: personalId,
    relationship,
    joined_on: on,
    left_on: null,
    leave_reason: null,
  };
}
