/**
 * `dancu seed`: loads a deterministic synthetic population (DESIGN.md §4) with `COPY`, in one transaction,
 * a chunk of a few megabytes at a time, so that ten million people fit in the memory and time of a laptop.
 */
import type { Database, Tx } from '../../db/index.ts';
import { type Clock, DomainError, vietnamDate } from '../../kernel/index.ts';
import { type ChunkSource, chunkSource } from './chunk-source.ts';
import { copyChunk } from './copy.ts';
import { firstPeople, type GenerationPlan, type GenerationTotals, type NextIds } from './generate.ts';
import { withIndexesDeferred } from './indexes.ts';
import { takenSerials } from './personal-ids.ts';
import { type PlaceRows, Places } from './places.ts';
import { type RowCounts, SEED_TABLES } from './writer.ts';

export interface SeedOptions {
  /** How many people to add (at least 1). */
  readonly people: number;
  /** Chooses the population: the same number of people, seed and day give the same rows. Default 1. */
  readonly seed?: number;
  /**
   * Add to a registry that already has people (default false: such a registry is refused). The seed must
   * be one not used before on this registry.
   */
  readonly append?: boolean;
  /** Generate on a worker thread (default: from 50,000 people). The rows are the same either way. */
  readonly worker?: boolean;
  /** Called after each chunk loaded and once at the end. */
  readonly onProgress?: (progress: SeedProgress) => void;
}

export interface SeedProgress {
  readonly people: number;
  readonly total: number;
  readonly elapsedMs: number;
}

export interface SeedReport {
  readonly seed: number;
  /** The day the population was generated for: ages, cards and deaths are as of this day. */
  readonly today: string;
  readonly people: number;
  readonly households: number;
  readonly rows: RowCounts;
  readonly deceased: number;
  /** The planted legacy errors (dirty.ts) and open expired temporary residences: what the quality checks find. */
  readonly dirty: {
    readonly deceasedHeads: number;
    readonly deceasedValidCards: number;
    readonly duplicatePairs: number;
    readonly expiredTemporaryResidences: number;
  };
  readonly elapsedMs: number;
  /** Where the time went: generating and copying, rebuilding indexes (empty registry only), `analyze`. */
  readonly phases: { readonly loadMs: number; readonly indexesMs: number; readonly analyzeMs: number };
}

const TABLES = Object.values(SEED_TABLES).map((target) => target.table);
/** Tables with an identity column: the seed supplies the ids and moves the sequences past them afterwards. */
const IDENTITY_TABLES = ['household', 'member', 'residence', 'card', 'familyLink'] as const;
const MAX_PEOPLE = 200_000_000;
/** Households whose first member must all be registered already for a seed to count as used. */
const USED_SEED_PROBES = 3;

/**
 * Generates and loads `options.people` people in households, as of the clock's day in Vietnam.
 *
 * @throws DomainError REGISTRY_NOT_EMPTY when people are registered and `append` is not set;
 *   SEED_ALREADY_USED when appending with a seed whose population is already there.
 * @throws RangeError for a number of people or a seed out of range.
 * @example await seedPopulation({ db, clock: systemClock }, { people: 10_000, seed: 1 })
 */
export async function seedPopulation(
  deps: { readonly db: Database; readonly clock: Clock },
  options: SeedOptions,
): Promise<SeedReport> {
  const { people, seed = 1, append = false } = options;
  if (!Number.isInteger(people) || people < 1 || people > MAX_PEOPLE) {
    throw new RangeError(`the number of people must be a whole number from 1 to ${MAX_PEOPLE.toLocaleString('en')}`);
  }
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new RangeError('the seed must be a whole number from 0 to 4294967295');
  }
  const started = performance.now();
  const run: Run = {
    seed,
    people,
    append,
    today: vietnamDate(deps.clock.now()),
    worker: options.worker,
    phases: { loadMs: 0, indexesMs: 0, analyzeMs: 0 },
    progress: (done) => options.onProgress?.({ people: done, total: people, elapsedMs: performance.now() - started }),
  };
  const totals = await deps.db.transaction((tx) => loadPopulation(tx, run), { retries: 0 });
  const { phases, today } = run;
  const analyzing = performance.now();
  // On PostgreSQL each table on a connection of its own, the tables at once (one statement took them in turn).
  if (deps.db.engine === 'postgres') await Promise.all(TABLES.map((table) => deps.db.query(`analyze ${table}`)));
  else await deps.db.query(`analyze ${TABLES.join(', ')}`);
  phases.analyzeMs = performance.now() - analyzing;
  run.progress(totals.people);
  return {
    seed,
    today,
    people: totals.people,
    households: totals.households,
    rows: totals.rows,
    deceased: totals.deceased,
    dirty: {
      deceasedHeads: totals.deceasedHeads,
      deceasedValidCards: totals.deceasedValidCards,
      duplicatePairs: totals.duplicatePairs,
      expiredTemporaryResidences: totals.expiredTemporaryResidences,
    },
    elapsedMs: performance.now() - started,
    phases,
  };
}

/** One seeding run's settings, and what it measures. */
interface Run {
  readonly seed: number;
  readonly people: number;
  readonly append: boolean;
  readonly today: string;
  readonly worker: boolean | undefined;
  readonly phases: { loadMs: number; indexesMs: number; analyzeMs: number };
  readonly progress: (people: number) => void;
}

/** The whole load, in the seed's transaction. */
async function loadPopulation(tx: Tx, run: Run): Promise<GenerationTotals> {
  // One seeding at a time: a second run waits here, then finds the registry no longer empty.
  await tx.query(`select pg_advisory_xact_lock(hashtext('dancu.registry.seed'))`);
  const empty = await registryIsEmpty(tx, run.append);
  const places = await Places.read(tx);
  const plan: GenerationPlan = {
    seed: run.seed,
    today: run.today,
    people: run.people,
    next: empty ? firstIds() : await nextIds(tx),
    takenSerials: empty ? [] : await takenSerials(tx, run.seed),
  };
  if (!empty) await refuseUsedSeed(tx, plan, places);
  const source = chunkSource(plan, places, run.worker === undefined ? {} : { worker: run.worker });
  const load = async () => {
    const loading = performance.now();
    const result = await loadChunks(tx, source, run.progress);
    run.phases.loadMs = performance.now() - loading;
    return result;
  };
  const started = performance.now();
  let totals: GenerationTotals;
  if (empty) {
    // Index builds sort in memory rather than in temporary files (PostgreSQL's default is 64 MB).
    if (tx.engine === 'postgres') await tx.query(`set local maintenance_work_mem = '256MB'`);
    totals = await withIndexesDeferred(tx, TABLES, load);
  } else {
    totals = await load();
  }
  run.phases.indexesMs = performance.now() - started - run.phases.loadMs;
  await advanceSequences(tx, plan.next, totals.next);
  return totals;
}

async function loadChunks(tx: Tx, source: ChunkSource, progress: (people: number) => void): Promise<GenerationTotals> {
  try {
    for (;;) {
      const step = await source.next();
      if (step.done) return step.value;
      await copyChunk(tx, step.value.rows);
      progress(step.value.people);
    }
  } finally {
    // Stops a generation worker when loading failed half-way.
    await source.return(undefined as never);
  }
}

/**
 * True when all the seeded tables are empty (the fast path: indexes rebuilt after the load). A registry
 * with people is refused unless appending.
 */
async function registryIsEmpty(tx: Tx, append: boolean): Promise<boolean> {
  const { rows } = await tx.query<{ people: boolean; others: boolean }>(
    `select exists (select 1 from registry.person) as people,
            ${TABLES.slice(1)
              .map((table) => `exists (select 1 from ${table})`)
              .join(' or ')} as others`,
  );
  const { people = false, others = false } = rows[0] ?? {};
  if (people && !append) {
    throw new DomainError(
      'REGISTRY_NOT_EMPTY',
      'The registry already has people: a synthetic population is seeded into an empty registry only. ' +
        'Use an empty database, or add to this one with --append and a seed not used on it before.',
    );
  }
  return !people && !others;
}

function firstIds(): NextIds {
  return { household: 1, member: 1, residence: 1, card: 1, familyLink: 1 };
}

async function nextIds(tx: Tx): Promise<NextIds> {
  const next = firstIds();
  for (const table of IDENTITY_TABLES) {
    const { rows } = await tx.query<{ max: number | null }>(
      `select max(id)::int8 as max from ${SEED_TABLES[table].table}`,
    );
    next[table] = (rows[0]?.max ?? 0) + 1;
  }
  return next;
}

/**
 * Refuses a seed whose population is already in the registry. The first households of a seed are the same
 * people whenever it is used (only their ID numbers depend on what is registered), so finding the first
 * member of each — same folded name, date and commune of birth registration — means the seed was used.
 */
async function refuseUsedSeed(tx: Tx, plan: GenerationPlan, rows: PlaceRows): Promise<void> {
  const columns = SEED_TABLES.person.columns;
  const at = (name: (typeof columns)[number]) => columns.indexOf(name);
  for (const person of firstPeople(plan, new Places(rows), USED_SEED_PROBES)) {
    const { rows: found } = await tx.query<{ found: boolean }>(
      `select exists (select 1 from registry.person
         where folded_name = $1 and birth_date = $2 and birth_registration_commune_id = $3) as found`,
      [person[at('folded_name')], person[at('birth_date')], person[at('birth_registration_commune_id')]],
    );
    if (!found[0]?.found) return;
  }
  throw new DomainError(
    'SEED_ALREADY_USED',
    `The population of seed ${plan.seed} is already in the registry: append with another --seed.`,
    { seed: plan.seed },
  );
}

/** Moves each identity sequence past the ids the seed supplied, so that later inserts do not collide. */
async function advanceSequences(tx: Tx, first: NextIds, after: NextIds): Promise<void> {
  for (const table of IDENTITY_TABLES) {
    if (after[table] === first[table]) continue;
    const name = SEED_TABLES[table].table;
    await tx.query(`select setval(pg_get_serial_sequence($1, 'id'), $2::int8)`, [name, after[table] - 1]);
  }
}
