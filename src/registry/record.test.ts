import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../test/support/db.ts';
import { OFFICER, READER, testRegistry } from './testing.ts';

let handle: TestDatabase;
let t: Awaited<ReturnType<typeof testRegistry>>;

beforeAll(async () => {
  handle = await openTestDatabase();
  t = await testRegistry(handle.db);
});
afterAll(async () => handle.close());

/** An old commune that merged into exactly one new commune of another name, outside `province`. */
async function mergedCommune(notInProvince = '') {
  const { rows } = await handle.db.query<{ old_id: string; old_name: string; new_id: string; new_name: string }>(
    `select o.id as old_id, o.name as old_name, n.id as new_id, n.name as new_name
     from registry.commune_succession s
     join registry.commune o on o.id = s.old_commune_id
     join registry.commune n on n.id = s.new_commune_id
     where o.name <> n.name and o.province_id <> $1
       and (select count(*) from registry.commune_succession x where x.old_commune_id = o.id) = 1
     order by o.id limit 1`,
    [notInProvince],
  );
  const found = rows[0];
  if (!found) throw new Error('the reference data has no merged commune');
  return found;
}

describe('reading a person as of a day', () => {
  it('shows the address of each period with the old unit names and the unit of today', async () => {
    const goVap = {
      old_id: 'pre2025:26881',
      old_name: 'Phường 12',
      new_id: '2025:26882',
      new_name: 'Phường An Hội Tây',
    };
    const elsewhere = await mergedCommune('pre2025:79');
    const id = await t.person({ birthDate: '1990-02-03' });
    await t.registry.registerPermanentResidence(
      id,
      { communeId: elsewhere.old_id, addressLine: 'Thôn Đông' },
      '2015-01-01',
      OFFICER,
    );
    await t.registry.registerPermanentResidence(
      id,
      { communeId: goVap.old_id, addressLine: '12 Quang Trung' },
      '2023-05-10',
      OFFICER,
    );

    const in2022 = await t.registry.getPersonRecord(id, '2022-06-01', READER);
    const home2022 = in2022.residences.filter((row) => row.validTo === null);
    expect(home2022).toHaveLength(1);
    expect(home2022[0]?.address.recorded.communeName).toBe(elsewhere.old_name);
    expect(home2022[0]?.address.current.map((unit) => unit.communeName)).toEqual([elsewhere.new_name]);

    const in2024 = await t.registry.getPersonRecord(id, '2024-06-01', READER);
    const home2024 = in2024.residences.filter((row) => row.validTo === null);
    expect(home2024).toHaveLength(1);
    expect(home2024[0]?.address.recorded).toMatchObject({ communeName: goVap.old_name, districtName: 'Quận Gò Vấp' });
    expect(home2024[0]?.address.current.map((unit) => unit.communeName)).toEqual([goVap.new_name]);

    const today = await t.registry.getPersonRecord(id, undefined, READER);
    const homeToday = today.residences.filter((row) => row.validTo === null);
    expect(homeToday[0]?.address.recorded.communeName).toBe(goVap.old_name);
    expect(homeToday[0]?.address.current[0]).toMatchObject({ communeId: goVap.new_id, communeName: goVap.new_name });
    expect(today.residences).toHaveLength(2);
  });

  it('shows the name a person had before a change, and the change in the history', async () => {
    const id = await t.person({ givenName: 'Tèo', birthDate: '2000-01-01' });
    await t.registry.updatePerson(id, { givenName: 'Tuấn' }, '2024-09-01', OFFICER);
    expect((await t.registry.getPersonRecord(id, '2024-08-31', READER)).person.fullName).toBe('Nguyễn Văn Tèo');
    const now = await t.registry.getPersonRecord(id, undefined, READER);
    expect(now.person.fullName).toBe('Nguyễn Văn Tuấn');
    expect(now.events.map((event) => event.kind)).toEqual(['person_registered', 'person_changed']);
  });

  it('shows a deceased person as alive before the death, with the card valid then', async () => {
    const id = await t.person({ birthDate: '1950-03-03' });
    await t.registry.issueCard(id, { issuedOn: '2021-05-01', issuingAuthority: 'Cục Cảnh sát QLHC về TTXH' }, OFFICER);
    await t.registry.recordDeath(id, { diedOn: '2025-10-01' }, OFFICER);
    const before = await t.registry.getPersonRecord(id, '2025-09-30', READER);
    expect(before.person.status).toBe('alive');
    expect(before.cards[0]?.status).toBe('valid');
    const after = await t.registry.getPersonRecord(id, undefined, READER);
    expect(after.person).toMatchObject({ status: 'deceased', statusDate: '2025-10-01' });
    expect(after.cards[0]?.status).toBe('revoked');
  });

  it('keeps family links in both directions', async () => {
    const father = await t.person({ birthDate: '1970-01-01' });
    const mother = await t.person({ birthDate: '1972-01-01', sex: 'female', givenName: 'Mai' });
    const child = await t.person({ birthDate: '2001-01-01', fatherId: father, motherId: mother });
    const childView = await t.registry.getPersonRecord(child, undefined, READER);
    expect(childView.family.map((member) => [member.relation, member.personalId])).toEqual([
      ['father', father],
      ['mother', mother],
    ]);
    const fatherView = await t.registry.getPersonRecord(father, undefined, READER);
    expect(fatherView.family).toContainEqual(expect.objectContaining({ relation: 'child', personalId: child }));
    expect((await t.registry.getPersonRecord(father, '2000-06-01', READER)).family).toEqual([]);
  });

  it('refuses a parent of the wrong sex or younger than the child', async () => {
    const woman = await t.person({ sex: 'female', birthDate: '1980-01-01' });
    await expect(t.person({ birthDate: '2005-01-01', fatherId: woman })).rejects.toMatchObject({
      code: 'FAMILY_LINK_INVALID',
    });
    const young = await t.person({ birthDate: '2010-01-01' });
    await expect(t.person({ birthDate: '2005-01-01', fatherId: young })).rejects.toMatchObject({
      code: 'FAMILY_LINK_INVALID',
    });
  });

  it('refuses an ID number that disagrees with the birth year or sex, and a second registration', async () => {
    await expect(t.person({ personalId: '001085012345', birthDate: '1990-01-01' })).rejects.toMatchObject({
      code: 'PERSON_ID_INCONSISTENT',
    });
    await expect(t.person({ personalId: '001185012345', birthDate: '1985-01-01', sex: 'male' })).rejects.toMatchObject({
      code: 'PERSON_ID_INCONSISTENT',
    });
    const id = await t.person();
    await expect(t.person({ personalId: id })).rejects.toMatchObject({ code: 'PERSON_ALREADY_EXISTS' });
  });

  it('refuses an ethnicity or religion code outside the code lists', async () => {
    await expect(t.person({ ethnicityCode: '99' })).rejects.toMatchObject({
      code: 'UNKNOWN_CODE',
      details: { field: 'ethnicityCode' },
    });
    const id = await t.person({ religionCode: '02' });
    await expect(t.registry.updatePerson(id, { religionCode: 'x' }, '2026-01-01', OFFICER)).rejects.toMatchObject({
      code: 'UNKNOWN_CODE',
    });
  });

  it("writes every read to the person's access log", async () => {
    const id = await t.person();
    await t.registry.getPersonRecord(id, undefined, READER);
    const log = await t.accessLog.listForSubject(id);
    expect(log.items[0]).toMatchObject({ actorId: READER.actor.id, purpose: READER.purpose, action: 'read' });
  });
});
