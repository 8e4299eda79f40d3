import type { Insertable, Kysely, Updateable } from 'kysely';
import type { Database, NoTables, Tx } from '../db/index.ts';
import type {
  CivilEventRow,
  CivilEventTable,
  FamilyLinkRow,
  FamilyLinkTable,
  HouseholdMemberRow,
  HouseholdMemberTable,
  HouseholdRow,
  HouseholdTable,
  IdentityCardRow,
  IdentityCardTable,
  PersonRow,
  PersonTable,
  RegistryTables,
  ResidenceRow,
  ResidenceTable,
} from './tables.ts';

/** The registry's tables through Kysely: on the pool, or on a transaction's connection. */
export type RegistryDb = Kysely<RegistryTables>;

export function registryDb(source: Database | Tx | Kysely<NoTables>): RegistryDb {
  const kysely = 'kysely' in source ? source.kysely : source;
  return kysely.withTables<RegistryTables>();
}

/** The only code that reads and writes the registry's people tables. */
export const store = {
  async findPerson(db: RegistryDb, personalId: string, lock = false): Promise<PersonRow | undefined> {
    let query = db.selectFrom('registry.person').selectAll().where('personal_id', '=', personalId);
    if (lock) query = query.forUpdate();
    return query.executeTakeFirst();
  },

  async findPeople(db: RegistryDb, personalIds: readonly string[]): Promise<PersonRow[]> {
    if (personalIds.length === 0) return [];
    return db.selectFrom('registry.person').selectAll().where('personal_id', 'in', personalIds).execute();
  },

  async insertPerson(db: RegistryDb, row: Insertable<PersonTable>): Promise<void> {
    await db.insertInto('registry.person').values(row).execute();
  },

  async updatePerson(db: RegistryDb, personalId: string, changes: Updateable<PersonTable>): Promise<void> {
    await db
      .updateTable('registry.person')
      .set((eb) => ({ ...changes, updated_at: new Date(), version: eb('version', '+', 1) }))
      .where('personal_id', '=', personalId)
      .execute();
  },

  async insertPersonVersion(
    db: RegistryDb,
    row: { personal_id: string; valid_from: string; valid_to: string; recorded_at: Date; attributes: unknown },
  ): Promise<void> {
    await db
      .insertInto('registry.person_version')
      .values({ ...row, attributes: JSON.stringify(row.attributes) })
      .execute();
  },

  async personVersionOn(db: RegistryDb, personalId: string, day: string): Promise<unknown | undefined> {
    const row = await db
      .selectFrom('registry.person_version')
      .select('attributes')
      .where('personal_id', '=', personalId)
      .where('valid_from', '<=', day)
      .where('valid_to', '>', day)
      .executeTakeFirst();
    return row?.attributes;
  },

  async familyLinks(db: RegistryDb, personalId: string): Promise<FamilyLinkRow[]> {
    return db
      .selectFrom('registry.family_link')
      .selectAll()
      .where('personal_id', '=', personalId)
      .orderBy('id')
      .execute();
  },

  async insertFamilyLinks(db: RegistryDb, rows: readonly Insertable<FamilyLinkTable>[]): Promise<void> {
    if (rows.length > 0)
      await db
        .insertInto('registry.family_link')
        .values([...rows])
        .execute();
  },

  async endFamilyLink(db: RegistryDb, personalId: string, relativeId: string, relation: string, on: string) {
    await db
      .updateTable('registry.family_link')
      .set({ valid_to: on })
      .where('personal_id', '=', personalId)
      .where('relative_id', '=', relativeId)
      .where('relation', '=', relation as FamilyLinkRow['relation'])
      .where('valid_to', 'is', null)
      .execute();
  },

  async findHousehold(db: RegistryDb, id: number, lock = false): Promise<HouseholdRow | undefined> {
    let query = db.selectFrom('registry.household').selectAll().where('id', '=', id);
    if (lock) query = query.forUpdate();
    return query.executeTakeFirst();
  },

  async insertHousehold(db: RegistryDb, row: Insertable<HouseholdTable>): Promise<number> {
    const { id } = await db.insertInto('registry.household').values(row).returning('id').executeTakeFirstOrThrow();
    return id;
  },

  async dissolveHousehold(db: RegistryDb, id: number, on: string): Promise<void> {
    await db.updateTable('registry.household').set({ dissolved_on: on }).where('id', '=', id).execute();
  },

  async householdMembers(db: RegistryDb, householdId: number): Promise<HouseholdMemberRow[]> {
    return db
      .selectFrom('registry.household_member')
      .selectAll()
      .where('household_id', '=', householdId)
      .orderBy('joined_on')
      .orderBy('personal_id')
      .execute();
  },

  async membershipsOf(db: RegistryDb, personalId: string): Promise<HouseholdMemberRow[]> {
    return db
      .selectFrom('registry.household_member')
      .selectAll()
      .where('personal_id', '=', personalId)
      .orderBy('joined_on')
      .execute();
  },

  async insertMember(db: RegistryDb, row: Insertable<HouseholdMemberTable>): Promise<void> {
    await db.insertInto('registry.household_member').values(row).execute();
  },

  async endMembership(db: RegistryDb, householdId: number, personalId: string, on: string, reason: string) {
    await db
      .updateTable('registry.household_member')
      .set({ left_on: on, leave_reason: reason })
      .where('household_id', '=', householdId)
      .where('personal_id', '=', personalId)
      .where('left_on', 'is', null)
      .execute();
  },

  async residencesOf(db: RegistryDb, personalId: string): Promise<ResidenceRow[]> {
    return db
      .selectFrom('registry.residence')
      .selectAll()
      .where('personal_id', '=', personalId)
      .orderBy('valid_from')
      .orderBy('id')
      .execute();
  },

  async insertResidence(db: RegistryDb, row: Insertable<ResidenceTable>): Promise<number> {
    const { id } = await db.insertInto('registry.residence').values(row).returning('id').executeTakeFirstOrThrow();
    return id;
  },

  async updateResidence(db: RegistryDb, id: number, changes: Updateable<ResidenceTable>): Promise<void> {
    await db.updateTable('registry.residence').set(changes).where('id', '=', id).execute();
  },

  async cardsOf(db: RegistryDb, personalId: string): Promise<IdentityCardRow[]> {
    return db
      .selectFrom('registry.identity_card')
      .selectAll()
      .where('personal_id', '=', personalId)
      .orderBy('issued_on', 'desc')
      .execute();
  },

  async insertCard(db: RegistryDb, row: Insertable<IdentityCardTable>): Promise<void> {
    await db.insertInto('registry.identity_card').values(row).execute();
  },

  async setCardStatus(db: RegistryDb, id: number, status: IdentityCardRow['status'], on: string): Promise<void> {
    await db
      .updateTable('registry.identity_card')
      .set({ status, status_changed_on: on })
      .where('id', '=', id)
      .execute();
  },

  async eventsOf(db: RegistryDb, personalId: string): Promise<CivilEventRow[]> {
    return db
      .selectFrom('registry.civil_event')
      .selectAll()
      .where('personal_id', '=', personalId)
      .orderBy('occurred_on')
      .orderBy('id')
      .execute();
  },

  async insertEvents(db: RegistryDb, rows: readonly Insertable<CivilEventTable>[]): Promise<void> {
    if (rows.length === 0) return;
    await db
      .insertInto('registry.civil_event')
      .values(rows.map((row) => ({ ...row, payload: JSON.stringify(row.payload ?? {}) })))
      .execute();
  },
};
