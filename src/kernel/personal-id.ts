/**
 * Số định danh cá nhân — the 12-digit personal identification number, `PPP G YY RRRRRR`
 * (Decree 137/2015 Art. 13, Circular 07/2016 Art. 7, Law on Identification 2023 Art. 12). It is also the number
 * of the identity card. There is no check digit: a number is valid when its structure, province code and century
 * digit are, and it is consistent with the date of birth and sex on record.
 */

import provinces from './data/birth-provinces.json' with { type: 'json' };
import { DomainError } from './errors.ts';

/** A string that {@link parsePersonalId} has checked. Only the parser and the generator make one. */
export type PersonalId = string & { readonly __brand: 'PersonalId' };

/** Giới tính — sex as encoded in the century digit. */
export type Sex = 'male' | 'female';

/** Why a string is not a personal identification number; found in `DomainError.details.reason`. */
export type PersonalIdRejection = 'length' | 'non_digit' | 'unknown_province' | 'century';

/** What the digits of a personal identification number say about its holder. */
export interface DecodedPersonalId {
  /** `PPP`: province (or country) where the birth was registered. */
  readonly provinceCode: string;
  /** `G`: century and sex. */
  readonly centuryDigit: number;
  readonly birthYear: number;
  readonly sex: Sex;
  /** `RRRRRR`: the six random digits. */
  readonly serial: string;
}

const ID_LENGTH = 12;
const FIRST_CENTURY = 1900;

/**
 * The century digit covers 1900s (0/1) to 2300s (8/9). Only 0–5 (births 1900–2199) are accepted: nobody alive was
 * born before 1900, and a registry must keep issuing numbers past 1 January 2100, but a birth in the 2200s or
 * later belongs to no one who can hold a number today or in any plausible lifetime of this system, so such a
 * digit is a typing error.
 */
const MAX_CENTURY_DIGIT = 5;
const LAST_BIRTH_YEAR = FIRST_CENTURY + 100 * (Math.floor(MAX_CENTURY_DIGIT / 2) + 1) - 1;

const provinceNames: ReadonlyMap<string, string> = new Map(provinces.map((p) => [p.code, p.name]));

/**
 * The province codes of birth registration (`PPP`) with their names: the 63 provinces as they were before the 2025
 * merger. The codes that births registered after the merger receive, and the country codes used for births
 * abroad, are not published; they are data in `data/birth-provinces.json`, to be extended there, never in code.
 *
 * @example birthProvinceCodes().get('001') // 'Hà Nội'
 */
export function birthProvinceCodes(): ReadonlyMap<string, string> {
  return provinceNames;
}

/** True when `code` is a known province code of birth registration (see {@link birthProvinceCodes}). */
export function isBirthProvinceCode(code: string): boolean {
  return provinceNames.has(code);
}

function reject(reason: PersonalIdRejection, message: string): never {
  // The input is never echoed: it is personal data and errors end up in logs.
  throw new DomainError('INVALID_PERSONAL_ID', message, { reason });
}

/**
 * Checks a personal identification number and brands it.
 *
 * Surrounding whitespace is trimmed; nothing else is forgiven (no inner spaces, no dashes).
 *
 * @throws DomainError `INVALID_PERSONAL_ID` with `details.reason`: `non_digit` (a character other than 0–9),
 *   `length` (not 12 digits), `unknown_province` (first three digits not in {@link birthProvinceCodes}) or
 *   `century` (fourth digit 6–9, a birth in the 2200s or later).
 * @example parsePersonalId(' 001095012345 ') // '001095012345'
 */
export function parsePersonalId(input: string): PersonalId {
  const value = input.trim();
  const nonDigit = value.search(/[^0-9]/);
  if (nonDigit >= 0) {
    reject(
      'non_digit',
      `A personal identification number has only the digits 0–9; character ${nonDigit + 1} is not a digit.`,
    );
  }
  if (value.length !== ID_LENGTH) {
    reject('length', `A personal identification number has exactly ${ID_LENGTH} digits; this one has ${value.length}.`);
  }
  if (!isBirthProvinceCode(value.slice(0, 3))) {
    reject(
      'unknown_province',
      'The first three digits of a personal identification number must be the code of a province of birth registration; check them against the identity card.',
    );
  }
  if (Number(value[3]) > MAX_CENTURY_DIGIT) {
    reject(
      'century',
      `The fourth digit of a personal identification number (century and sex) must be 0–${MAX_CENTURY_DIGIT}, for a birth from ${FIRST_CENTURY} to ${LAST_BIRTH_YEAR}.`,
    );
  }
  return value as PersonalId;
}

/**
 * Like {@link parsePersonalId} but returns `undefined` instead of throwing.
 *
 * @example tryParsePersonalId('abc') // undefined
 */
export function tryParsePersonalId(input: string): PersonalId | undefined {
  try {
    return parsePersonalId(input);
  } catch {
    return undefined;
  }
}

/**
 * Reads province, birth year and sex from the digits: `year = 1900 + 100 * floor(G / 2) + YY`, male when `G` is
 * even (Circular 07/2016 Art. 7).
 *
 * @example decodePersonalId(parsePersonalId('079301000123')).birthYear // 2001 (female, TP Hồ Chí Minh)
 */
export function decodePersonalId(id: PersonalId): DecodedPersonalId {
  const centuryDigit = Number(id.slice(3, 4));
  return {
    provinceCode: id.slice(0, 3),
    centuryDigit,
    birthYear: FIRST_CENTURY + 100 * Math.floor(centuryDigit / 2) + Number(id.slice(4, 6)),
    sex: centuryDigit % 2 === 0 ? 'male' : 'female',
    serial: id.slice(6),
  };
}

/**
 * Compares what the number encodes with the birth year and sex on record; an empty list means they agree.
 * Used by data-quality checks: a mismatch means one of the two is wrong, not which.
 *
 * @example checkPersonalIdConsistency(id, { birthYear: 1995, sex: 'female' }) // ['sex'] for 001095…
 */
export function checkPersonalIdConsistency(
  id: PersonalId,
  record: { readonly birthYear: number; readonly sex: Sex },
): Array<'birth_year' | 'sex'> {
  const decoded = decodePersonalId(id);
  const mismatches: Array<'birth_year' | 'sex'> = [];
  if (decoded.birthYear !== record.birthYear) mismatches.push('birth_year');
  if (decoded.sex !== record.sex) mismatches.push('sex');
  return mismatches;
}

/**
 * Masks every personal ID number (a run of exactly twelve digits) and every former identity-card number (a
 * run of exactly nine digits, CMND) in `text`, keeping the first three and last two digits (`001*******45`,
 * `123****89`), so that a log line can say which province and which record without carrying personal data.
 * Digit runs of other lengths are left alone.
 *
 * @example maskPersonalId('id=001095012345') // 'id=001*******45'
 */
export function maskPersonalId(text: string): string {
  return text.replace(/(?<![0-9])(?:[0-9]{12}|[0-9]{9})(?![0-9])/g, (digits) => {
    return `${digits.slice(0, 3)}${'*'.repeat(digits.length - 5)}${digits.slice(-2)}`;
  });
}

/**
 * Formats a personal identification number for display or logs.
 *
 * @param options.mask mask the middle seven digits (default `true`: logs must carry no personal data, so the full
 *   number is shown only when a caller asks for it, e.g. to its holder).
 * @example formatPersonalId(id) // '001*******45'
 */
export function formatPersonalId(id: PersonalId, options: { readonly mask?: boolean } = {}): string {
  return options.mask === false ? id : maskPersonalId(id);
}

/**
 * Makes a new personal identification number, as birth registration does. Randomness is passed in so that
 * tests can repeat a run; the caller must still check the number is not already taken.
 *
 * @param random returns values in [0, 1), like `Math.random` (use a cryptographic source in production).
 * @throws DomainError `INVALID_PERSONAL_ID` with `details.reason` `unknown_province` (province code not in
 *   {@link birthProvinceCodes}) or `century` (birth year not a whole year from 1900 to 2199).
 * @throws RangeError when `random` returns a value outside [0, 1).
 * @example generatePersonalId(Math.random, { provinceCode: '001', birthYear: 2025, sex: 'female' }) // '001325……'
 */
export function generatePersonalId(
  random: () => number,
  person: { readonly provinceCode: string; readonly birthYear: number; readonly sex: Sex },
): PersonalId {
  if (!isBirthProvinceCode(person.provinceCode)) {
    reject(
      'unknown_province',
      'The province code of birth registration is not known; use a code from the province table.',
    );
  }
  const { birthYear } = person;
  if (!Number.isInteger(birthYear) || birthYear < FIRST_CENTURY || birthYear > LAST_BIRTH_YEAR) {
    reject(
      'century',
      `A personal identification number can be made only for a birth year from ${FIRST_CENTURY} to ${LAST_BIRTH_YEAR}.`,
    );
  }
  const sinceFirst = birthYear - FIRST_CENTURY;
  const centuryDigit = 2 * Math.floor(sinceFirst / 100) + (person.sex === 'female' ? 1 : 0);
  const yy = String(sinceFirst % 100).padStart(2, '0');
  return `${person.provinceCode}${centuryDigit}${yy}${randomDigits(random, 6)}` as PersonalId;
}

function randomDigits(random: () => number, count: number): string {
  let digits = '';
  for (let i = 0; i < count; i++) {
    const r = random();
    if (!(r >= 0 && r < 1)) throw new RangeError(`random() must return a number in [0, 1); got ${r}`);
    digits += String(Math.floor(r * 10));
  }
  return digits;
}
