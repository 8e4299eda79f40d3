/**
 * The people of one synthetic household before they get numbers and rows: who they are (sex, date of birth,
 * names, origin) and how they are related (parents, spouse). The household kinds are built in
 * households.ts from the pieces here, which keep the family rules: parents 18 to 45 years older than their
 * children, husbands at least 20 and wives at least 18 at marriage (Law on Marriage and Family 2014, Art. 8),
 * spouses of similar age, children born after the marriage and by today.
 */
import type { Sex } from '../../kernel/index.ts';
import { drawBloodGroup, drawEthnicity, drawReligion } from './attributes.ts';
import { addYears, type Day, yearOf, yearsBetween, yearsInDays } from './days.ts';
import { drawFamilyName, drawOwnNames, type NamePart } from './names.ts';
import type { Places } from './places.ts';
import { type Random, Weighted } from './random.ts';

export type MaritalStatus = 'single' | 'married' | 'divorced' | 'widowed';

/** A member of a household being built; indexes point into the household's member list (-1: none). */
export interface Member {
  readonly sex: Sex;
  readonly birth: Day;
  family: NamePart;
  readonly middle: NamePart;
  readonly given: NamePart;
  /** Province code (PPP) of the birth registration. */
  readonly birthCode: string;
  hometown: string;
  ethnicity: string;
  religion: string;
  readonly bloodGroup: 'A' | 'B' | 'AB' | 'O' | null;
  father: number;
  mother: number;
  spouse: number;
  /** Day of the marriage to `spouse` (NaN when unmarried). */
  marriedOn: Day;
  marital: MaritalStatus;
  /** Set on the second of two siblings sharing a household: the index of the other. */
  siblingOf: number;
}

/** What every builder needs: the day the population is generated for, the map, the household's province. */
export interface BuildContext {
  readonly random: Random;
  readonly places: Places;
  readonly today: Day;
  /** Province code (PPP) of the household's home. */
  readonly homeCode: string;
}

/** Years the husband is older than the wife (negative: younger), by how often such couples are seen. */
const AGE_GAP = new Weighted<number>([
  [-2, 3],
  [-1, 5],
  [0, 10],
  [1, 14],
  [2, 16],
  [3, 15],
  [4, 12],
  [5, 9],
  [6, 6],
  [7, 4],
  [8, 3],
  [10, 2],
]);

export const MARRIAGE_AGE: Readonly<Record<Sex, number>> = { male: 20, female: 18 };
/** Parents are between 18 and 45 years older than their children. */
export const MIN_PARENT_AGE = 18;
export const MAX_PARENT_AGE = 45;
/** Mothers are at most 44 at a birth in this population (the father may be up to 45). */
const MAX_MOTHER_AGE = 44;

/** A date of birth for someone aged between `minAge` and `maxAge` today. */
export function birthForAge(context: BuildContext, minAge: number, maxAge: number): Day {
  const age = context.random.between(minAge, maxAge);
  return addYears(context.today, -age) - context.random.int(365);
}

/** A person founding or joining the household: own names, origin and attributes. */
export function person(
  context: BuildContext,
  sex: Sex,
  birth: Day,
  origin: { birthCode?: string; family?: NamePart; hometown?: string; ethnicity?: string; religion?: string } = {},
): Member {
  const { random, places } = context;
  const birthCode = origin.birthCode ?? (random.chance(0.8) ? context.homeCode : places.drawProvince(random));
  const { middle, given } = drawOwnNames(random, sex, yearOf(birth));
  return {
    sex,
    birth,
    family: origin.family ?? drawFamilyName(random, places.regionOf(birthCode)),
    middle,
    given,
    birthCode,
    hometown: origin.hometown ?? drawHometown(context, birthCode),
    ethnicity: origin.ethnicity ?? drawEthnicity(random),
    religion: origin.religion ?? drawReligion(random),
    bloodGroup: drawBloodGroup(random),
    father: -1,
    mother: -1,
    spouse: -1,
    marriedOn: Number.NaN,
    marital: 'single',
    siblingOf: -1,
  };
}

/** Quê quán: a commune of the province of birth mostly, written with the pre-2025 names. */
export function drawHometown(context: BuildContext, birthCode: string): string {
  const { random, places } = context;
  const code = random.chance(0.85) ? birthCode : places.drawProvince(random);
  return places.drawCommune(random, code, 'pre2025').label;
}

/** A date of birth for the spouse of someone born on `birth`: husbands mostly a few years older. */
export function spouseBirth(context: BuildContext, birth: Day, sex: Sex): Day {
  const gap = yearsInDays(AGE_GAP.pick(context.random)) + context.random.between(-180, 180);
  return sex === 'female' ? birth - gap : birth + gap;
}

/**
 * Marries two members: the earliest day both are of marriage age plus a few years, or undefined when that
 * day has not come yet.
 */
export function marry(context: BuildContext, members: Member[], a: number, b: number): Day | undefined {
  const first = members[a] as Member;
  const second = members[b] as Member;
  const earliest = Math.max(
    addYears(first.birth, MARRIAGE_AGE[first.sex]),
    addYears(second.birth, MARRIAGE_AGE[second.sex]),
  );
  if (earliest > context.today) return undefined;
  const { random } = context;
  const delay = random.int(yearsInDays(4)) + random.int(yearsInDays(5));
  const marriedOn = Math.min(earliest + delay, context.today);
  first.spouse = b;
  second.spouse = a;
  first.marriedOn = second.marriedOn = marriedOn;
  first.marital = second.marital = 'married';
  return marriedOn;
}

/**
 * Dates of birth of up to `wanted` children of these parents, from `from` (the marriage) until today and
 * while both parents are of an age to have them.
 */
export function childBirths(
  context: BuildContext,
  parents: { mother?: Member; father?: Member },
  from: Day,
  wanted: number,
): Day[] {
  const { mother, father } = parents;
  const { random } = context;
  let low = from + random.between(180, 700);
  let high = context.today;
  for (const parent of [mother, father]) {
    if (!parent) continue;
    low = Math.max(low, addYears(parent.birth, MIN_PARENT_AGE));
    high = Math.min(high, addYears(parent.birth, parent === mother ? MAX_MOTHER_AGE : MAX_PARENT_AGE));
  }
  const births: Day[] = [];
  let next = low + random.int(yearsInDays(2));
  while (births.length < wanted && next <= high) {
    births.push(next);
    next += yearsInDays(1.5) + random.int(yearsInDays(5));
  }
  return births;
}

/**
 * Adds a child of the given parents (indexes, or -1 for a parent not in the household). The child takes the
 * family name, hometown, ethnicity and religion of `lineage`: the father by default, else the mother.
 */
export function addChild(
  context: BuildContext,
  members: Member[],
  birth: Day,
  mother: number,
  father: number,
  lineage: Member | undefined = members[father] ?? members[mother],
): number {
  const { random } = context;
  const sexOfChild: Sex = random.chance(0.53) ? 'male' : 'female';
  const birthCode = random.chance(0.9) ? context.homeCode : (members[mother]?.birthCode ?? context.homeCode);
  const child = person(context, sexOfChild, birth, {
    birthCode,
    ...(lineage
      ? {
          family: lineage.family,
          hometown: lineage.hometown,
          ethnicity: lineage.ethnicity,
          religion: lineage.religion,
        }
      : {}),
  });
  child.mother = mother;
  child.father = father;
  members.push(child);
  return members.length - 1;
}

/** Children aged 24 and over have often, and from 32 always, left to found their own household. */
export function stillAtHome(context: BuildContext, birth: Day): boolean {
  const age = yearsBetween(birth, context.today);
  return age < 24 || (age < 32 && context.random.chance(0.5));
}

/** How many children a couple wants: mostly two (2019 census: total fertility about 2.1). */
export const CHILDREN_WANTED = new Weighted<number>([
  [1, 22],
  [2, 45],
  [3, 21],
  [4, 8],
  [5, 4],
]);
