/**
 * The synthetic population, household by household. Household `i` of seed `S` draws only from its own
 * random stream, so it is the same whatever the chunking; the numbers handed out in order (personal ID
 * serials, phone numbers, row ids) make the whole run depend on the order of households, which is fixed.
 */
import { dirtyCaseOf } from './dirty.ts';
import type { BuildContext } from './family.ts';
import { buildHousehold, type Draft, HOUSEHOLD_KINDS, nuclear } from './households.ts';
import { finishHousehold } from './life.ts';
import { Random } from './random.ts';
import { type HouseholdOutcome, type RecordContext, writeHousehold } from './records.ts';
import type { RowSink } from './writer.ts';

export class PopulationGenerator {
  constructor(
    private readonly context: RecordContext,
    private readonly seed: number,
  ) {}

  /**
   * Writes household `index` to `sink`, with at most `remaining` people (the last households of a run are
   * people living alone, so that the run has exactly the number asked for).
   */
  household(index: number, remaining: number, sink: RowSink): HouseholdOutcome {
    const { places, today } = this.context;
    const random = new Random(this.seed, index);
    const homeCode = places.drawProvince(random);
    const build: BuildContext = { random, places, today, homeCode };
    let planned = dirtyCaseOf(index);
    // A death case needs a household with a spouse and grown children: a couple in their forties or fifties.
    let draft: Draft =
      planned === 'deceased_head' || planned === 'deceased_valid_card'
        ? nuclear(build, 45, 60)
        : buildHousehold(build, HOUSEHOLD_KINDS.pick(random));
    const extra = planned === 'duplicate_pair' ? 1 : 0;
    if (draft.members.length + extra > remaining) {
      draft = buildHousehold(build, 'single');
      if (remaining < 1 + extra) planned = undefined;
    }
    const finished = finishHousehold(random, draft, today, planned);
    return writeHousehold(random, this.context, finished, homeCode, sink);
  }
}
