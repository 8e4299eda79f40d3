import type { Database, Tx } from '../../db/index.ts';
import { DomainError, foldText } from '../../kernel/index.ts';
import type { CodeListEntry, Commune, CommuneFilter, Era, PlacedUnit, Province, ResolvedUnit } from './model.ts';
import { AdminUnitStore } from './store.ts';

/** A chain of reforms longer than this means a cycle in the succession data. */
const MAX_REFORMS = 16;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Đơn vị hành chính — the administrative units of both eras, looked up and resolved as of a date. Read-only:
 * the data comes from {@link loadReferenceData}.
 */
export class AdminUnits {
  private readonly store: AdminUnitStore;

  constructor(db: Pick<Database, 'kysely'>) {
    this.store = new AdminUnitStore(db);
  }

  /** The same lookups through the caller's transaction (on the embedded engine it holds the only connection). */
  within(tx: Tx): AdminUnits {
    return new AdminUnits(tx);
  }

  /**
   * The province code (`PPP`) that a birth registered in this commune gives the personal ID number: the code
   * of the pre-2025 province the commune continues. Which codes births registered after the 2025 merger get is
   * not published (DOMAIN.md §2), so the platform keeps giving the old province's code, which the code table
   * holds as data. A 2025 commune formed from communes of several old provinces takes the lowest code.
   * @throws DomainError `ADMIN_UNIT_NOT_FOUND` for an unknown commune or one whose province has no code.
   */
  async birthIdCodeOf(communeId: string): Promise<string> {
    const codes = new Set<string>();
    for (const id of await this.lineageOf(communeId)) {
      const unit = await this.store.findUnit(id);
      if (unit?.province.legacyIdCode) codes.add(unit.province.legacyIdCode);
    }
    const code = [...codes].sort()[0];
    if (code === undefined) throw notFound('commune', communeId);
    return code;
  }

  /** A commune of either era, or undefined. */
  async findCommune(communeId: string): Promise<Commune | undefined> {
    return (await this.store.findUnit(communeId))?.commune;
  }

  /**
   * A commune of either era.
   * @throws DomainError `ADMIN_UNIT_NOT_FOUND` when no commune has this id.
   */
  async getCommune(communeId: string): Promise<Commune> {
    return (await this.getUnit(communeId)).commune;
  }

  /**
   * A commune with its province.
   * @throws DomainError `ADMIN_UNIT_NOT_FOUND` when no commune has this id.
   */
  async getUnit(communeId: string): Promise<PlacedUnit> {
    const unit = await this.store.findUnit(communeId);
    if (!unit) throw notFound('commune', communeId);
    return unit;
  }

  /**
   * A commune that was in force on `day`: what a new record dated `day` may name.
   * @throws DomainError `INVALID_DATE` for a malformed day, `ADMIN_UNIT_NOT_FOUND` for an unknown id,
   *   `ADMIN_UNIT_NOT_IN_FORCE` when the commune did not exist yet or no longer existed on `day`
   *   (`details.validFrom`, `details.validTo`).
   * @example await units.getCommuneInForce('2025:00004', '2026-01-05') // Phường Ba Đình
   */
  async getCommuneInForce(communeId: string, day: string): Promise<Commune> {
    checkDay(day);
    const commune = await this.getCommune(communeId);
    if (!inForce(commune, day)) {
      throw new DomainError(
        'ADMIN_UNIT_NOT_IN_FORCE',
        `${commune.name} was not an administrative unit on ${day}: choose a unit in force on that day.`,
        { communeId, day, validFrom: commune.validFrom, validTo: commune.validTo },
      );
    }
    return commune;
  }

  /**
   * Communes whose folded name contains the folded `query` (accents, case, spacing and Unicode form ignored):
   * exact matches first, then prefixes, then word starts, then the rest; shorter names first within each.
   * @example await units.findCommunes({ query: 'PHUONG ba dinh', era: '2025' }) // [Phường Ba Đình, …]
   */
  async findCommunes(filter: CommuneFilter = {}): Promise<Commune[]> {
    return this.store.findCommunes(filter, foldText(filter.query ?? ''));
  }

  /**
   * @throws DomainError `ADMIN_UNIT_NOT_FOUND` when no province has this id (`2025:01`, `pre2025:46`).
   */
  async getProvince(provinceId: string): Promise<Province> {
    const province = await this.store.findProvince(provinceId);
    if (!province) throw notFound('province', provinceId);
    return province;
  }

  /** The provinces of an era, by code: 34 for `2025`, 63 for `pre2025`. */
  async listProvinces(era: Era): Promise<Province[]> {
    return this.store.listProvinces(era);
  }

  /**
   * An address's unit as it stood on the day of the record (`asOf`) and the unit(s) it belongs to `today`:
   * itself while in force, else its successors, followed through every reform up to `today` (several when
   * the commune was split).
   *
   * A unit that was not in force on `asOf` is still resolved (old records must stay readable), with
   * `recordedInForce: false`; new records are checked with {@link getCommuneInForce}.
   *
   * @throws DomainError `INVALID_DATE` when a day is not `YYYY-MM-DD`, `ADMIN_UNIT_NOT_FOUND` for an unknown id.
   * @example
   * await units.resolveUnit('pre2025:26881', '2024-05-01', '2026-01-05')
   * // recorded: Phường 12, Quận Gò Vấp, Thành phố Hồ Chí Minh; current: [Phường An Hội Tây]
   */
  async resolveUnit(communeId: string, asOf: string, today: string): Promise<ResolvedUnit> {
    checkDay(asOf);
    checkDay(today);
    const recorded = await this.getUnit(communeId);
    return {
      recorded,
      recordedInForce: inForce(recorded.commune, asOf),
      current: await this.currentUnits(recorded, today),
    };
  }

  /**
   * The commune and every unit it continues, through all reforms: the ids under which records made in its
   * territory may be kept. A split predecessor is included (part of it lies here).
   * @throws DomainError `ADMIN_UNIT_NOT_FOUND` for an unknown id.
   * @example await units.lineageOf('2025:26882') // ['2025:26882', 'pre2025:26881', 'pre2025:26882', …]
   */
  async lineageOf(communeId: string): Promise<string[]> {
    await this.getCommune(communeId);
    const found = new Set([communeId]);
    let frontier = [communeId];
    for (let depth = 0; frontier.length > 0 && depth < MAX_REFORMS; depth++) {
      const next: string[] = [];
      for (const id of frontier) {
        for (const older of await this.store.predecessorIds(id)) {
          if (!found.has(older)) {
            found.add(older);
            next.push(older);
          }
        }
      }
      frontier = next;
    }
    return [...found];
  }

  /**
   * The pre-2025 province of a personal-ID province code (`PPP`).
   * @throws DomainError `ADMIN_UNIT_NOT_FOUND` for a code of no province.
   * @example await units.legacyProvinceForIdCode('046') // Tỉnh Thừa Thiên Huế
   */
  async legacyProvinceForIdCode(idCode: string): Promise<Province> {
    const province = await this.store.findProvinceByIdCode(idCode);
    if (!province) throw notFound('province', idCode);
    return province;
  }

  /**
   * The 2025 province(s) that took over the communes of a pre-2025 province (one for every province in
   * the data: no old province was divided). Empty for a code of no province.
   * @example await units.currentProvincesForIdCode('077') // [Thành phố Hồ Chí Minh]
   */
  async currentProvincesForIdCode(idCode: string): Promise<Province[]> {
    const provinces = new Map<string, Province>();
    for (const unit of await this.store.currentCommunesOf(idCode)) provinces.set(unit.province.id, unit.province);
    return [...provinces.values()].sort((a, b) => a.code.localeCompare(b.code));
  }

  /**
   * The communes of a personal-ID province code, ordered by id: `pre2025` its own communes, `2025` the
   * communes that took them over. For the synthetic population, which places people born there.
   * Empty for a code of no province.
   */
  async communesForIdCode(idCode: string, era: Era): Promise<Commune[]> {
    if (era === 'pre2025') return this.store.formerCommunesOf(idCode);
    return (await this.store.currentCommunesOf(idCode)).map((unit) => unit.commune);
  }

  /** Dân tộc — the ethnic groups, by code. */
  async listEthnicities(): Promise<CodeListEntry[]> {
    return this.store.listEthnicities();
  }

  /** Tôn giáo — the religions, by code (`00` none). */
  async listReligions(): Promise<CodeListEntry[]> {
    return this.store.listReligions();
  }

  private async currentUnits(recorded: PlacedUnit, today: string): Promise<PlacedUnit[]> {
    const current = new Map<string, PlacedUnit>();
    const seen = new Set<string>();
    let frontier = [recorded];
    for (let reform = 0; frontier.length > 0; reform++) {
      if (reform > MAX_REFORMS)
        throw new Error(`succession of ${recorded.commune.id} does not end: a cycle in the data`);
      const ended: string[] = [];
      for (const unit of frontier) {
        if (seen.has(unit.commune.id)) continue;
        seen.add(unit.commune.id);
        if (inForce(unit.commune, today)) current.set(unit.commune.id, unit);
        else if (unit.commune.validTo !== null && unit.commune.validTo < today) ended.push(unit.commune.id);
      }
      frontier = await this.store.successors(ended, today);
    }
    return [...current.values()].sort((a, b) => a.commune.id.localeCompare(b.commune.id));
  }
}

function inForce(unit: { validFrom: string | null; validTo: string | null }, day: string): boolean {
  return (unit.validFrom === null || unit.validFrom <= day) && (unit.validTo === null || day <= unit.validTo);
}

function checkDay(day: string): void {
  const date = new Date(`${day}T00:00:00Z`);
  if (!DAY.test(day) || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== day) {
    throw new DomainError('INVALID_DATE', 'A day must be a calendar date written YYYY-MM-DD, e.g. 2025-07-01.');
  }
}

function notFound(unit: 'commune' | 'province', id: string): DomainError {
  return new DomainError('ADMIN_UNIT_NOT_FOUND', `No ${unit} has the id or code "${id}": pick one from the list.`, {
    unit,
    id,
  });
}
