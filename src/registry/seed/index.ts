/** The synthetic population (`dancu seed`): what the registry's public API exports of it. */
export { SEED_PERSON_TARGET, seedPersonCsv } from './person-csv.ts';
export { type SeedOptions, type SeedProgress, type SeedReport, seedPopulation } from './seed.ts';
