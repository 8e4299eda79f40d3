/**
 * Deliberate legacy errors in the synthetic population, for the data-quality checks to find ("correct,
 * complete, clean, live": records migrated from the old household books were not all clean). They sit at
 * fixed households of every block of {@link DIRTY_BLOCK_HOUSEHOLDS} (about 21,000 people), so a run of a
 * few thousand people already holds one of each and a run of ten million about 480 of each:
 *
 * - `deceased_head`: a household head recorded as deceased who was never replaced as head;
 * - `deceased_valid_card`: a deceased household member whose identity card was never revoked;
 * - `duplicate_pair`: a household head registered twice, under two personal ID numbers (same name, date of
 *   birth and commune of birth registration, the second record with the same permanent residence but
 *   outside the household's member list).
 *
 * Temporary residences that have expired but were never closed are a fourth, natural kind (about 5 % of the
 * expired ones); the seed report counts them.
 */
export type DirtyCase = 'deceased_head' | 'deceased_valid_card' | 'duplicate_pair';

export const DIRTY_BLOCK_HOUSEHOLDS = 6000;

const SCHEDULE: ReadonlyMap<number, DirtyCase> = new Map([
  [11, 'deceased_head'],
  [23, 'deceased_valid_card'],
  [37, 'duplicate_pair'],
]);

/** The legacy error planted in the household with this index, if any. */
export function dirtyCaseOf(householdIndex: number): DirtyCase | undefined {
  return SCHEDULE.get(householdIndex % DIRTY_BLOCK_HOUSEHOLDS);
}
