/**
 * Where synthetic people are born, live and come from: the communes of both administrative maps grouped by
 * the province code of the personal ID number, the successor of every pre-2025 commune, and the weights of
 * the provinces by population.
 */

import type { CommuneKind, Era } from '../admin-units/model.ts';
import { provincePopulation } from '../admin-units/population.ts';
import streetData from './data/streets.json' with { type: 'json' };
import type { Region } from './names.ts';
import { type Random, Weighted } from './random.ts';

/**
 * Anything that runs a query: the database or a transaction. Written out rather than imported from the db
 * module, which the generation worker must not load (.dependency-cruiser.cjs).
 */
export interface Queryable {
  query<R>(text: string, params?: readonly unknown[]): Promise<{ readonly rows: R[] }>;
}

/** A commune as the generator uses it: its id, and its name as written on a record. */
export interface SeedCommune {
  readonly id: string;
  readonly era: Era;
  readonly kind: CommuneKind;
  readonly provinceId: string;
  /** "Phường Trúc Bạch, Quận Ba Đình, Thành phố Hà Nội": commune, district (before 2025) and province. */
  readonly label: string;
}

/** A commune row as read from the database. */
export interface CommuneRow {
  id: string;
  era: Era;
  name: string;
  kind: CommuneKind;
  district_name: string | null;
  province_id: string;
  province_name: string;
  legacy_id_code: string | null;
}

/** Both administrative maps as plain rows (they cross to a worker thread as they are). */
export interface PlaceRows {
  readonly communes: readonly CommuneRow[];
  readonly successions: ReadonlyArray<{ readonly old: string; readonly new: string }>;
}

/** Provinces from Đà Nẵng (048) southwards: where Huỳnh and Võ are the usual spellings. */
const FIRST_SOUTHERN_CODE = '048';
/** Provinces from Bình Phước (070) southwards write a rural hamlet "Ấp" rather than "Thôn" or "Xóm". */
const FIRST_AP_CODE = '070';

export class Places {
  readonly #former = new Map<string, SeedCommune[]>();
  readonly #current = new Map<string, SeedCommune[]>();
  readonly #successor = new Map<string, SeedCommune>();
  readonly #provinces: Weighted<string>;
  readonly codes: readonly string[];

  /** Builds the lookups from rows read by {@link Places.read} (also in a worker, which has no database). */
  constructor({ communes: rows, successions }: PlaceRows) {
    const byId = new Map<string, SeedCommune>();
    const codeOf = new Map<string, string>();
    for (const row of rows) {
      const label = [row.name, row.district_name, row.province_name].filter((part) => part).join(', ');
      const commune = { id: row.id, era: row.era, kind: row.kind, provinceId: row.province_id, label };
      byId.set(row.id, commune);
      if (row.era === 'pre2025' && row.legacy_id_code) {
        codeOf.set(row.id, row.legacy_id_code);
        push(this.#former, row.legacy_id_code, commune);
      }
    }
    const current = new Map<string, Set<string>>();
    for (const link of successions) {
      const code = codeOf.get(link.old);
      const next = byId.get(link.new);
      if (code === undefined || next === undefined) continue;
      if (!this.#successor.has(link.old)) this.#successor.set(link.old, next);
      const ids = current.get(code) ?? new Set<string>();
      ids.add(next.id);
      current.set(code, ids);
    }
    for (const [code, ids] of current) {
      this.#current.set(
        code,
        [...ids].sort().map((id) => byId.get(id) as SeedCommune),
      );
    }
    const population = provincePopulation();
    this.codes = [...this.#former.keys()].filter((code) => this.#current.has(code)).sort();
    if (this.codes.length === 0) {
      throw new Error('seed: no administrative units in the database; run `dancu migrate` to load them first');
    }
    this.#provinces = new Weighted(this.codes.map((code) => [code, population.get(code) ?? 0] as const));
  }

  /**
   * Reads both maps in two queries. (AdminUnits.communesForIdCode gives the same lists one province and era at
   * a time; 126 round trips cost over a second on the embedded database, too much for the first start.)
   */
  static async read(db: Queryable): Promise<PlaceRows> {
    const { rows } = await db.query<CommuneRow>(
      `select c.id, c.era, c.name, c.kind, c.district_name, c.province_id, p.name as province_name, p.legacy_id_code
       from registry.commune c join registry.province p on p.id = c.province_id
       order by c.id`,
    );
    const successions = await db.query<{ old: string; new: string }>(
      `select old_commune_id as old, new_commune_id as new from registry.commune_succession
       order by old_commune_id, new_commune_id`,
    );
    return { communes: rows, successions: successions.rows };
  }

  /** A province code (`PPP`), weighted by the province's population. */
  drawProvince(random: Random): string {
    return this.#provinces.pick(random);
  }

  /** A province code other than `code`, weighted by population. */
  drawOtherProvince(random: Random, code: string): string {
    for (;;) {
      const other = this.#provinces.pick(random);
      if (other !== code) return other;
    }
  }

  /** A commune of the province `code` on the map of `era`, uniformly. */
  drawCommune(random: Random, code: string, era: Era): SeedCommune {
    const list = (era === 'pre2025' ? this.#former : this.#current).get(code);
    if (!list) throw new RangeError(`seed: no communes for province code ${code}`);
    return random.pick(list);
  }

  /** The commune that continues a pre-2025 commune on the 2025 map (the first, for a split one); itself otherwise. */
  currentOf(commune: SeedCommune): SeedCommune {
    if (commune.era === '2025') return commune;
    const next = this.#successor.get(commune.id);
    if (!next) throw new RangeError(`seed: commune ${commune.id} has no successor on the 2025 map`);
    return next;
  }

  regionOf(code: string): Region {
    return code >= FIRST_SOUTHERN_CODE ? 'south' : 'north';
  }

  /** A plausible address line inside the commune: a street number in a ward, a hamlet in a rural commune. */
  drawAddressLine(random: Random, commune: SeedCommune, code: string): string {
    const number = random.between(1, 250);
    switch (commune.kind) {
      case 'ward': {
        if (random.chance(0.35))
          return `Số ${number}, ngõ ${random.between(1, 300)}, ${streetWord(code)} ${random.pick(STREETS)}`;
        return `Số ${number} ${streetWord(code)} ${random.pick(STREETS)}`;
      }
      case 'township':
        return `Số ${number}, ${code >= FIRST_AP_CODE ? 'khu phố' : 'tổ dân phố'} ${random.between(1, 20)}`;
      default:
        return `${code >= FIRST_AP_CODE ? 'Ấp' : random.chance(0.5) ? 'Thôn' : 'Xóm'} ${random.between(1, 15)}`;
    }
  }
}

/** Hà Nội names its town streets "phố"; elsewhere "đường". */
function streetWord(code: string): string {
  return code === '001' ? 'phố' : 'đường';
}

const STREETS: readonly string[] = streetData.streets;

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
