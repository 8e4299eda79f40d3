/**
 * What happened to a household after it was formed: each member's relationship to the head and the day they
 * joined, the rare adult under a court's capacity ruling with a legal representative, and deaths — with the
 * consequences the registry's death procedure has (Decree 63/2024): the membership ends, a head is
 * replaced by the spouse or the eldest capable member, a surviving spouse is widowed. The planted legacy
 * errors (dirty.ts) skip part of those consequences on purpose.
 */
import type { HouseholdRelationship } from '../model.ts';
import { addYears, type Day, dayOf, yearsBetween, yearsInDays } from './days.ts';
import type { DirtyCase } from './dirty.ts';
import type { Member } from './family.ts';
import type { Draft } from './households.ts';
import type { Random } from './random.ts';

export type Capacity = 'full' | 'restricted' | 'lost';

/** A member's life in the household. */
export interface Life {
  readonly relationship: HouseholdRelationship;
  readonly joinedOn: Day;
  capacity: Capacity;
  /** The member who represents this one in law (-1: none), from `representedFrom`. */
  representative: number;
  representedFrom: Day;
  /** Day of death, NaN while alive. */
  death: Day;
  /** Day this member became head after the head died (NaN: never). */
  becameHeadOn: Day;
}

/** The household with its members' lives, ready to become rows. */
export interface Finished extends Draft {
  readonly lives: Life[];
  /** Day the last member died (the household is dissolved), NaN while anyone lives. */
  readonly dissolvedOn: Day;
  /** The legacy error actually planted (a planned one can be impossible in a given household). */
  readonly dirty: DirtyCase | undefined;
}

const ADULT_AGE = 18;
/** Deaths in the population are recent: the registry has kept them since it was built. */
const DEATHS_WITHIN_YEARS = 8;
/** By this day every adult of the population who holds a card has one (first cards: 2021 to mid-2022). */
const ALL_CARDS_ISSUED_BY = dayOf('2023-01-01');

/**
 * Settles a household's lives as of `today`: relationships, joining days, capacity rulings, then either the
 * planted legacy error (dirty.ts) or, by chance, one natural death.
 */
export function finishHousehold(random: Random, draft: Draft, today: Day, planned: DirtyCase | undefined): Finished {
  const { members, head, established } = draft;
  const lives: Life[] = members.map((_, i) => ({
    relationship: relationshipToHead(members, head, i),
    joinedOn: joinedOn(members, head, i, established),
    capacity: 'full',
    representative: -1,
    representedFrom: Number.NaN,
    death: Number.NaN,
    becameHeadOn: Number.NaN,
  }));
  assignCapacity(random, members, lives, head, today);
  let dirty: DirtyCase | undefined;
  if (planned === 'deceased_head') {
    if (die(random, members, lives, head, today, { keepHead: true })) dirty = planned;
  } else if (planned === 'deceased_valid_card') {
    const spouse = (members[head] as Member).spouse;
    if (spouse >= 0 && die(random, members, lives, spouse, today, { notBefore: ALL_CARDS_ISSUED_BY })) dirty = planned;
  } else if (planned === 'duplicate_pair') {
    dirty = planned;
  } else {
    naturalDeath(random, members, lives, today);
  }
  const alive = lives.filter((life) => Number.isNaN(life.death));
  const dissolvedOn =
    alive.length === 0 && dirty !== 'deceased_head' ? Math.max(...lives.map((life) => life.death)) : Number.NaN;
  return { ...draft, lives, dissolvedOn, dirty };
}

/** Quan hệ với chủ hộ, read from the family links. */
function relationshipToHead(members: readonly Member[], head: number, i: number): HouseholdRelationship {
  if (i === head) return 'head';
  const m = members[i] as Member;
  const h = members[head] as Member;
  if (m.spouse === head) return 'spouse';
  if (m.father === head || m.mother === head) return 'child';
  if (h.father === i || h.mother === i) return 'parent';
  const isChildOfHead = (j: number) => j >= 0 && (members[j]?.father === head || members[j]?.mother === head);
  if (isChildOfHead(m.father) || isChildOfHead(m.mother)) return 'grandchild';
  if (isChildOfHead(m.spouse)) return 'child_in_law';
  if (m.siblingOf === head || h.siblingOf === i) return 'sibling';
  return 'other_relative';
}

/** The founders join when the household is established; children at birth; a spouse at the marriage. */
function joinedOn(members: readonly Member[], head: number, i: number, established: Day): Day {
  if (i === head) return established;
  const m = members[i] as Member;
  const day = Math.max(established, m.birth);
  const relationship = relationshipToHead(members, head, i);
  return relationship === 'spouse' || relationship === 'child_in_law' ? Math.max(day, m.marriedOn) : day;
}

/**
 * About 0.15 % of adult members other than the head have lost capacity, or have it restricted, by a court
 * ruling (Civil Code 2015, Art. 22–24), with a capable spouse, parent or child as legal representative.
 */
function assignCapacity(random: Random, members: readonly Member[], lives: Life[], head: number, today: Day): void {
  members.forEach((member, i) => {
    if (i === head || yearsBetween(member.birth, today) < ADULT_AGE || !random.chance(0.0015)) return;
    const candidates = [member.spouse, member.father, member.mother, ...childrenOf(members, i)];
    const representative = candidates.find(
      (j) => j >= 0 && lives[j]?.capacity === 'full' && yearsBetween((members[j] as Member).birth, today) >= ADULT_AGE,
    );
    if (representative === undefined) return;
    const life = lives[i] as Life;
    life.capacity = random.chance(0.7) ? 'lost' : 'restricted';
    life.representative = representative;
    const from = Math.max(addYears(member.birth, ADULT_AGE), addYears(today, -10));
    life.representedFrom = from + random.int(today - from + 1);
  });
}

/** Yearly risk, roughly, by age today: deaths recorded over the last years add up to about 0.5 % of people. */
function deathRisk(age: number): number {
  if (age < 40) return 0.0005;
  if (age < 60) return 0.004;
  if (age < 75) return 0.016;
  return 0.055;
}

/** At most one death per household, so that a head's successor is always alive. */
function naturalDeath(random: Random, members: readonly Member[], lives: Life[], today: Day): void {
  for (let i = 0; i < members.length; i++) {
    if (random.chance(deathRisk(yearsBetween((members[i] as Member).birth, today)))) {
      die(random, members, lives, i, today, {});
      return;
    }
  }
}

/**
 * Records member `i` as having died on a day that fits the household's story (after joining, after their
 * marriage and the births of their children in it, and after the successor as head came of age), and
 * replaces a head. Returns false, changing nothing, when no such day or no successor exists.
 */
function die(
  random: Random,
  members: readonly Member[],
  lives: Life[],
  i: number,
  today: Day,
  options: { keepHead?: boolean; notBefore?: Day },
): boolean {
  const life = lives[i] as Life;
  const member = members[i] as Member;
  if (life.capacity !== 'full' || lives.some((other) => other.representative === i)) return false;
  let earliest = Math.max(life.joinedOn + 1, addYears(today, -DEATHS_WITHIN_YEARS), options.notBefore ?? 0);
  if (member.spouse >= 0) earliest = Math.max(earliest, member.marriedOn + 1);
  for (const child of childrenOf(members, i)) earliest = Math.max(earliest, (members[child] as Member).birth + 1);
  let successor = -1;
  const isHead = life.relationship === 'head';
  if (isHead && !options.keepHead && members.length > 1) {
    successor = chooseSuccessor(members, lives, i, today);
    if (successor < 0) return false;
    const heir = members[successor] as Member;
    earliest = Math.max(earliest, addYears(heir.birth, ADULT_AGE), (lives[successor] as Life).joinedOn);
  }
  const latest = today - 1;
  if (earliest > latest) return false;
  const span = Math.min(latest - earliest, yearsInDays(DEATHS_WITHIN_YEARS));
  life.death = earliest + random.int(span + 1);
  if (successor >= 0) (lives[successor] as Life).becameHeadOn = life.death;
  return true;
}

/** The spouse if capable, otherwise the eldest member who is an adult with full capacity today. */
function chooseSuccessor(members: readonly Member[], lives: readonly Life[], head: number, today: Day): number {
  const capable = (j: number) =>
    j !== head && lives[j]?.capacity === 'full' && yearsBetween((members[j] as Member).birth, today) >= ADULT_AGE;
  const spouse = (members[head] as Member).spouse;
  if (spouse >= 0 && capable(spouse)) return spouse;
  let eldest = -1;
  members.forEach((member, j) => {
    if (capable(j) && (eldest < 0 || member.birth < (members[eldest] as Member).birth)) eldest = j;
  });
  return eldest;
}

function childrenOf(members: readonly Member[], i: number): number[] {
  const children: number[] = [];
  members.forEach((member, j) => {
    if (member.father === i || member.mother === i) children.push(j);
  });
  return children;
}
