/** The kernel: types and rules every module shares, free of storage and transport. */

export {
  type CalendarData,
  type CalendarYear,
  type HolidayEntry,
  receivedWorkingDay,
  vietnamCalendar,
  vietnamDate,
  vietnamTime,
  WorkingDayCalendar,
  type WorkingWeekendEntry,
} from './calendar.ts';
export { type Clock, ManualClock, systemClock } from './clock.ts';
export { DomainError, type ErrorDetails, isDomainError } from './errors.ts';
export {
  birthProvinceCodes,
  checkPersonalIdConsistency,
  type DecodedPersonalId,
  decodePersonalId,
  formatPersonalId,
  generatePersonalId,
  isBirthProvinceCode,
  maskPersonalId,
  type PersonalId,
  type PersonalIdRejection,
  parsePersonalId,
  type Sex,
  tryParsePersonalId,
} from './personal-id.ts';
export { foldText, splitVietnameseName, toNfc, type VietnameseNameParts } from './text.ts';
