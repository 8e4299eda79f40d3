import type { Language } from './language.ts';

/**
 * Dates as people of each language read them: `dd/mm/yyyy` in Vietnamese, ISO `yyyy-mm-dd` in English
 * (unambiguous to any English reader). Instants are shown in Vietnam's time (UTC+7), where the registry is.
 */

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
export const REGISTRY_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** A calendar day `YYYY-MM-DD`; `precision` drops the parts a partly known birth date lacks. */
export function formatDay(day: string, language: Language, precision: 'day' | 'month' | 'year' = 'day'): string {
  const match = DAY.exec(day);
  if (!match) return day;
  const [, year, month, date] = match;
  if (precision === 'year') return year ?? day;
  if (language === 'vi') return precision === 'month' ? `${month}/${year}` : `${date}/${month}/${year}`;
  return precision === 'month' ? `${year}-${month}` : day;
}

/** An ISO instant as date and time in Vietnam, e.g. `22/11/2026 15:17` or `2026-11-22 15:17`. */
export function formatInstant(instant: string, language: Language): string {
  const time = new Date(instant);
  if (Number.isNaN(time.getTime())) return instant;
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: REGISTRY_TIME_ZONE,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(time)
      .map((part) => [part.type, part.value]),
  );
  const day = `${parts.year}-${parts.month}-${parts.day}`;
  return `${formatDay(day, language)} ${parts.hour}:${parts.minute}`;
}

/** Today in Vietnam, as `YYYY-MM-DD`. */
export function todayInVietnam(now: Date = new Date()): string {
  // en-CA formats a date as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone: REGISTRY_TIME_ZONE }).format(now);
}

/** A country's name in `language` from its ISO 3166 code (`VN` → Việt Nam); the code itself when unknown. */
export function countryName(code: string, language: Language): string {
  try {
    return new Intl.DisplayNames([language], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Whether `value` is a real calendar day `YYYY-MM-DD`. */
export function isDay(value: string): boolean {
  if (!DAY.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** An amount in đồng as each language writes it: `1.000 ₫` in Vietnamese, `₫1,000` in English. */
export function formatVnd(amount: number, language: Language): string {
  return new Intl.NumberFormat(language === 'vi' ? 'vi-VN' : 'en-GB', {
    style: 'currency',
    currency: 'VND',
    maximumFractionDigits: 0,
  }).format(amount);
}

/** A whole number with the language's grouping: `12.345` in Vietnamese, `12,345` in English. */
export function formatCount(count: number, language: Language): string {
  return new Intl.NumberFormat(language === 'vi' ? 'vi-VN' : 'en-GB').format(count);
}

const MONTH = /^(\d{4})-(\d{2})$/;

/** A month `YYYY-MM`: `03/2026` in Vietnamese, `2026-03` in English. */
export function formatMonth(month: string, language: Language): string {
  const match = MONTH.exec(month);
  if (!match) return month;
  return language === 'vi' ? `${match[2]}/${match[1]}` : month;
}

/** The month `delta` months from `month` (`YYYY-MM`). */
export function shiftMonth(month: string, delta: number): string {
  const [year = 0, number = 1] = month.split('-').map(Number);
  const index = year * 12 + (number - 1) + delta;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Every day of a month `YYYY-MM`, as `YYYY-MM-DD`. */
export function daysOfMonth(month: string): string[] {
  const [year = 0, number = 1] = month.split('-').map(Number);
  const count = new Date(Date.UTC(year, number, 0)).getUTCDate();
  return Array.from({ length: count }, (_, n) => `${month}-${String(n + 1).padStart(2, '0')}`);
}

/** Whether `value` is a month `YYYY-MM`. */
export function isMonth(value: string): boolean {
  const match = MONTH.exec(value);
  return match !== null && Number(match[2]) >= 1 && Number(match[2]) <= 12;
}
