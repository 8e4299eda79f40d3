import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../test/support/db.ts';
import { OFFICER, READER, testRegistry } from './testing.ts';

// Phường Trúc Bạch and Phường Hàng Trống before the 2025 reform; Phường Ba Đình and Phường Hoàn Kiếm after.
const OLD_BA_DINH = 'pre2025:00004';
const OLD_HOAN_KIEM = 'pre2025:00070';
const BA_DINH = '2025:00004';
const HOAN_KIEM = '2025:00070';
let handle: TestDatabase;
let t: Awaited<ReturnType<typeof testRegistry>>;

beforeAll(async () => {
  handle = await openTestDatabase();
  t = await testRegistry(handle.db);
});
afterAll(async () => handle.close());

const place = (communeId: string, addressLine = 'Số 5 phố Hàng Bài') => ({ communeId, addressLine });

describe('permanent residence', () => {
  it('moves: a new permanent residence ends the open one the day it begins', async () => {
    const id = await t.person();
    const first = await t.registry.registerPermanentResidence(id, place(OLD_BA_DINH), '2010-01-01', OFFICER);
    await t.registry.registerPermanentResidence(id, place(HOAN_KIEM), '2025-08-01', OFFICER);
    const record = await t.registry.getPersonRecord(id, undefined, READER);
    const moved = record.residences.find((row) => row.id === first);
    expect(moved).toMatchObject({ validTo: '2025-08-01', endedReason: 'moved' });
  });

  it('refuses a unit that was not in force on the day', async () => {
    const id = await t.person();
    await expect(
      t.registry.registerPermanentResidence(id, place(OLD_BA_DINH), '2025-08-01', OFFICER),
    ).rejects.toMatchObject({ code: 'ADMIN_UNIT_NOT_IN_FORCE' });
    await expect(
      t.registry.registerPermanentResidence(id, place(BA_DINH), '2024-08-01', OFFICER),
    ).rejects.toMatchObject({ code: 'ADMIN_UNIT_NOT_IN_FORCE' });
  });

  it('refuses overlapping permanent residences', async () => {
    const id = await t.person();
    await t.registry.registerPermanentResidence(id, place(OLD_BA_DINH), '2020-01-01', OFFICER);
    await expect(
      t.registry.registerPermanentResidence(id, place(OLD_HOAN_KIEM), '2019-06-01', OFFICER),
    ).rejects.toMatchObject({ code: 'RESIDENCE_OVERLAP' });
  });

  it('refuses a residence for a deceased person', async () => {
    const id = await t.person();
    await t.registry.recordDeath(id, { diedOn: '2025-12-01' }, OFFICER);
    await expect(
      t.registry.registerPermanentResidence(id, place(BA_DINH), '2026-01-01', OFFICER),
    ).rejects.toMatchObject({
      code: 'PERSON_NOT_ALIVE',
    });
  });

  it('refuses an unknown commune and a day in the future', async () => {
    const id = await t.person();
    await expect(
      t.registry.registerPermanentResidence(id, place('2025:99999'), '2024-01-01', OFFICER),
    ).rejects.toMatchObject({ code: 'ADMIN_UNIT_NOT_FOUND' });
    await expect(
      t.registry.registerPermanentResidence(id, place(BA_DINH), '2027-01-01', OFFICER),
    ).rejects.toMatchObject({
      code: 'INVALID_EFFECTIVE_DATE',
    });
  });
});

describe('temporary residence (Law on Residence 2020, Art. 27)', () => {
  it('is refused in the commune of permanent residence', async () => {
    const id = await t.person();
    await t.registry.registerPermanentResidence(id, place(OLD_BA_DINH), '2020-01-01', OFFICER);
    await expect(
      t.registry.registerTemporaryResidence(id, place(OLD_BA_DINH), '2025-01-01', '2026-01-01', OFFICER),
    ).rejects.toMatchObject({ code: 'TEMPORARY_RESIDENCE_SAME_COMMUNE' });
  });

  it('lasts at most two years and can be renewed', async () => {
    const id = await t.person();
    await expect(
      t.registry.registerTemporaryResidence(id, place(OLD_HOAN_KIEM), '2025-01-01', '2027-01-02', OFFICER),
    ).rejects.toMatchObject({ code: 'TEMPORARY_RESIDENCE_TOO_LONG' });
    const residence = await t.registry.registerTemporaryResidence(
      id,
      place(OLD_HOAN_KIEM),
      '2025-01-01',
      '2026-06-01',
      OFFICER,
    );
    await t.registry.renewTemporaryResidence(id, residence, '2026-03-01', '2028-03-01', OFFICER);
    const record = await t.registry.getPersonRecord(id, undefined, READER);
    expect(record.residences.find((row) => row.id === residence)?.expiresOn).toBe('2028-03-01');
  });

  it('refuses a second temporary residence for the same period', async () => {
    const id = await t.person();
    await t.registry.registerTemporaryResidence(id, place(OLD_HOAN_KIEM), '2025-01-01', '2026-01-01', OFFICER);
    await expect(
      t.registry.registerTemporaryResidence(id, place(OLD_BA_DINH), '2025-06-01', '2026-06-01', OFFICER),
    ).rejects.toMatchObject({ code: 'RESIDENCE_OVERLAP' });
  });
});
