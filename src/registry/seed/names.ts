/**
 * Vietnamese names for the synthetic population: family names by the frequencies of DOMAIN.md §9, middle
 * and given names by sex, with the generational drift of the middle names Văn and Thị (near universal for
 * people born before 1970, a minority among children today). All text is NFC; each part carries its folded
 * form, so that the folded full name is a join rather than a Unicode normalisation per person.
 */
import { foldText, type Sex, toNfc } from '../../kernel/index.ts';
import data from './data/names.json' with { type: 'json' };
import { type Random, Weighted } from './random.ts';

/** A name part with its search key. */
export interface NamePart {
  readonly text: string;
  readonly folded: string;
}

/** A full name in its three parts (the middle part may be empty). */
export interface PersonName {
  readonly family: NamePart;
  readonly middle: NamePart;
  readonly given: NamePart;
}

/** Where a person was born decides between the northern and southern spelling of two common names. */
export type Region = 'north' | 'south';

const EMPTY: NamePart = { text: '', folded: '' };

function part(text: string): NamePart {
  const nfc = toNfc(text);
  return { text: nfc, folded: foldText(nfc) };
}

/**
 * DOMAIN.md §9, in percent, in data/names.json. Hoàng/Huỳnh and Vũ/Võ are one name spelled two ways: the
 * southern spelling is drawn mostly for people born in the south (from Đà Nẵng on), the northern one elsewhere.
 * The remaining 9.9 % go to less common family names, a few compound (Hoàng Phủ, DOMAIN.md §9).
 */
const FAMILY_NAMES = data.familyNames.map(({ name, share }) => [name, share] as const);
const COMPOUND_FAMILY_NAMES = data.compoundFamilyNames.map(({ name, share }) => [name, share] as const);
const OTHER_FAMILY_NAMES = data.otherFamilyNames;
const OTHER_SHARE = 100 - [...FAMILY_NAMES, ...COMPOUND_FAMILY_NAMES].reduce((sum, [, share]) => sum + share, 0);

/** A Zipf-like weighting: the first names of each list are the most common. */
function zipf(names: readonly string[], shift = 4): Weighted<NamePart> {
  return new Weighted(names.map((name, i) => [part(name), 1 / (i + shift)] as const));
}

const familyTable = new Weighted<string>([
  ...FAMILY_NAMES,
  ...OTHER_FAMILY_NAMES.map(
    (name, i) => [name, (OTHER_SHARE * (1 / (i + 3))) / harmonic(OTHER_FAMILY_NAMES.length, 3)] as const,
  ),
  ...COMPOUND_FAMILY_NAMES,
]);
const familyParts = new Map<string, NamePart>();
const maleMiddle = zipf(data.middle.male);
const femaleMiddle = zipf(data.middle.female);
const maleGiven = zipf(data.given.male, 8);
const femaleGiven = zipf(data.given.female, 8);
const VAN = part('Văn');
const THI = part('Thị');
const afterThi = data.middle.afterThi.map((word) => part(`Thị ${word}`));

function harmonic(n: number, shift: number): number {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += 1 / (i + shift);
  return sum;
}

function familyPart(text: string): NamePart {
  let found = familyParts.get(text);
  if (!found) {
    found = part(text);
    familyParts.set(text, found);
  }
  return found;
}

/** A family name by the national frequencies, spelled as in the region of birth. */
export function drawFamilyName(random: Random, region: Region): NamePart {
  const drawn = familyTable.pick(random);
  const slash = drawn.indexOf('/');
  if (slash < 0) return familyPart(drawn);
  const southern = region === 'south' ? random.chance(0.75) : random.chance(0.05);
  return familyPart(southern ? drawn.slice(slash + 1) : drawn.slice(0, slash));
}

/** Share of people with the middle name Văn (men) or Thị (women), by year of birth. */
function traditionalShare(sex: Sex, birthYear: number): number {
  const shares = sex === 'male' ? [0.6, 0.4, 0.2, 0.08] : [0.8, 0.55, 0.3, 0.12];
  const index = birthYear < 1970 ? 0 : birthYear < 1990 ? 1 : birthYear < 2005 ? 2 : 3;
  return shares[index] as number;
}

/** Middle and given name for a person of this sex born in this year; about 1.5 % have no middle name. */
export function drawOwnNames(random: Random, sex: Sex, birthYear: number): { middle: NamePart; given: NamePart } {
  const given = (sex === 'male' ? maleGiven : femaleGiven).pick(random);
  if (random.chance(0.015)) return { middle: EMPTY, given };
  if (random.chance(traditionalShare(sex, birthYear))) {
    if (sex === 'male') return { middle: VAN, given };
    return { middle: random.chance(0.1) ? random.pick(afterThi) : THI, given };
  }
  let middle = (sex === 'male' ? maleMiddle : femaleMiddle).pick(random);
  // Avoid "Ngọc Ngọc": draw once more when middle and given names coincide.
  if (middle.text === given.text) middle = (sex === 'male' ? maleMiddle : femaleMiddle).pick(random);
  return { middle, given };
}

/** The full name in Vietnamese order and its folded key (equal to `foldText(full)`). */
export function fullName(name: PersonName): { full: string; folded: string } {
  if (name.middle.text === '') {
    return { full: `${name.family.text} ${name.given.text}`, folded: `${name.family.folded} ${name.given.folded}` };
  }
  return {
    full: `${name.family.text} ${name.middle.text} ${name.given.text}`,
    folded: `${name.family.folded} ${name.middle.folded} ${name.given.folded}`,
  };
}
