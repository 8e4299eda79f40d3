/** The population registry: what other modules and the HTTP layer may use. */
export {
  AdminUnits,
  type Commune,
  type Era,
  loadReferenceData,
  type PlacedUnit,
  type Province,
  provincePopulation,
  type ReferenceDataReport,
} from './admin-units/index.ts';
export * from './model.ts';
export { referenceRoutes } from './reference-routes.ts';
export { Registry } from './registry.ts';
export { type RegistryRoutesOptions, registryRoutes } from './routes.ts';
export {
  SEED_PERSON_TARGET,
  type SeedOptions,
  type SeedProgress,
  type SeedReport,
  seedPersonCsv,
  seedPopulation,
} from './seed/index.ts';
export type { AccessContext, Actor, ChangeContext, RegistryDeps } from './service/context.ts';
export type { DeathFacts, DeathOutcome } from './service/death.ts';
export type { NewHousehold } from './service/households.ts';
export type { NewPerson, PersonChanges } from './service/people.ts';
export { QUALITY_CHECK_LABELS, QUALITY_CHECKS, type QualityCheck, type QualityReport } from './service/quality.ts';
export { type DeregistrationReason, type ResidencePlace, TEMPORARY_RESIDENCE_MAX_YEARS } from './service/residence.ts';
export type { PersonPage, PersonQuery } from './service/search.ts';
export type {
  VerificationAddress,
  VerificationCard,
  VerificationFacts,
  VerificationReadOptions,
} from './service/verification-facts.ts';
export type { BatchCheck, BatchFacts } from './service/verification-facts-batch.ts';
