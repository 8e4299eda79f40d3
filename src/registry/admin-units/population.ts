/**
 * Approximate 2024 population of the pre-2025 provinces, which weights where synthetic people live. Its own
 * file, free of the database layer, so that the seed's generation worker starts without loading it.
 */
import populationData from './data/province-population.json' with { type: 'json' };

const POPULATION: ReadonlyMap<string, number> = new Map(Object.entries(populationData.populationThousands));

/**
 * Approximate 2024 population (thousands) of each pre-2025 province by personal-ID code, to weight where
 * synthetic people live. See `data/province-population.json` for the source and its precision.
 */
export function provincePopulation(): ReadonlyMap<string, number> {
  return POPULATION;
}
