/** What the row writers of a run share: counters, sources and the household's home. */
import { LAST_PRE_REFORM_DAY } from '../admin-units/model.ts';
import type { UniqueNumbers } from './attributes.ts';
import { type Day, dayOf } from './days.ts';
import type { PersonalIds } from './personal-ids.ts';
import type { Places, SeedCommune } from './places.ts';

/** Counters and sources shared by all households of a run. */
export interface RecordContext {
  readonly places: Places;
  readonly today: Day;
  /** `created_at`, `updated_at` and `recorded_at` of every row: the start of the seed's day, Vietnam time. */
  readonly recordedAt: string;
  readonly ids: PersonalIds;
  readonly numbers: UniqueNumbers;
  /** The next id of each table with an identity column. */
  readonly next: { household: number; member: number; residence: number; card: number; familyLink: number };
}

/** What one household added, for the run's report. */
export interface HouseholdOutcome {
  readonly people: number;
  readonly deceased: number;
  readonly deceasedHead: boolean;
  readonly deceasedValidCard: boolean;
  readonly duplicatePair: boolean;
  readonly expiredTemporaryOpen: number;
}

/** Where a household lives. */
export interface Home {
  readonly commune: SeedCommune;
  readonly addressLine: string;
  readonly householdId: number;
  readonly homeCode: string;
}

const LAST_PRE_REFORM = dayOf(LAST_PRE_REFORM_DAY);

/** The administrative map in force on a day. */
export function era(day: Day): 'pre2025' | '2025' {
  return day <= LAST_PRE_REFORM ? 'pre2025' : '2025';
}
