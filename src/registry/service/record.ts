import { DomainError, parsePersonalId } from '../../kernel/index.ts';
import type { PlacedUnit } from '../admin-units/index.ts';
import type {
  Address,
  FamilyMember,
  Household,
  IdentityCard,
  PersonIdentity,
  PersonRecord,
  Residence,
  UnitName,
} from '../model.ts';
import { cardStatusOn } from '../rules.ts';
import { type RegistryDb, registryDb, store } from '../store.ts';
import type { HouseholdRow, PersonRow, ResidenceRow } from '../tables.ts';
import { type AccessContext, type RegistryDeps, today } from './context.ts';
import { identityOf } from './people.ts';

/**
 * The person page as it stood on `asOf` (default today): identity, family, household, residence history,
 * cards and events. The read is written to the access log before the answer is returned.
 * @throws DomainError INVALID_PERSONAL_ID, PERSON_NOT_FOUND, AS_OF_BEFORE_BIRTH
 */
export async function getPersonRecord(
  deps: RegistryDeps,
  personalIdText: string,
  asOfDay: string | undefined,
  access: AccessContext,
): Promise<PersonRecord> {
  const personalId = parsePersonalId(personalIdText);
  const db = registryDb(deps.db);
  const person = await store.findPerson(db, personalId);
  if (!person) throw new DomainError('PERSON_NOT_FOUND', 'No person has this personal ID number.');
  const now = today(deps);
  const asOf = asOfDay ?? now;
  if (asOf < person.birth_date) {
    throw new DomainError('AS_OF_BEFORE_BIRTH', 'The person was not yet born on that day.');
  }
  const [identity, family, household, residences, cards, events] = await Promise.all([
    identityOn(db, person, asOf),
    familyOn(db, personalId, asOf),
    householdOf(deps, db, personalId, asOf, now),
    residencesUntil(deps, db, personalId, asOf, now),
    cardsOn(db, personalId, asOf),
    store.eventsOf(db, personalId),
  ]);
  await logRead(deps, access, [personalId], 'read');
  return {
    asOf,
    person: identity,
    family,
    household,
    residences,
    cards,
    events: events
      .filter((event) => event.occurred_on <= asOf)
      .map((event) => ({
        id: event.id,
        kind: event.kind,
        occurredOn: event.occurred_on,
        recordedAt: event.recorded_at.toISOString(),
        actorId: event.actor_id,
        basis: event.basis,
        payload: event.payload,
      })),
  };
}

/**
 * A household page as it stood on `asOf`, its members' reads logged.
 * @throws DomainError HOUSEHOLD_NOT_FOUND
 */
export async function getHousehold(
  deps: RegistryDeps,
  householdId: number,
  asOfDay: string | undefined,
  access: AccessContext,
): Promise<Household> {
  const db = registryDb(deps.db);
  const household = await store.findHousehold(db, householdId);
  if (!household) throw new DomainError('HOUSEHOLD_NOT_FOUND', 'No household has this id.');
  const now = today(deps);
  const view = await householdView(deps, db, household, asOfDay ?? now, now);
  await logRead(
    deps,
    access,
    view.members.map((member) => member.personalId),
    'read_household',
  );
  return view;
}

export async function logRead(deps: RegistryDeps, access: AccessContext, subjects: string[], action: string) {
  if (subjects.length === 0) return;
  await deps.accessLog.record(
    subjects.map((subjectId) => ({
      actorId: access.actor.id,
      actorKind: access.actor.kind,
      ...(access.actor.name ? { actorName: access.actor.name } : {}),
      purpose: access.purpose,
      channel: access.channel,
      action,
      subjectId,
      ...(access.requestId ? { requestId: access.requestId } : {}),
    })),
  );
}

async function identityOn(db: RegistryDb, person: PersonRow, asOf: string): Promise<PersonIdentity> {
  const current = identityOf(person);
  const past = asOf < person.attributes_since ? await store.personVersionOn(db, person.personal_id, asOf) : undefined;
  const identity = past ? { ...current, ...(past as Partial<PersonIdentity>) } : current;
  if (identity.status !== 'alive' && identity.statusDate !== null && identity.statusDate > asOf) {
    return { ...identity, status: 'alive', statusDate: null };
  }
  return identity;
}

async function familyOn(db: RegistryDb, personalId: string, asOf: string): Promise<FamilyMember[]> {
  const links = (await store.familyLinks(db, personalId)).filter(
    (link) => (link.valid_from === null || link.valid_from <= asOf) && (link.valid_to === null || link.valid_to > asOf),
  );
  const relatives = new Map(
    (
      await store.findPeople(
        db,
        links.flatMap((link) => (link.relative_id ? [link.relative_id] : [])),
      )
    ).map((row) => [row.personal_id, row] as const),
  );
  return links.flatMap((link) => {
    const relative = link.relative_id ? relatives.get(link.relative_id) : undefined;
    if (relative && relative.birth_date > asOf) return [];
    return [
      {
        relation: link.relation,
        personalId: link.relative_id,
        fullName: relative?.full_name ?? link.relative_name ?? '',
        birthDate: relative?.birth_date ?? null,
        nationality: relative?.nationality ?? link.relative_nationality,
        validFrom: link.valid_from,
        validTo: link.valid_to,
      },
    ];
  });
}

async function householdOf(
  deps: RegistryDeps,
  db: RegistryDb,
  personalId: string,
  asOf: string,
  now: string,
): Promise<Household | null> {
  const membership = (await store.membershipsOf(db, personalId)).find((row) =>
    during(row.joined_on, row.left_on, asOf),
  );
  if (!membership) return null;
  const household = await store.findHousehold(db, membership.household_id);
  return household ? householdView(deps, db, household, asOf, now) : null;
}

async function householdView(
  deps: RegistryDeps,
  db: RegistryDb,
  household: HouseholdRow,
  asOf: string,
  now: string,
): Promise<Household> {
  const rows = (await store.householdMembers(db, household.id)).filter((row) =>
    during(row.joined_on, row.left_on, asOf),
  );
  const names = new Map(
    (
      await store.findPeople(
        db,
        rows.map((row) => row.personal_id),
      )
    ).map((p) => [p.personal_id, p]),
  );
  return {
    id: household.id,
    fileNumber: household.file_number,
    address: await address(deps, household.commune_id, household.address_line, household.established_on, now),
    establishedOn: household.established_on,
    dissolvedOn: household.dissolved_on,
    headPersonalId: rows.find((row) => row.relationship === 'head')?.personal_id ?? null,
    members: rows.map((row) => ({
      personalId: row.personal_id,
      fullName: names.get(row.personal_id)?.full_name ?? '',
      relationship: row.relationship,
      joinedOn: row.joined_on,
      leftOn: row.left_on,
      leaveReason: row.leave_reason,
    })),
  };
}

async function residencesUntil(
  deps: RegistryDeps,
  db: RegistryDb,
  personalId: string,
  asOf: string,
  now: string,
): Promise<Residence[]> {
  const rows = (await store.residencesOf(db, personalId)).filter((row) => row.valid_from <= asOf);
  return Promise.all(rows.map((row) => residenceView(deps, row, asOf, now)));
}

async function residenceView(deps: RegistryDeps, row: ResidenceRow, asOf: string, now: string): Promise<Residence> {
  const endedByThen = row.valid_to !== null && row.valid_to <= asOf;
  return {
    id: row.id,
    kind: row.kind,
    address: await address(deps, row.commune_id, row.address_line, row.valid_from, now),
    householdId: row.household_id,
    validFrom: row.valid_from,
    validTo: endedByThen ? row.valid_to : null,
    expiresOn: row.expires_on,
    reason: row.reason,
    destination: row.destination,
    basis: row.basis,
    endedReason: endedByThen ? row.ended_reason : null,
  };
}

/** An address with the unit of its record day and the unit(s) it belongs to today. */
export async function address(
  deps: RegistryDeps,
  communeId: string,
  addressLine: string,
  recordedOn: string,
  now: string,
): Promise<Address> {
  const resolved = await deps.units.resolveUnit(communeId, recordedOn, now);
  return { addressLine, recorded: unitName(resolved.recorded), current: resolved.current.map(unitName) };
}

function unitName(unit: PlacedUnit): UnitName {
  return {
    communeId: unit.commune.id,
    communeName: unit.commune.name,
    districtName: unit.commune.districtName,
    provinceName: unit.province.name,
  };
}

async function cardsOn(db: RegistryDb, personalId: string, asOf: string): Promise<IdentityCard[]> {
  return (await store.cardsOf(db, personalId))
    .filter((card) => card.issued_on <= asOf)
    .map((card) => ({
      cardNumber: card.card_number,
      kind: card.kind,
      issuedOn: card.issued_on,
      expiresOn: card.expires_on,
      status: cardStatusOn(
        { status: card.status, expiresOn: card.expires_on, statusChangedOn: card.status_changed_on },
        asOf,
      ),
      issuingAuthority: card.issuing_authority,
    }));
}

function during(from: string, to: string | null, day: string): boolean {
  return from <= day && (to === null || to > day);
}
