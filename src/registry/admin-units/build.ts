import { toNfc } from '../../kernel/index.ts';
import { buildCommunes, type Succession } from './build-communes.ts';
import { buildProvinces } from './build-provinces.ts';
import { type Irregularity, IrregularityLog } from './irregularities.ts';
import type { CodeListEntry, Commune, Province } from './model.ts';
import type { ReferenceSources } from './source.ts';

/** The rows of every reference table, and what had to be decided on the way. */
export interface ReferenceRows {
  readonly provinces: readonly Province[];
  readonly communes: readonly Commune[];
  readonly successions: readonly Succession[];
  readonly ethnicities: readonly CodeListEntry[];
  readonly religions: readonly CodeListEntry[];
  readonly irregularities: readonly Irregularity[];
}

/**
 * Turns the sources into table rows. Pure: the same sources always give the same rows and ids.
 * @throws Error when a code list is malformed or a unit's name has no known kind prefix (the data changed
 *   in a way that needs a decision).
 */
export function buildReferenceRows(sources: ReferenceSources): ReferenceRows {
  const log = new IrregularityLog();
  const provinces = buildProvinces(sources, log);
  const { communes, successions } = buildCommunes(sources, provinces, log);
  return {
    provinces: provinces.provinces,
    communes,
    successions,
    ethnicities: codeList('ethnicities', sources.ethnicities),
    religions: codeList('religions', sources.religions),
    irregularities: log.list(),
  };
}

function codeList(name: string, entries: readonly CodeListEntry[]): CodeListEntry[] {
  const seen = new Set<string>();
  return entries.map(({ code, name: label }) => {
    if (!/^\d{2}$/.test(code) || seen.has(code))
      throw new Error(`${name}: code "${code}" is not two digits or repeats`);
    seen.add(code);
    return { code, name: toNfc(label) };
  });
}
