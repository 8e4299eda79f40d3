/**
 * Đơn vị hành chính — administrative units of both eras, and the code lists of the registry (DOMAIN.md §3, §8).
 *
 * On 1 July 2025 the 63 provinces and ~10,600 communes became 34 provinces and 3,321 communes, and districts
 * were abolished. A record keeps the unit it was made in; {@link ResolvedUnit} shows that unit with its own
 * names and the unit(s) it belongs to today.
 */

/** Which administrative map a unit belongs to: the two-level map of 1 July 2025, or the one before it. */
export type Era = '2025' | 'pre2025';
export const ERAS: readonly Era[] = ['2025', 'pre2025'];

/** The day the two-level map took effect (Resolution 202/2025/QH15). */
export const REFORM_DAY = '2025-07-01';
/** The last day of the pre-2025 map. */
export const LAST_PRE_REFORM_DAY = '2025-06-30';

/** `municipality`: thành phố trực thuộc trung ương (centrally-run city); `province`: tỉnh. */
export type ProvinceKind = 'municipality' | 'province';

/**
 * `commune` xã, `ward` phường, `township` thị trấn (pre-2025 only), `special_zone` đặc khu (2025 only), and
 * `district` huyện, used only for the pre-2025 island districts that had no communes (see data/corrections.json).
 */
export type CommuneKind = 'commune' | 'ward' | 'township' | 'special_zone' | 'district';

/** Tỉnh / thành phố trực thuộc trung ương — a province-level unit of one era. */
export interface Province {
  /** `2025:01`, `pre2025:46`. */
  readonly id: string;
  readonly era: Era;
  /** Two-digit statistics code (`01`); the 2025 provinces reuse the code of one of the provinces merged into them. */
  readonly code: string;
  /** Full name: `Thành phố Hà Nội`, `Tỉnh Cao Bằng`. */
  readonly name: string;
  /** Name without its kind: `Hà Nội`. */
  readonly shortName: string;
  readonly kind: ProvinceKind;
  /** Three-letter abbreviation of the 2025 data (`HNI`); null before 2025. */
  readonly abbreviation: string | null;
  /** Pre-2025 only: the `PPP` code of personal ID numbers (`001`). */
  readonly legacyIdCode: string | null;
  /** First day in force (`YYYY-MM-DD`), null when not known. */
  readonly validFrom: string | null;
  /** Last day in force, null while in force. */
  readonly validTo: string | null;
}

/** Xã / phường / thị trấn / đặc khu — a commune-level unit of one era. */
export interface Commune {
  /** `2025:00004`, `pre2025:26881`, or `pre2025:x-<12 hex>` for an old commune the data gives no code. */
  readonly id: string;
  readonly era: Era;
  /** Five-digit statistics code; null for an old commune the data gives no code. */
  readonly code: string | null;
  readonly name: string;
  readonly kind: CommuneKind;
  /** Pre-2025 only: the district (quận, huyện, thị xã, thành phố thuộc tỉnh) it belonged to. */
  readonly districtName: string | null;
  readonly provinceId: string;
  readonly validFrom: string | null;
  readonly validTo: string | null;
}

/** A commune with its province. */
export interface PlacedUnit {
  readonly commune: Commune;
  readonly province: Province;
}

/** An address's unit seen from two days: the day of the record and today. */
export interface ResolvedUnit {
  /** The unit as it stood on the day of the record, with its own names. */
  readonly recorded: PlacedUnit;
  /**
   * False when the record names a unit that was not in force on its day (a data error to correct): the unit
   * is still shown, so that old records stay readable.
   */
  readonly recordedInForce: boolean;
  /**
   * The unit(s) in force today that it is, or became: itself while in force, its successors after a reform
   * (several for a commune that was split), ordered by id. Empty when no unit in force today derives from it
   * (today is before the unit existed, or the data gives it no successor).
   */
  readonly current: readonly PlacedUnit[];
}

/** One entry of a code list (ethnicity, religion). */
export interface CodeListEntry {
  readonly code: string;
  readonly name: string;
}

export interface CommuneFilter {
  readonly provinceId?: string;
  /** Matched on the folded name (accents, case and spacing ignored); exact, then prefix, then word, then contains. */
  readonly query?: string;
  readonly era?: Era;
  /** Default 20, at most 1,000. */
  readonly limit?: number;
}
