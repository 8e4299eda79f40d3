import { PERSON_DIED, publishEvent } from '../../events/index.ts';
import { hasFullCivilCapacity } from '../rules.ts';
import { type RegistryDb, store } from '../store.ts';
import type { HouseholdMemberRow } from '../tables.ts';
import {
  assertAlive,
  assertEffectiveDay,
  type ChangeContext,
  getPersonForUpdate,
  inTransaction,
  type RegistryDeps,
  recordEvent,
} from './context.ts';
import { leaveHousehold } from './households.ts';

export interface DeathFacts {
  readonly diedOn: string;
  /** The member who becomes head when the deceased headed a household; chosen by the rule below when absent. */
  readonly newHeadPersonalId?: string;
}

export interface DeathOutcome {
  readonly householdId: number | null;
  /** The new head, or null when nobody in the household can be head (the household is then flagged by the checks). */
  readonly newHeadPersonalId: string | null;
  readonly residencesEnded: number;
  readonly cardsInvalidated: number;
}

/**
 * Closes a person's record on death (Decree 63/2024, death group): status deceased; residences end; the
 * household membership ends and, where the deceased was head, another member becomes head; identity cards
 * become invalid; a surviving spouse becomes widowed.
 *
 * Without a named new head, the surviving spouse is chosen if a member, otherwise the eldest member with full
 * civil capacity; when no member qualifies, the household keeps no head until one is appointed. Publishes
 * `person.died` in the same transaction.
 * @throws DomainError PERSON_NOT_FOUND, PERSON_NOT_ALIVE, INVALID_EFFECTIVE_DATE, NOT_A_HOUSEHOLD_MEMBER, HEAD_LACKS_CAPACITY
 */
export async function recordDeath(
  deps: RegistryDeps,
  personalId: string,
  facts: DeathFacts,
  context: ChangeContext,
): Promise<DeathOutcome> {
  return inTransaction(deps, async (db, tx) => {
    const person = await getPersonForUpdate(db, personalId);
    assertAlive(person, 'Recording a death');
    assertEffectiveDay(facts.diedOn, deps, person.birth_date);
    const { diedOn } = facts;
    await store.updatePerson(db, personalId, { status: 'deceased', status_date: diedOn });

    let residencesEnded = 0;
    for (const residence of await store.residencesOf(db, personalId)) {
      if (residence.valid_to !== null) continue;
      await store.updateResidence(db, residence.id, { valid_to: diedOn, ended_reason: 'deceased' });
      residencesEnded++;
    }

    let cardsInvalidated = 0;
    for (const card of await store.cardsOf(db, personalId)) {
      if (card.status !== 'valid') continue;
      await store.setCardStatus(db, card.id, 'revoked', diedOn);
      cardsInvalidated++;
    }

    await widowSpouses(db, personalId, diedOn);
    const household = await leaveOnDeath(deps, db, personalId, facts, context);
    await recordEvent(deps, db, context, { personalId, kind: 'person_died', occurredOn: diedOn });
    // Other modules react (the eID account locks, credentials are revoked) once this commits.
    await publishEvent(tx, deps.clock, { type: PERSON_DIED, subject: personalId, payload: { diedOn } });
    return { ...household, residencesEnded, cardsInvalidated };
  });
}

async function widowSpouses(db: RegistryDb, personalId: string, diedOn: string): Promise<void> {
  const spouses = (await store.familyLinks(db, personalId)).filter(
    (link) => link.relation === 'spouse' && link.valid_to === null && link.relative_id !== null,
  );
  for (const link of spouses) {
    const spouseId = link.relative_id as string;
    await store.endFamilyLink(db, personalId, spouseId, 'spouse', diedOn);
    await store.endFamilyLink(db, spouseId, personalId, 'spouse', diedOn);
    await store.updatePerson(db, spouseId, { marital_status: 'widowed' });
  }
}

async function leaveOnDeath(
  deps: RegistryDeps,
  db: RegistryDb,
  personalId: string,
  facts: DeathFacts,
  context: ChangeContext,
): Promise<Pick<DeathOutcome, 'householdId' | 'newHeadPersonalId'>> {
  const membership = (await store.membershipsOf(db, personalId)).find((row) => row.left_on === null);
  if (!membership) return { householdId: null, newHeadPersonalId: null };
  const householdId = membership.household_id;
  if (membership.relationship !== 'head') {
    await leaveHousehold(deps, db, householdId, personalId, facts.diedOn, 'deceased', context);
    return { householdId, newHeadPersonalId: null };
  }
  const others = (await store.householdMembers(db, householdId)).filter(
    (row) => row.left_on === null && row.personal_id !== personalId,
  );
  const newHead = facts.newHeadPersonalId ?? (await chooseSuccessor(db, others, facts.diedOn));
  if (others.length > 0 && newHead === null) {
    // Nobody can head the household yet (only minors, say): the head's place stays empty until an adult is
    // appointed, and the data-quality checks list the household.
    await store.endMembership(db, householdId, personalId, facts.diedOn, 'deceased');
    return { householdId, newHeadPersonalId: null };
  }
  await leaveHousehold(deps, db, householdId, personalId, facts.diedOn, 'deceased', context, newHead ?? undefined);
  return { householdId, newHeadPersonalId: newHead };
}

async function chooseSuccessor(
  db: RegistryDb,
  members: readonly HouseholdMemberRow[],
  on: string,
): Promise<string | null> {
  const people = await store.findPeople(
    db,
    members.map((row) => row.personal_id),
  );
  const capable = people
    .filter((person) =>
      hasFullCivilCapacity(
        { birthDate: person.birth_date, civilCapacity: person.civil_capacity, status: person.status },
        on,
      ),
    )
    .sort((a, b) => a.birth_date.localeCompare(b.birth_date));
  const spouse = members.find(
    (row) => row.relationship === 'spouse' && capable.some((person) => person.personal_id === row.personal_id),
  );
  return spouse?.personal_id ?? capable[0]?.personal_id ?? null;
}
