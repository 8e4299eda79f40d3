import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../test/support/db.ts';
import { OFFICER, READER, testRegistry } from './testing.ts';

/** Phường Ba Đình since the 2025 reform; Phường Trúc Bạch (Quận Ba Đình) before it. */
const baDinh = (day: string) => (day < '2025-07-01' ? 'pre2025:00004' : '2025:00004');
let handle: TestDatabase;
let t: Awaited<ReturnType<typeof testRegistry>>;
let fileNumber = 0;

beforeAll(async () => {
  handle = await openTestDatabase();
  t = await testRegistry(handle.db);
});
afterAll(async () => handle.close());

async function household(headId: string, establishedOn = '2020-01-01') {
  fileNumber++;
  return t.registry.createHousehold(
    {
      fileNumber: `HS-${fileNumber}`,
      headPersonalId: headId,
      communeId: baDinh(establishedOn),
      addressLine: 'Số 1 phố Đội Cấn',
      establishedOn,
    },
    OFFICER,
  );
}

describe('household rules (Law on Residence 2020, Art. 10)', () => {
  it('refuses a second head', async () => {
    const id = await household(await t.person());
    const other = await t.person({ givenName: 'Bình' });
    await expect(
      t.registry.addMember(id, other, 'head' as unknown as 'spouse', '2021-01-01', OFFICER),
    ).rejects.toMatchObject({ code: 'HOUSEHOLD_ALREADY_HAS_HEAD' });
  });

  it('keeps one head even against a direct insert (unique index)', async () => {
    const id = await household(await t.person());
    const intruder = await t.person({ givenName: 'Cường' });
    await expect(
      handle.db.query(
        `insert into registry.household_member (household_id, personal_id, relationship, joined_on)
         values ($1, $2, 'head', '2021-01-01')`,
        [id, intruder],
      ),
    ).rejects.toMatchObject({ code: '23505' });
  });

  it('refuses a head who is a minor or whose capacity a court restricted', async () => {
    const minor = await t.person({ birthDate: '2010-06-01' });
    await expect(household(minor, '2026-01-05')).rejects.toMatchObject({ code: 'HEAD_LACKS_CAPACITY' });
    const restricted = await t.person({ givenName: 'Dũng' });
    await t.registry.updatePerson(restricted, { civilCapacity: 'restricted' }, '2025-01-01', OFFICER);
    await expect(household(restricted, '2025-02-01')).rejects.toMatchObject({ code: 'HEAD_LACKS_CAPACITY' });
  });

  it('refuses a member to a dissolved household', async () => {
    const head = await t.person();
    const id = await household(head);
    await t.registry.removeMember(id, head, '2024-01-01', 'moved', OFFICER);
    const latecomer = await t.person({ givenName: 'Em' });
    await expect(t.registry.addMember(id, latecomer, 'sibling', '2024-06-01', OFFICER)).rejects.toMatchObject({
      code: 'HOUSEHOLD_DISSOLVED',
    });
  });

  it('refuses a person who already belongs to a household', async () => {
    const head = await t.person();
    const child = await t.person({ birthDate: '2015-01-01' });
    const id = await household(head);
    await t.registry.addMember(id, child, 'child', '2020-01-01', OFFICER);
    const other = await household(await t.person({ givenName: 'Giang' }));
    await expect(t.registry.addMember(other, child, 'grandchild', '2021-01-01', OFFICER)).rejects.toMatchObject({
      code: 'PERSON_ALREADY_IN_HOUSEHOLD',
    });
  });

  it('requires a new head when the head leaves others behind, and refuses a minor as that head', async () => {
    const head = await t.person();
    const spouse = await t.person({ sex: 'female', givenName: 'Hoa' });
    const child = await t.person({ birthDate: '2015-01-01' });
    const id = await household(head);
    await t.registry.addMember(id, spouse, 'spouse', '2020-01-01', OFFICER);
    await t.registry.addMember(id, child, 'child', '2020-01-01', OFFICER);
    await expect(t.registry.removeMember(id, head, '2024-01-01', 'moved', OFFICER)).rejects.toMatchObject({
      code: 'HEAD_REPLACEMENT_REQUIRED',
    });
    await expect(t.registry.removeMember(id, head, '2024-01-01', 'moved', OFFICER, child)).rejects.toMatchObject({
      code: 'HEAD_LACKS_CAPACITY',
    });
    await t.registry.removeMember(id, head, '2024-01-01', 'moved', OFFICER, spouse);
    const view = await t.registry.getHousehold(id, undefined, READER);
    expect(view.headPersonalId).toBe(spouse);
    expect(view.members.map((member) => member.personalId).sort()).toEqual([spouse, child].sort());
    const before = await t.registry.getHousehold(id, '2023-06-01', READER);
    expect(before.headPersonalId).toBe(head);
  });

  it('dissolves a one-person household when its member leaves', async () => {
    const head = await t.person();
    const id = await household(head);
    await t.registry.removeMember(id, head, '2025-05-01', 'moved', OFFICER);
    const view = await t.registry.getHousehold(id, undefined, READER);
    expect(view.dissolvedOn).toBe('2025-05-01');
    expect(view.members).toEqual([]);
  });

  it('replaces a head who dies with the surviving spouse', async () => {
    const head = await t.person({ birthDate: '1950-01-01' });
    const wife = await t.person({ sex: 'female', birthDate: '1955-01-01', givenName: 'Lan' });
    const son = await t.person({ birthDate: '1980-01-01', givenName: 'Minh' });
    await t.registry.recordMarriage(head, wife, '1975-05-01', OFFICER);
    const id = await household(head);
    await t.registry.addMember(id, son, 'child', '2020-01-01', OFFICER);
    await t.registry.addMember(id, wife, 'spouse', '2020-01-01', OFFICER);
    const outcome = await t.registry.recordDeath(head, { diedOn: '2026-01-10' }, OFFICER);
    expect(outcome).toMatchObject({ householdId: id, newHeadPersonalId: wife });
    const view = await t.registry.getHousehold(id, undefined, READER);
    expect(view.headPersonalId).toBe(wife);
    const widow = await t.registry.getPersonRecord(wife, undefined, READER);
    expect(widow.person.maritalStatus).toBe('widowed');
  });
});
