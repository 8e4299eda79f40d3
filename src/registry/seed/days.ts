/**
 * Calendar days as whole numbers (days since 1970-01-01), for a generator that handles tens of millions of
 * dates: integer arithmetic and a cache of ISO strings instead of a `Date` per value. The civil-calendar
 * conversions are Howard Hinnant's `days_from_civil` / `civil_from_days`.
 */

/** A calendar day counted from 1970-01-01 (day 0). */
export type Day = number;

export const DAYS_PER_YEAR = 365.2425;

/** The day of `YYYY-MM-DD`. */
export function dayOf(iso: string): Day {
  return daysFromCivil(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));
}

const ISO_CACHE_FIRST = dayOf('1890-01-01');
const ISO_CACHE_SIZE = dayOf('2200-01-01') - ISO_CACHE_FIRST;
const isoCache: Array<string | undefined> = new Array(ISO_CACHE_SIZE);

/** `YYYY-MM-DD` of a day. */
export function isoOf(day: Day): string {
  const slot = day - ISO_CACHE_FIRST;
  if (slot >= 0 && slot < ISO_CACHE_SIZE) {
    const cached = isoCache[slot];
    if (cached !== undefined) return cached;
    const text = formatDay(day);
    isoCache[slot] = text;
    return text;
  }
  return formatDay(day);
}

/** The calendar year of a day. */
export function yearOf(day: Day): number {
  return civilFromDays(day)[0];
}

/**
 * The same month and day `years` later (earlier when negative); 29 February in a common year becomes 1 March,
 * as `rules.birthdayAt` does.
 */
export function addYears(day: Day, years: number): Day {
  const [y, m, d] = civilFromDays(day);
  return daysFromCivil(y + years, m, d);
}

/** {@link addYears} for several numbers of years at once (one calendar conversion). */
export function birthdays(day: Day, years: readonly number[]): Day[] {
  const [y, m, d] = civilFromDays(day);
  return years.map((n) => daysFromCivil(y + n, m, d));
}

/** Whole years from `from` to `to`: the age on `to` of a person born on `from` (`rules.ageOn`). */
export function yearsBetween(from: Day, to: Day): number {
  const [fy, fm, fd] = civilFromDays(from);
  const [ty, tm, td] = civilFromDays(to);
  return ty - fy - (tm > fm || (tm === fm && td >= fd) ? 0 : 1);
}

/** Whole years as a number of days, for drawing spans (not for ages: use {@link addYears}). */
export function yearsInDays(years: number): number {
  return Math.round(years * DAYS_PER_YEAR);
}

function formatDay(day: Day): string {
  const [y, m, d] = civilFromDays(day);
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

/** Days since 1970-01-01 of a proleptic Gregorian date; month and day may overflow (31 Feb → 3 Mar). */
function daysFromCivil(year: number, month: number, day: number): Day {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

function civilFromDays(days: Day): [number, number, number] {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [era * 400 + yoe + (m <= 2 ? 1 : 0), m, d];
}
