/**
 * A whole run of the generator as a sequence of chunks, the same whether it runs on the caller's thread or
 * in a worker (generation-worker.ts): everything it depends on is in the {@link GenerationPlan}.
 */
import { UniqueNumbers } from './attributes.ts';
import { dayOf } from './days.ts';
import { PopulationGenerator } from './generator.ts';
import { PersonalIds } from './personal-ids.ts';
import type { Places } from './places.ts';
import type { RecordContext } from './records.ts';
import { CHUNK_BYTES, type Chunk, ChunkBuilder, type ChunkFormat, type RowCounts, type RowSink } from './writer.ts';

/** The first id each table with an identity column gets in this run. */
export type NextIds = RecordContext['next'];

export interface GenerationPlan {
  readonly seed: number;
  /** The day the population is generated for (`YYYY-MM-DD`, Vietnam). */
  readonly today: string;
  readonly people: number;
  readonly next: NextIds;
  /** Per personal-ID prefix, how many serials are taken already (append). */
  readonly takenSerials: ReadonlyArray<readonly [string, number]>;
  readonly chunkBytes?: number;
  /** Binary `COPY` input (the default), or CSV lines. */
  readonly format?: ChunkFormat;
}

export interface GeneratedChunk {
  readonly rows: Chunk;
  /** People generated so far. */
  readonly people: number;
}

export interface GenerationTotals {
  readonly people: number;
  readonly households: number;
  readonly deceased: number;
  readonly deceasedHeads: number;
  readonly deceasedValidCards: number;
  readonly duplicatePairs: number;
  readonly expiredTemporaryResidences: number;
  readonly rows: RowCounts;
  /** The ids after the last ones used. */
  readonly next: NextIds;
}

/** The context of a run: counters start from the plan. */
export function recordContext(plan: Omit<GenerationPlan, 'people'>, places: Places): RecordContext {
  return {
    places,
    today: dayOf(plan.today),
    // Every row is stamped with the start of the seed's day (Vietnam time), so that a run is reproducible.
    recordedAt: `${plan.today} 00:00:00+07`,
    ids: new PersonalIds(plan.seed, plan.takenSerials),
    numbers: new UniqueNumbers(plan.seed),
    next: { ...plan.next },
  };
}

/** Generates the run, a chunk of a few megabytes at a time; returns the totals. */
export function* generateChunks(plan: GenerationPlan, places: Places): Generator<GeneratedChunk, GenerationTotals> {
  const context = recordContext(plan, places);
  const generator = new PopulationGenerator(context, plan.seed);
  const builder = new ChunkBuilder(plan.chunkBytes ?? CHUNK_BYTES, plan.format);
  const totals = {
    people: 0,
    households: 0,
    deceased: 0,
    deceasedHeads: 0,
    deceasedValidCards: 0,
    duplicatePairs: 0,
    expiredTemporaryResidences: 0,
  };
  while (totals.people < plan.people) {
    const outcome = generator.household(totals.households, plan.people - totals.people, builder);
    totals.households++;
    totals.people += outcome.people;
    totals.deceased += outcome.deceased;
    totals.deceasedHeads += Number(outcome.deceasedHead);
    totals.deceasedValidCards += Number(outcome.deceasedValidCard);
    totals.duplicatePairs += Number(outcome.duplicatePair);
    totals.expiredTemporaryResidences += outcome.expiredTemporaryOpen;
    if (builder.full) yield { rows: builder.take(), people: totals.people };
  }
  if (!builder.empty) yield { rows: builder.take(), people: totals.people };
  return { ...totals, rows: { ...builder.counts }, next: { ...context.next } };
}

/** The first household's person rows of each of the first `count` households, for probing a used seed. */
export function firstPeople(plan: Omit<GenerationPlan, 'people'>, places: Places, count: number): unknown[][] {
  const generator = new PopulationGenerator(recordContext(plan, places), plan.seed);
  const found: unknown[][] = [];
  for (let index = 0; index < count; index++) {
    let first: unknown[] | undefined;
    const sink: RowSink = {
      add: (table, values) => {
        if (table === 'person' && first === undefined) first = [...values];
      },
    };
    generator.household(index, Number.MAX_SAFE_INTEGER, sink);
    if (first) found.push(first);
  }
  return found;
}
