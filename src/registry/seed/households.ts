/**
 * The kinds of household the synthetic population is made of, in shares that give the census picture: a
 * mean size of about 3.5, one person living alone in about one household in eight, married couples with
 * their children as the common case, and three generations under one roof in about one in six.
 */
import { addYears, type Day, yearsInDays } from './days.ts';
import {
  addChild,
  type BuildContext,
  birthForAge,
  CHILDREN_WANTED,
  childBirths,
  type Member,
  marry,
  person,
  spouseBirth,
  stillAtHome,
} from './family.ts';
import { Weighted } from './random.ts';

export type HouseholdKind = 'single' | 'couple' | 'nuclear' | 'single_parent' | 'three_generations' | 'siblings';

/** A household's people, its head and the day it was established. */
export interface Draft {
  readonly kind: HouseholdKind;
  readonly members: Member[];
  readonly head: number;
  readonly established: Day;
}

export const HOUSEHOLD_KINDS = new Weighted<HouseholdKind>([
  ['single', 9],
  ['couple', 10],
  ['nuclear', 53],
  ['single_parent', 6],
  ['three_generations', 19],
  ['siblings', 3],
]);

export function buildHousehold(context: BuildContext, kind: HouseholdKind): Draft {
  switch (kind) {
    case 'single':
      return single(context);
    case 'couple':
      return couple(context);
    case 'nuclear':
      return nuclear(context, 22, 56);
    case 'single_parent':
      return singleParent(context);
    case 'three_generations':
      return threeGenerations(context);
    case 'siblings':
      return siblings(context);
  }
}

/** A couple with their children, the wife aged `minAge` to `maxAge` (also the household the data-quality cases use). */
export function nuclear(context: BuildContext, minAge: number, maxAge: number): Draft {
  const { random } = context;
  const members: Member[] = [];
  const wifeBirth = birthForAge(context, minAge, maxAge);
  const wife = person(context, 'female', wifeBirth);
  const husband = person(context, 'male', spouseBirth(context, wifeBirth, 'female'), {
    ethnicity: random.chance(0.95) ? wife.ethnicity : undefined,
    religion: wife.religion,
  });
  members.push(husband, wife);
  const marriedOn = marry(context, members, 0, 1);
  if (marriedOn === undefined) return single(context);
  for (const birth of childBirths(
    context,
    { mother: wife, father: husband },
    marriedOn,
    CHILDREN_WANTED.pick(random),
  )) {
    if (stillAtHome(context, birth)) addChild(context, members, birth, 1, 0);
  }
  const head = random.chance(0.78) ? 0 : 1;
  return { kind: 'nuclear', members, head, established: settle(context, marriedOn, 2) };
}

/** A young couple without children yet, or an elderly one whose children have left. */
function couple(context: BuildContext): Draft {
  const { random } = context;
  const young = random.chance(0.4);
  const wifeBirth = young ? birthForAge(context, 20, 30) : birthForAge(context, 55, 82);
  const wife = person(context, 'female', wifeBirth);
  const husband = person(context, 'male', spouseBirth(context, wifeBirth, 'female'), { religion: wife.religion });
  const members = [husband, wife];
  const marriedOn = marry(context, members, 0, 1);
  if (marriedOn === undefined) return single(context);
  return { kind: 'couple', members, head: random.chance(0.8) ? 0 : 1, established: settle(context, marriedOn, 2) };
}

/** One person: a young adult, or an older one who is widowed, divorced or never married. */
function single(context: BuildContext): Draft {
  const { random } = context;
  const band = random.float();
  const birth =
    band < 0.5
      ? birthForAge(context, 18, 35)
      : band < 0.7
        ? birthForAge(context, 36, 59)
        : birthForAge(context, 60, 88);
  const one = person(context, random.chance(0.5) ? 'male' : 'female', birth);
  const age = band < 0.5 ? 'young' : band < 0.7 ? 'middle' : 'old';
  if (age === 'old') one.marital = random.chance(0.7) ? 'widowed' : random.chance(0.5) ? 'divorced' : 'single';
  else if (age === 'middle') one.marital = random.chance(0.4) ? 'divorced' : random.chance(0.2) ? 'widowed' : 'single';
  return { kind: 'single', members: [one], head: 0, established: settle(context, addYears(birth, 18), 40) };
}

/** A mother (mostly) or father with children and no spouse in the household. */
function singleParent(context: BuildContext): Draft {
  const { random } = context;
  const sex = random.chance(0.8) ? 'female' : 'male';
  const birth = birthForAge(context, 24, 55);
  const parent = person(context, sex, birth);
  parent.marital = random.chance(0.45) ? 'divorced' : random.chance(0.45) ? 'widowed' : 'single';
  const members = [parent];
  const from = addYears(birth, 18) + random.int(yearsInDays(6));
  const parents = sex === 'female' ? { mother: parent } : { father: parent };
  for (const childBirth of childBirths(context, parents, from, random.between(1, 3))) {
    if (stillAtHome(context, childBirth))
      addChild(context, members, childBirth, sex === 'female' ? 0 : -1, sex === 'male' ? 0 : -1);
  }
  return { kind: 'single_parent', members, head: 0, established: settle(context, from, 6) };
}

/**
 * Grandparents (one or both), their adult child — a son mostly — with a spouse, and grandchildren. The head
 * is a grandparent, or the son, daughter or son-in-law of the house.
 */
function threeGenerations(context: BuildContext): Draft {
  const { random } = context;
  const grandmotherBirth = birthForAge(context, 56, 82);
  const grandmother = person(context, 'female', grandmotherBirth);
  const grandfather = person(context, 'male', spouseBirth(context, grandmotherBirth, 'female'), {
    religion: grandmother.religion,
  });
  const pair = [grandfather, grandmother];
  const marriedOn = marry(context, pair, 0, 1);
  if (marriedOn === undefined) return single(context);
  // In half of these households one grandparent has died or lives elsewhere, more often the grandfather.
  const presence = random.float();
  const members = presence < 0.5 ? pair : presence < 0.85 ? [grandmother] : [grandfather];
  if (members.length === 1) widow(members[0] as Member);
  const [childBirth] = childBirths(context, { mother: grandmother, father: grandfather }, marriedOn, 1);
  const established = settle(context, marriedOn, 3);
  if (childBirth === undefined) return { kind: 'three_generations', members, head: 0, established };
  const child = addChild(
    context,
    members,
    childBirth,
    members.indexOf(grandmother),
    members.indexOf(grandfather),
    grandfather,
  );
  const adult = members[child] as Member;
  members.push(
    person(context, adult.sex === 'male' ? 'female' : 'male', spouseBirth(context, adult.birth, adult.sex), {
      religion: adult.religion,
    }),
  );
  const spouse = members.length - 1;
  const childMarriedOn = marry(context, members, child, spouse);
  if (childMarriedOn === undefined) {
    members.pop();
    return { kind: 'three_generations', members, head: 0, established };
  }
  const [mother, father] = adult.sex === 'female' ? [child, spouse] : [spouse, child];
  const parents = { mother: members[mother] as Member, father: members[father] as Member };
  for (const birth of childBirths(context, parents, childMarriedOn, CHILDREN_WANTED.pick(random))) {
    if (stillAtHome(context, birth)) addChild(context, members, birth, mother, father);
  }
  if (random.chance(0.4)) return { kind: 'three_generations', members, head: 0, established };
  const head = adult.sex === 'male' || random.chance(0.4) ? child : spouse;
  return { kind: 'three_generations', members, head, established: settle(context, childMarriedOn, 2) };
}

/** A grandparent whose spouse is not in the household: widowed. */
function widow(member: Member): void {
  member.spouse = -1;
  member.marriedOn = Number.NaN;
  member.marital = 'widowed';
}

/** Two adult siblings sharing a home. */
function siblings(context: BuildContext): Draft {
  const { random } = context;
  const olderBirth = birthForAge(context, 22, 40);
  const older = person(context, random.chance(0.5) ? 'male' : 'female', olderBirth);
  const youngerBirth = Math.min(olderBirth + random.between(400, yearsInDays(8)), addYears(context.today, -18));
  const younger = person(context, random.chance(0.5) ? 'male' : 'female', Math.max(youngerBirth, olderBirth + 300), {
    birthCode: older.birthCode,
    family: older.family,
    hometown: older.hometown,
    ethnicity: older.ethnicity,
    religion: older.religion,
  });
  younger.siblingOf = 0;
  return {
    kind: 'siblings',
    members: [older, younger],
    head: 0,
    established: settle(context, addYears(younger.birth, 18), 6),
  };
}

/** A day from `from` to `years` later, not after today. */
function settle(context: BuildContext, from: Day, years: number): Day {
  const span = Math.max(0, Math.min(yearsInDays(years), context.today - from));
  return Math.min(from + context.random.int(span + 1), context.today);
}
