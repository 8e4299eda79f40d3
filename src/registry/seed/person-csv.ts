/**
 * The person rows of a seed run as CSV, without loading anything: the baseline of the seed's benchmark (a
 * raw `COPY` of the same rows into an empty `registry.person`, bench/registry.ts).
 */
import type { Database } from '../../db/index.ts';
import { type Clock, vietnamDate } from '../../kernel/index.ts';
import { chunkSource } from './chunk-source.ts';
import { Places } from './places.ts';
import { SEED_TABLES } from './writer.ts';

/** Where {@link seedPersonCsv}'s rows go: `registry.person` and the columns the seed fills. */
export const SEED_PERSON_TARGET = SEED_TABLES.person;

/**
 * The CSV lines of `registry.person` that {@link seedPopulation} would load into an empty registry with the
 * same options and clock, a few megabytes at a time.
 */
export async function* seedPersonCsv(
  deps: { readonly db: Database; readonly clock: Clock },
  options: { readonly people: number; readonly seed?: number },
): AsyncGenerator<string, void, undefined> {
  const plan = {
    seed: options.seed ?? 1,
    today: vietnamDate(deps.clock.now()),
    people: options.people,
    next: { household: 1, member: 1, residence: 1, card: 1, familyLink: 1 },
    takenSerials: [],
    format: 'csv' as const,
  };
  const source = chunkSource(plan, await Places.read(deps.db));
  for (;;) {
    const step = await source.next();
    if (step.done) return;
    const rows = step.value.rows.person;
    if (typeof rows === 'string') yield rows;
  }
}
