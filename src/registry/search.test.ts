import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../test/support/db.ts';
import { OFFICER, READER, testRegistry } from './testing.ts';

let handle: TestDatabase;
let t: Awaited<ReturnType<typeof testRegistry>>;
let duc: string;

beforeAll(async () => {
  handle = await openTestDatabase();
  t = await testRegistry(handle.db);
  duc = await t.person({ familyName: 'Nguyễn', middleName: 'Văn', givenName: 'Đức', birthDate: '1988-08-08' });
  await t.person({ familyName: 'Nguyễn', middleName: 'Văn', givenName: 'Dũng', birthDate: '1988-08-08' });
  await t.person({ familyName: 'Trần', middleName: 'Thị', givenName: 'Đức', sex: 'female', birthDate: '1990-01-01' });
  // Recorded in 2010 under Phường Trúc Bạch, which became part of Phường Ba Đình (2025:00004) in 2025.
  await t.registry.registerPermanentResidence(
    duc,
    { communeId: 'pre2025:00004', addressLine: 'Ngõ 1' },
    '2010-01-01',
    OFFICER,
  );
});
afterAll(async () => handle.close());

describe('search by name', () => {
  it.each([['nguyen van duc'], ['NGUYEN VAN DUC'], ['Nguyễn Văn Đức'.normalize('NFD')], ['  Nguyễn   Văn Đức ']])(
    'finds Nguyễn Văn Đức from %j',
    async (name) => {
      const page = await t.registry.searchPeople({ name }, READER);
      expect(page.items.map((item) => item.personalId)).toEqual([duc]);
    },
  );

  it('narrows by date of birth and by commune of permanent residence, old units included', async () => {
    const byPrefix = await t.registry.searchPeople({ name: 'nguyen van', birthDate: '1988-08-08' }, READER);
    expect(byPrefix.items).toHaveLength(2);
    const byCommune = await t.registry.searchPeople({ name: 'nguyen van', communeId: '2025:00004' }, READER);
    expect(byCommune.items.map((item) => item.personalId)).toEqual([duc]);
  });

  it('pages with a cursor and refuses a forged one', async () => {
    const first = await t.registry.searchPeople({ name: 'nguyen van', limit: 1 }, READER);
    expect(first.items).toHaveLength(1);
    expect(first.next).not.toBeNull();
    const second = await t.registry.searchPeople({ name: 'nguyen van', limit: 1, after: first.next ?? '' }, READER);
    expect(second.items).toHaveLength(1);
    expect(second.items[0]?.personalId).not.toBe(first.items[0]?.personalId);
    expect(second.next).toBeNull();
    await expect(
      t.registry.searchPeople({ name: 'nguyen van', after: 'bm90IGEgY3Vyc29y' }, READER),
    ).rejects.toMatchObject({
      code: 'INVALID_CURSOR',
    });
  });

  it('refuses a search too broad to be a lookup', async () => {
    await expect(t.registry.searchPeople({ name: 'ng' }, READER)).rejects.toMatchObject({ code: 'SEARCH_TOO_BROAD' });
  });

  it('logs each person a search returns', async () => {
    await t.registry.searchPeople({ name: 'tran thi duc' }, READER);
    const tran = (await t.registry.searchPeople({ name: 'tran thi duc' }, READER)).items[0]?.personalId ?? '';
    const log = await t.accessLog.listForSubject(tran);
    expect(log.items.filter((item) => item.action === 'search')).toHaveLength(2);
  });
});
