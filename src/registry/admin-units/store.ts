import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/index.ts';
import type { CodeListEntry, Commune, CommuneFilter, Era, PlacedUnit, Province } from './model.ts';
import type { ReferenceTables } from './tables.ts';

const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 1000;

/** The only code that reads the reference tables (they are written by load.ts, in bulk). */
export class AdminUnitStore {
  private readonly kysely: Kysely<ReferenceTables>;

  constructor(db: Pick<Database, 'kysely'>) {
    this.kysely = db.kysely.withTables<ReferenceTables>();
  }

  async findUnit(communeId: string): Promise<PlacedUnit | undefined> {
    const rows = await this.units().where('c.id', '=', communeId).execute();
    return rows.map(toPlacedUnit)[0];
  }

  /** The units that directly continue the given ones on or before `day`, ordered by id. */
  async successors(communeIds: readonly string[], day: string): Promise<PlacedUnit[]> {
    if (communeIds.length === 0) return [];
    const rows = await this.units()
      .innerJoin('registry.commune_succession as s', 's.new_commune_id', 'c.id')
      .where('s.old_commune_id', 'in', communeIds)
      .where('s.effective_on', '<=', day)
      .orderBy('c.id')
      .execute();
    return rows.map(toPlacedUnit);
  }

  /** The ids of the units that a unit directly continues (its predecessors before a reform). */
  async predecessorIds(communeId: string): Promise<string[]> {
    const rows = await this.kysely
      .selectFrom('registry.commune_succession')
      .select('old_commune_id')
      .where('new_commune_id', '=', communeId)
      .orderBy('old_commune_id')
      .execute();
    return rows.map((row) => row.old_commune_id);
  }

  async findCommunes(filter: CommuneFilter, folded: string): Promise<Commune[]> {
    const asked = Math.trunc(filter.limit ?? DEFAULT_LIMIT);
    const limit = Number.isFinite(asked) ? Math.min(Math.max(asked, 1), MAX_LIMIT) : DEFAULT_LIMIT;
    let query = this.units();
    if (filter.provinceId !== undefined) query = query.where('c.province_id', '=', filter.provinceId);
    if (filter.era !== undefined) query = query.where('c.era', '=', filter.era);
    if (folded !== '') {
      const pattern = escapeLike(folded);
      query = query
        .where(sql<boolean>`c.folded_name like ${`%${pattern}%`} escape '\\'`)
        .orderBy(
          sql`case when c.folded_name = ${folded} then 0
                   when c.folded_name like ${`${pattern}%`} escape '\\' then 1
                   when c.folded_name like ${`% ${pattern}%`} escape '\\' then 2
                   else 3 end`,
        )
        .orderBy(sql`length(c.folded_name)`);
    }
    const rows = await query.orderBy('c.folded_name').orderBy('c.id').limit(limit).execute();
    return rows.map((row) => toPlacedUnit(row).commune);
  }

  async findProvince(provinceId: string): Promise<Province | undefined> {
    const rows = await this.provinces().where('p.id', '=', provinceId).execute();
    return rows.map(toProvince)[0];
  }

  async listProvinces(era: Era): Promise<Province[]> {
    const rows = await this.provinces().where('p.era', '=', era).orderBy('p.code').execute();
    return rows.map(toProvince);
  }

  async findProvinceByIdCode(idCode: string): Promise<Province | undefined> {
    const rows = await this.provinces().where('p.legacy_id_code', '=', idCode).execute();
    return rows.map(toProvince)[0];
  }

  /** The communes of a pre-2025 province by ID-number code, ordered by id. */
  async formerCommunesOf(idCode: string): Promise<Commune[]> {
    const rows = await this.units().where('p.legacy_id_code', '=', idCode).orderBy('c.id').execute();
    return rows.map((row) => toPlacedUnit(row).commune);
  }

  /** The 2025 communes that continue a pre-2025 province's communes, each once, ordered by id. */
  async currentCommunesOf(idCode: string): Promise<PlacedUnit[]> {
    const rows = await this.units()
      .where('c.id', 'in', (eb) =>
        eb
          .selectFrom('registry.commune_succession as s')
          .innerJoin('registry.commune as old', 'old.id', 's.old_commune_id')
          .innerJoin('registry.province as oldp', 'oldp.id', 'old.province_id')
          .where('oldp.legacy_id_code', '=', idCode)
          .select('s.new_commune_id'),
      )
      .orderBy('c.id')
      .execute();
    return rows.map(toPlacedUnit);
  }

  async listEthnicities(): Promise<CodeListEntry[]> {
    return this.kysely.selectFrom('registry.ethnicity').select(['code', 'name']).orderBy('code').execute();
  }

  async listReligions(): Promise<CodeListEntry[]> {
    return this.kysely.selectFrom('registry.religion').select(['code', 'name']).orderBy('code').execute();
  }

  private provinces() {
    return this.kysely.selectFrom('registry.province as p').select(PROVINCE_COLUMNS);
  }

  private units() {
    return this.kysely
      .selectFrom('registry.commune as c')
      .innerJoin('registry.province as p', 'p.id', 'c.province_id')
      .select(PROVINCE_COLUMNS)
      .select([
        'c.id as c_id',
        'c.era as c_era',
        'c.code as c_code',
        'c.name as c_name',
        'c.kind as c_kind',
        'c.district_name as c_district_name',
        'c.valid_from as c_valid_from',
        'c.valid_to as c_valid_to',
      ]);
  }
}

const PROVINCE_COLUMNS = [
  'p.id as p_id',
  'p.era as p_era',
  'p.code as p_code',
  'p.name as p_name',
  'p.short_name as p_short_name',
  'p.kind as p_kind',
  'p.abbreviation as p_abbreviation',
  'p.legacy_id_code as p_legacy_id_code',
  'p.valid_from as p_valid_from',
  'p.valid_to as p_valid_to',
] as const;

type ProvinceRow = {
  p_id: string;
  p_era: Era;
  p_code: string;
  p_name: string;
  p_short_name: string;
  p_kind: Province['kind'];
  p_abbreviation: string | null;
  p_legacy_id_code: string | null;
  p_valid_from: string | null;
  p_valid_to: string | null;
};

type UnitRow = ProvinceRow & {
  c_id: string;
  c_era: Era;
  c_code: string | null;
  c_name: string;
  c_kind: Commune['kind'];
  c_district_name: string | null;
  c_valid_from: string | null;
  c_valid_to: string | null;
};

function toProvince(row: ProvinceRow): Province {
  return {
    id: row.p_id,
    era: row.p_era,
    code: row.p_code,
    name: row.p_name,
    shortName: row.p_short_name,
    kind: row.p_kind,
    abbreviation: row.p_abbreviation,
    legacyIdCode: row.p_legacy_id_code,
    validFrom: row.p_valid_from,
    validTo: row.p_valid_to,
  };
}

function toPlacedUnit(row: UnitRow): PlacedUnit {
  const province = toProvince(row);
  return {
    province,
    commune: {
      id: row.c_id,
      era: row.c_era,
      code: row.c_code,
      name: row.c_name,
      kind: row.c_kind,
      districtName: row.c_district_name,
      provinceId: province.id,
      validFrom: row.c_valid_from,
      validTo: row.c_valid_to,
    },
  };
}

/** Escapes LIKE's wildcards so that a search for `50%` means those characters. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}
