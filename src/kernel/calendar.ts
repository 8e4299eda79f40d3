/**
 * The working-day calendar of Vietnamese state agencies, which legal time limits ("3 working days") count in.
 *
 * State agencies work Monday to Friday (Decision 188/1999/QĐ-TTg, 40-hour week). The public holidays are set by
 * the Labour Code 2019 Art. 112(1); the Prime Minister fixes each year's Tết days and the day adjacent to National
 * Day (Art. 112(3)) and often swaps a working day for a Saturday to join a break to a weekend; a holiday on a weekly
 * rest day is taken on the next working day (Art. 111(3)). None of this follows from a formula, so the days are
 * data (`data/holidays.json`), one entry per year, and a year without data is refused rather than guessed.
 */

import holidays from './data/holidays.json' with { type: 'json' };
import { DomainError } from './errors.ts';

/** A day off that would otherwise be a working day, or a holiday in law that falls on a weekend. */
export interface HolidayEntry {
  /** `YYYY-MM-DD`. */
  readonly date: string;
  /** Vietnamese name (`Tết Nguyên đán Bính Ngọ`, `Nghỉ bù Giỗ Tổ Hùng Vương`). */
  readonly name: string;
  readonly note?: string;
}

/** A Saturday or Sunday declared a working day to make up for a swapped day off. */
export interface WorkingWeekendEntry {
  /** `YYYY-MM-DD`. */
  readonly date: string;
  readonly note?: string;
}

/** One year of the calendar. */
export interface CalendarYear {
  /** True while the year is derived from the Labour Code because the year's decision is not yet published. */
  readonly provisional?: boolean;
  /** The decisions the year was taken from. */
  readonly source: string;
  readonly holidays: readonly HolidayEntry[];
  readonly workingWeekends: readonly WorkingWeekendEntry[];
}

/** Calendar data keyed by four-digit year (`"2026"`). */
export type CalendarData = Readonly<Record<string, CalendarYear>>;

interface YearDays {
  readonly provisional: boolean;
  readonly holidays: ReadonlyMap<number, string>;
  readonly workingWeekends: ReadonlySet<number>;
}

const DAY_MS = 86_400_000;
const VIETNAM_OFFSET_MS = 7 * 3_600_000;
const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 for a `YYYY-MM-DD` calendar date, or `undefined` (`2026-02-30` is not one). */
function parseDay(day: string): number | undefined {
  const match = DAY_PATTERN.exec(day);
  if (!match) return undefined;
  const epochDay = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / DAY_MS;
  return Number.isInteger(epochDay) && fromEpochDay(epochDay) === day ? epochDay : undefined;
}

function toEpochDay(day: string): number {
  const epochDay = parseDay(day);
  if (epochDay === undefined) {
    throw new DomainError('INVALID_DATE', 'A day must be a calendar date written YYYY-MM-DD, e.g. 2026-02-17.');
  }
  return epochDay;
}

function fromEpochDay(epochDay: number): string {
  return new Date(epochDay * DAY_MS).toISOString().slice(0, 10);
}

function isWeekend(epochDay: number): boolean {
  const weekday = new Date(epochDay * DAY_MS).getUTCDay();
  return weekday === 0 || weekday === 6;
}

function yearOf(epochDay: number): number {
  return new Date(epochDay * DAY_MS).getUTCFullYear();
}

function invalidData(message: string): never {
  throw new DomainError('INVALID_CALENDAR_DATA', message);
}

function compileYear(year: string, data: CalendarYear): YearDays {
  if (!/^\d{4}$/.test(year)) invalidData(`Calendar data: "${year}" is not a four-digit year.`);
  const dayIn = (date: string): number => {
    const epochDay = parseDay(date);
    if (epochDay === undefined) invalidData(`Calendar data: "${date}" under ${year} is not a YYYY-MM-DD date.`);
    if (date.slice(0, 4) !== year) invalidData(`Calendar data: ${date} is listed under ${year}.`);
    return epochDay;
  };
  const holidayDays = new Map(data.holidays.map((h) => [dayIn(h.date), h.name] as const));
  const workingWeekends = new Set(data.workingWeekends.map((w) => dayIn(w.date)));
  for (const day of workingWeekends) {
    if (!isWeekend(day)) invalidData(`Calendar data: make-up day ${fromEpochDay(day)} is not a Saturday or Sunday.`);
    if (holidayDays.has(day)) invalidData(`Calendar data: ${fromEpochDay(day)} is both a holiday and a working day.`);
  }
  return { provisional: data.provisional === true, holidays: holidayDays, workingWeekends };
}

/**
 * Answers "is this a working day?" and counts working days, for the years its data covers.
 *
 * Every method throws `DomainError('CALENDAR_OUT_OF_RANGE', …, { year })` when a day it must look at lies in a
 * year without data, so that no legal deadline is silently computed from a guess, and
 * `DomainError('INVALID_DATE')` when a day is not a `YYYY-MM-DD` calendar date.
 */
export class WorkingDayCalendar {
  readonly #years: ReadonlyMap<number, YearDays>;

  /** @throws DomainError `INVALID_CALENDAR_DATA` when the data is malformed or contradicts itself. */
  constructor(data: CalendarData) {
    this.#years = new Map(Object.entries(data).map(([year, days]) => [Number(year), compileYear(year, days)]));
  }

  /**
   * True on Monday–Friday unless it is a holiday or day off, and on a Saturday or Sunday declared a make-up day.
   *
   * @example vietnamCalendar().isWorkingDay('2026-02-17') // false (Tết)
   */
  isWorkingDay(day: string): boolean {
    return this.#isWorking(toEpochDay(day));
  }

  /**
   * The name of the holiday or day off on `day`, or `undefined` on an ordinary day or weekend.
   *
   * @example vietnamCalendar().holidayName('2025-09-02') // 'Quốc khánh'
   */
  holidayName(day: string): string | undefined {
    const epochDay = toEpochDay(day);
    return this.#year(epochDay).holidays.get(epochDay);
  }

  /** True when `day` lies in a year whose days off are derived from the law, not yet from the year's decision. */
  isProvisional(day: string): boolean {
    return this.#year(toEpochDay(day)).provisional;
  }

  /**
   * The due date of a time limit of `n` working days starting on `day`: the n-th working day after `day`, where
   * `day` itself does not count (a file received on Friday with 1 working day is due on Monday). With `n = 0`,
   * the first working day on or after `day` (a "same working day" limit).
   *
   * @throws RangeError when `n` is not a whole number ≥ 0.
   * @example vietnamCalendar().addWorkingDays('2026-02-13', 1) // '2026-02-23', after Tết
   */
  addWorkingDays(day: string, n: number): string {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a whole number of working days ≥ 0; got ${n}`);
    let current = toEpochDay(day);
    if (n === 0) {
      while (!this.#isWorking(current)) current++;
      return fromEpochDay(current);
    }
    for (let counted = 0; counted < n; ) {
      current++;
      if (this.#isWorking(current)) counted++;
    }
    return fromEpochDay(current);
  }

  /**
   * The number of working days after `from` up to and including `to` (`from` does not count, as in
   * {@link addWorkingDays}); negative when `to` is before `from`. For any `n ≥ 1`,
   * `workingDaysBetween(d, addWorkingDays(d, n)) === n`.
   *
   * @example vietnamCalendar().workingDaysBetween('2026-02-13', '2026-02-23') // 1
   */
  workingDaysBetween(from: string, to: string): number {
    const start = toEpochDay(from);
    const end = toEpochDay(to);
    if (end < start) return -this.workingDaysBetween(to, from);
    this.#year(start);
    let count = 0;
    for (let current = start + 1; current <= end; current++) {
      if (this.#isWorking(current)) count++;
    }
    return count;
  }

  #isWorking(epochDay: number): boolean {
    const year = this.#year(epochDay);
    if (year.workingWeekends.has(epochDay)) return true;
    return !isWeekend(epochDay) && !year.holidays.has(epochDay);
  }

  #year(epochDay: number): YearDays {
    const year = yearOf(epochDay);
    const days = this.#years.get(year);
    if (days === undefined) {
      throw new DomainError(
        'CALENDAR_OUT_OF_RANGE',
        `The working-day calendar has no holiday data for ${year}; add the year to data/holidays.json before computing time limits in it.`,
        { year },
      );
    }
    return days;
  }
}

let defaultCalendar: WorkingDayCalendar | undefined;

/**
 * The calendar of Vietnamese state agencies built from `data/holidays.json` (built once, then shared).
 *
 * @example vietnamCalendar().isWorkingDay('2025-04-26') // true: Saturday make-up day for 2 May
 */
export function vietnamCalendar(): WorkingDayCalendar {
  defaultCalendar ??= new WorkingDayCalendar(holidays);
  return defaultCalendar;
}

/** Milliseconds since 1970-01-01 00:00 Vietnam time; throws `INVALID_DATE` for an invalid `Date`. */
function vietnamMs(instant: Date): number {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new DomainError('INVALID_DATE', 'The instant is not a valid date.');
  return ms + VIETNAM_OFFSET_MS;
}

/**
 * The calendar day of `instant` in Vietnam (Asia/Ho_Chi_Minh: UTC+7 all year, no daylight saving).
 *
 * @example vietnamDate(new Date('2026-02-16T17:30:00Z')) // '2026-02-17'
 */
export function vietnamDate(instant: Date): string {
  return fromEpochDay(Math.floor(vietnamMs(instant) / DAY_MS));
}

/**
 * The Vietnam calendar day of `instant` and the whole minutes since local midnight.
 *
 * @example vietnamTime(new Date('2026-03-02T08:01:00Z')) // { date: '2026-03-02', minutes: 901 } (15:01)
 */
export function vietnamTime(instant: Date): { date: string; minutes: number } {
  const local = vietnamMs(instant);
  const epochDay = Math.floor(local / DAY_MS);
  return { date: fromEpochDay(epochDay), minutes: Math.floor((local - epochDay * DAY_MS) / 60_000) };
}

/**
 * The working day from which the time limit of a file received at `instant` counts (Decree 63/2024: a file
 * received after 15:00 counts from the next working day). That is the day of receipt when it is a working day and
 * the file came in at or before the cutoff (15:00:00 exactly still counts), else the next working day.
 *
 * @param cutoffMinutes minutes after local midnight; default `900` (15:00).
 * @throws DomainError `CALENDAR_OUT_OF_RANGE` as {@link WorkingDayCalendar} does.
 * @example receivedWorkingDay(vietnamCalendar(), new Date('2026-03-06T08:30:00Z')) // '2026-03-09': Fri 15:30 → Mon
 */
export function receivedWorkingDay(calendar: WorkingDayCalendar, instant: Date, cutoffMinutes = 15 * 60): string {
  const local = vietnamMs(instant);
  const epochDay = Math.floor(local / DAY_MS);
  const day = fromEpochDay(epochDay);
  const beforeCutoff = local - epochDay * DAY_MS <= cutoffMinutes * 60_000;
  return calendar.isWorkingDay(day) && beforeCutoff ? day : calendar.addWorkingDays(day, 1);
}
