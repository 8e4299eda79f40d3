import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CalendarData,
  receivedWorkingDay,
  vietnamCalendar,
  vietnamDate,
  vietnamTime,
  WorkingDayCalendar,
} from './calendar.ts';
import { DomainError } from './errors.ts';

const calendar = vietnamCalendar();

/** Vietnam local wall-clock time (`2026-03-02T14:59`) as an instant. */
const local = (dateTime: string): Date => new Date(`${dateTime}:00+07:00`);

function errorOf(action: () => unknown): DomainError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }
  return expect.unreachable('expected a DomainError');
}

function daysOf(year: number): string[] {
  const days: string[] = [];
  for (let d = new Date(Date.UTC(year, 0, 1)); d.getUTCFullYear() === year; d.setUTCDate(d.getUTCDate() + 1)) {
    days.push(d.toISOString().slice(0, 10));
  }
  return days;
}

describe('working days', () => {
  it('is Monday to Friday on an ordinary week', () => {
    expect(
      ['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06'].map((d) => calendar.isWorkingDay(d)),
    ).toEqual([true, true, true, true, true]);
    expect(calendar.isWorkingDay('2026-03-07')).toBe(false);
    expect(calendar.isWorkingDay('2026-03-08')).toBe(false);
  });

  it('gives no working day on the weekdays of Tết Bính Ngọ 2026 (16–20 February)', () => {
    for (const day of ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20']) {
      expect(calendar.isWorkingDay(day)).toBe(false);
      expect(calendar.holidayName(day)).toBe('Tết Nguyên đán Bính Ngọ');
    }
    expect(calendar.isWorkingDay('2026-02-13')).toBe(true);
    expect(calendar.isWorkingDay('2026-02-23')).toBe(true);
  });

  it('closes on National Day 2 September 2025 and the adjacent 1 September', () => {
    expect(calendar.isWorkingDay('2025-09-02')).toBe(false);
    expect(calendar.holidayName('2025-09-02')).toBe('Quốc khánh');
    expect(calendar.isWorkingDay('2025-09-01')).toBe(false);
  });

  it('opens on a Saturday declared a make-up day and closes on the swapped weekday', () => {
    expect(calendar.isWorkingDay('2025-04-26')).toBe(true);
    expect(calendar.isWorkingDay('2025-05-02')).toBe(false);
    expect(calendar.isWorkingDay('2026-01-10')).toBe(true);
    expect(calendar.isWorkingDay('2026-01-02')).toBe(false);
  });

  it('gives a compensatory day when a holiday falls on a weekend (Labour Code Art. 111(3))', () => {
    expect(calendar.holidayName('2026-04-26')).toBe('Giỗ Tổ Hùng Vương');
    expect(calendar.isWorkingDay('2026-04-27')).toBe(false);
  });

  it('has no holiday name on an ordinary day', () => {
    expect(calendar.holidayName('2026-03-04')).toBeUndefined();
  });

  it('grants the 11 paid holidays of Labour Code Art. 112(1) in every year of data', () => {
    for (const year of [2025, 2026, 2027]) {
      const days = daysOf(year);
      const weekend = (d: string) => [0, 6].includes(new Date(d).getUTCDay());
      const weekdaysOff = days.filter((d) => !weekend(d) && !calendar.isWorkingDay(d)).length;
      const weekendsWorked = days.filter((d) => weekend(d) && calendar.isWorkingDay(d)).length;
      expect(weekdaysOff - weekendsWorked, `year ${year}`).toBe(11);
    }
  });

  it('marks 2027 as provisional until its decision is published', () => {
    expect(calendar.isProvisional('2027-03-01')).toBe(true);
    expect(calendar.isProvisional('2026-03-02')).toBe(false);
  });
});

describe('counting working days', () => {
  it('does not count the start day and skips Tết', () => {
    expect(calendar.addWorkingDays('2026-02-13', 1)).toBe('2026-02-23');
    expect(calendar.addWorkingDays('2026-02-12', 3)).toBe('2026-02-24');
    expect(calendar.workingDaysBetween('2026-02-13', '2026-02-23')).toBe(1);
  });

  it('with zero days gives the first working day on or after the start', () => {
    expect(calendar.addWorkingDays('2026-03-04', 0)).toBe('2026-03-04');
    expect(calendar.addWorkingDays('2026-02-14', 0)).toBe('2026-02-23');
  });

  it('runs from Friday to Monday over an ordinary weekend', () => {
    expect(calendar.addWorkingDays('2026-03-06', 1)).toBe('2026-03-09');
  });

  it('counts backwards as a negative number', () => {
    expect(calendar.workingDaysBetween('2026-03-09', '2026-03-06')).toBe(-1);
    expect(calendar.workingDaysBetween('2026-03-06', '2026-03-06')).toBe(0);
  });

  it('refuses a negative or fractional number of days', () => {
    expect(() => calendar.addWorkingDays('2026-03-04', -1)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays('2026-03-04', 1.5)).toThrow(RangeError);
  });

  it('lands on a working day exactly n working days after the start', () => {
    const start = Date.UTC(2025, 0, 1);
    const day = fc
      .integer({ min: 0, max: 729 })
      .map((i) => new Date(start + i * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 40 }), (d, n) => {
        const due = calendar.addWorkingDays(d, n);
        expect(calendar.isWorkingDay(due)).toBe(true);
        expect(calendar.workingDaysBetween(d, due)).toBe(n);
      }),
    );
  });

  it('with zero days stays on a working start day and moves only past non-working days', () => {
    const start = Date.UTC(2025, 0, 1);
    const day = fc
      .integer({ min: 0, max: 729 })
      .map((i) => new Date(start + i * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, (d) => {
        const due = calendar.addWorkingDays(d, 0);
        expect(calendar.isWorkingDay(due)).toBe(true);
        if (calendar.isWorkingDay(d)) expect(due).toBe(d);
        else expect(calendar.workingDaysBetween(d, due)).toBe(1);
      }),
    );
  });
});

describe('years without data', () => {
  it('refuses to answer rather than guess a legal deadline', () => {
    const error = errorOf(() => calendar.isWorkingDay('2024-12-31'));
    expect(error.code).toBe('CALENDAR_OUT_OF_RANGE');
    expect(error.details).toEqual({ year: 2024 });
    expect(errorOf(() => calendar.holidayName('2028-01-03')).code).toBe('CALENDAR_OUT_OF_RANGE');
  });

  it('refuses a count that runs into a year without data', () => {
    expect(errorOf(() => calendar.addWorkingDays('2027-12-28', 10)).code).toBe('CALENDAR_OUT_OF_RANGE');
    expect(errorOf(() => calendar.workingDaysBetween('2027-12-01', '2028-01-10')).code).toBe('CALENDAR_OUT_OF_RANGE');
  });
});

describe('input and data checks', () => {
  it('refuses a day that is not a YYYY-MM-DD calendar date', () => {
    for (const day of ['2026-02-30', '2026-2-3', '17/02/2026', '']) {
      expect(errorOf(() => calendar.isWorkingDay(day)).code).toBe('INVALID_DATE');
    }
  });

  it('refuses data that contradicts itself', () => {
    const year = (workingWeekend: string, holiday = '2026-01-01'): CalendarData => ({
      '2026': { source: 'test', holidays: [{ date: holiday, name: 'x' }], workingWeekends: [{ date: workingWeekend }] },
    });
    expect(errorOf(() => new WorkingDayCalendar(year('2026-01-05'))).code).toBe('INVALID_CALENDAR_DATA');
    expect(errorOf(() => new WorkingDayCalendar(year('2026-01-10', '2026-01-10'))).code).toBe('INVALID_CALENDAR_DATA');
    expect(errorOf(() => new WorkingDayCalendar(year('2026-01-10', '2025-12-31'))).code).toBe('INVALID_CALENDAR_DATA');
    expect(errorOf(() => new WorkingDayCalendar(year('2026-01-10', '2026-13-01'))).code).toBe('INVALID_CALENDAR_DATA');
  });
});

describe('Vietnam time', () => {
  it('is UTC+7 all year', () => {
    expect(vietnamDate(new Date('2026-02-16T16:59:59Z'))).toBe('2026-02-16');
    expect(vietnamDate(new Date('2026-02-16T17:00:00Z'))).toBe('2026-02-17');
    expect(vietnamDate(new Date('2026-07-01T17:00:00Z'))).toBe('2026-07-02');
  });

  it('gives the minutes since local midnight', () => {
    expect(vietnamTime(local('2026-03-02T15:01'))).toEqual({ date: '2026-03-02', minutes: 901 });
    expect(vietnamTime(local('2026-03-02T00:00'))).toEqual({ date: '2026-03-02', minutes: 0 });
  });
});

describe('the day a received file counts from (Decree 63/2024: after 15:00 → next working day)', () => {
  it('is the same working day at 14:59 and the next at 15:01', () => {
    expect(receivedWorkingDay(calendar, local('2026-03-02T14:59'))).toBe('2026-03-02');
    expect(receivedWorkingDay(calendar, local('2026-03-02T15:01'))).toBe('2026-03-03');
  });

  it('still counts 15:00 sharp as the same day', () => {
    expect(receivedWorkingDay(calendar, local('2026-03-02T15:00'))).toBe('2026-03-02');
  });

  it('moves a Friday afternoon file to Monday', () => {
    expect(receivedWorkingDay(calendar, local('2026-03-06T15:30'))).toBe('2026-03-09');
  });

  it('moves a file received on a holiday or weekend to the next working day', () => {
    expect(receivedWorkingDay(calendar, local('2025-09-02T09:00'))).toBe('2025-09-03');
    expect(receivedWorkingDay(calendar, local('2026-02-18T08:00'))).toBe('2026-02-23');
    expect(receivedWorkingDay(calendar, local('2026-03-07T08:00'))).toBe('2026-03-09');
  });

  it('uses the Vietnam date, not the UTC date, just after local midnight', () => {
    expect(receivedWorkingDay(calendar, new Date('2026-03-01T17:30:00Z'))).toBe('2026-03-02');
  });

  it('honours another cutoff', () => {
    expect(receivedWorkingDay(calendar, local('2026-03-02T16:30'), 17 * 60)).toBe('2026-03-02');
  });
});
