/**
 * Administrative units and code lists of the registry: what the rest of the registry (and, through
 * `src/registry/index.ts`, other modules) may use.
 */
export type { Irregularity, IrregularityKind } from './irregularities.ts';
export { loadReferenceData, type ReferenceDataReport } from './load.ts';
export {
  type CodeListEntry,
  type Commune,
  type CommuneFilter,
  type CommuneKind,
  ERAS,
  type Era,
  LAST_PRE_REFORM_DAY,
  type PlacedUnit,
  type Province,
  type ProvinceKind,
  REFORM_DAY,
  type ResolvedUnit,
} from './model.ts';
export { provincePopulation } from './population.ts';
export { AdminUnits } from './service.ts';
