/** Test helpers of the registry: a registry on a test database, and people made to order. */
import { AccessLog } from '../audit/index.ts';
import type { Database } from '../db/index.ts';
import { generatePersonalId, ManualClock } from '../kernel/index.ts';
import { AdminUnits, loadReferenceData } from './admin-units/index.ts';
import { Registry } from './registry.ts';
import type { ChangeContext } from './service/context.ts';
import type { NewPerson } from './service/people.ts';

export const OFFICER: ChangeContext = {
  actor: { id: 'officer-ba-dinh-1', kind: 'officer', name: 'Công an phường Ba Đình' },
  basis: 'test',
};
export const READER = {
  actor: { id: 'officer-ba-dinh-1', kind: 'officer' as const, name: 'Công an phường Ba Đình' },
  purpose: 'Kiểm tra hồ sơ cư trú',
  channel: 'api' as const,
};

/** A registry over `db` with its reference data loaded and a clock standing at `now`. */
export async function testRegistry(db: Database, now = '2026-03-02T03:00:00Z') {
  await loadReferenceData(db);
  const clock = new ManualClock(now);
  const accessLog = new AccessLog(db, clock);
  const units = new AdminUnits(db);
  const registry = new Registry({ db, clock, accessLog, units });
  let seed = 7;
  const random = () => {
    seed = (Math.imul(seed, 1_664_525) + 1_013_904_223) >>> 0;
    return seed / 2 ** 32;
  };

  /** Registers a person with a fresh valid ID number; `overrides` set any field. */
  async function person(overrides: Partial<NewPerson> & { birthDate?: string; sex?: 'male' | 'female' } = {}) {
    const birthDate = overrides.birthDate ?? '1985-04-12';
    const sex = overrides.sex ?? 'male';
    const personalId =
      overrides.personalId ??
      generatePersonalId(random, { provinceCode: '001', birthYear: Number(birthDate.slice(0, 4)), sex });
    await registry.registerPerson(
      {
        familyName: 'Nguyễn',
        middleName: 'Văn',
        givenName: 'An',
        placeOfBirth: 'Hà Nội',
        hometown: 'Hà Nội',
        ethnicityCode: '01',
        ...overrides,
        personalId,
        birthDate,
        sex,
      },
      OFFICER,
    );
    return personalId;
  }

  return { registry, clock, accessLog, units, person };
}
