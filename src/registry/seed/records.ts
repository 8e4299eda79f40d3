/**
 * Turns a finished household into registry rows: people with their personal ID numbers, family links in
 * both directions, the household and its members, permanent and temporary residences, identity cards.
 */
import { writeCards } from './cards.ts';
import { dayOf, isoOf, yearOf, yearsBetween } from './days.ts';
import type { Member } from './family.ts';
import type { Finished, Life } from './life.ts';
import { writeFamilyLinks } from './links.ts';
import { fullName } from './names.ts';
import type { Random } from './random.ts';
import { era, type Home, type HouseholdOutcome, type RecordContext } from './record-context.ts';
import { writePermanentResidence, writeTemporaryResidence } from './residences.ts';
import { type RowSink, SEED_TABLES, type SeedValue } from './writer.ts';

export type { HouseholdOutcome, RecordContext } from './record-context.ts';

/** Position of each person column in a row. */
const PERSON = Object.fromEntries(SEED_TABLES.person.columns.map((column, i) => [column, i])) as Record<
  (typeof SEED_TABLES.person.columns)[number],
  number
>;
const FORMER_ID_BORN_BY = dayOf('2006-12-31');

/**
 * Writes a household's rows to `sink`: the household at an address in a commune of its province (of the map in
 * force when it was established), then each member with their number, membership, residences and cards, and
 * the family links among them. Returns what the run's report counts.
 */
export function writeHousehold(
  random: Random,
  context: RecordContext,
  household: Finished,
  homeCode: string,
  sink: RowSink,
): HouseholdOutcome {
  const { places, next } = context;
  const { members, lives } = household;
  const commune = places.drawCommune(random, homeCode, era(household.established));
  const addressLine = places.drawAddressLine(random, commune, homeCode);
  const householdId = next.household++;
  sink.add('household', [
    householdId,
    `HK${String(householdId).padStart(10, '0')}`,
    commune.id,
    addressLine,
    isoOf(household.established),
    Number.isNaN(household.dissolvedOn) ? null : isoOf(household.dissolvedOn),
    context.recordedAt,
  ]);
  const home = { commune, addressLine, householdId, homeCode };
  const ids = members.map((member) => context.ids.next(member.birthCode, yearOf(member.birth), member.sex));
  let deceased = 0;
  let deceasedValidCard = false;
  let expiredTemporaryOpen = 0;
  members.forEach((member, i) => {
    const life = lives[i] as Life;
    const dead = !Number.isNaN(life.death);
    if (dead) deceased++;
    const keepsCard = household.dirty === 'deceased_valid_card' && dead;
    const row = personRow(random, context, members, lives, i, ids[i] as string);
    sink.add('person', row);
    if (household.dirty === 'duplicate_pair' && i === household.head) {
      writeDuplicate(context, row, member, home, life, sink);
    }
    writeMembership(context, household, i, ids[i] as string, householdId, sink);
    writePermanentResidence(context, home, life, ids[i] as string, sink);
    if (!dead && yearsBetween(member.birth, context.today) >= 18 && random.chance(0.05)) {
      if (writeTemporaryResidence(random, context, home, member, ids[i] as string, sink)) expiredTemporaryOpen++;
    }
    if (writeCards(random, context, member, life, ids[i] as string, keepsCard, sink) && keepsCard) {
      deceasedValidCard = true;
    }
  });
  writeFamilyLinks(context, members, lives, ids, sink);
  return {
    people: members.length + (household.dirty === 'duplicate_pair' ? 1 : 0),
    deceased,
    deceasedHead: household.dirty === 'deceased_head',
    deceasedValidCard,
    duplicatePair: household.dirty === 'duplicate_pair',
    expiredTemporaryOpen,
  };
}

function personRow(
  random: Random,
  context: RecordContext,
  members: readonly Member[],
  lives: readonly Life[],
  i: number,
  personalId: string,
): SeedValue[] {
  const member = members[i] as Member;
  const life = lives[i] as Life;
  const dead = !Number.isNaN(life.death);
  const horizon = dead ? life.death : context.today;
  const age = yearsBetween(member.birth, horizon);
  const birthCommune = context.places.drawCommune(random, member.birthCode, era(member.birth));
  const spouseDied = member.spouse >= 0 && !Number.isNaN((lives[member.spouse] as Life).death);
  const marital = spouseDied && !dead ? 'widowed' : member.marital;
  const hasPhone = age >= 18 ? random.chance(age >= 75 ? 0.55 : 0.92) : age >= 15 && random.chance(0.5);
  const hasEmail = age >= 18 && age <= 45 && random.chance(0.12);
  const name = fullName(member);
  const birth = isoOf(member.birth);
  return [
    personalId,
    member.family.text,
    member.middle.text,
    member.given.text,
    name.full,
    name.folded,
    member.birth <= FORMER_ID_BORN_BY && random.chance(0.75) ? context.numbers.formerId() : null,
    birth,
    member.sex,
    birthCommune.label,
    birthCommune.id,
    member.hometown,
    member.ethnicity,
    member.religion,
    member.bloodGroup,
    marital,
    life.capacity,
    hasPhone ? context.numbers.phone() : null,
    hasEmail ? context.numbers.email(member.given.folded, member.family.folded) : null,
    dead ? 'deceased' : 'alive',
    dead ? isoOf(life.death) : null,
    birth,
    context.recordedAt,
    context.recordedAt,
  ];
}

/** The planted duplicate: the same person under a second number, with the same residence, in no member list. */
function writeDuplicate(
  context: RecordContext,
  original: SeedValue[],
  member: Member,
  home: Home,
  life: Life,
  sink: RowSink,
): void {
  const personalId = context.ids.next(member.birthCode, yearOf(member.birth), member.sex);
  const copy = [...original];
  copy[PERSON.personal_id] = personalId;
  copy[PERSON.former_id_number] = null;
  // An old record, made before the marriage and never linked to the family.
  copy[PERSON.marital_status] = 'single';
  copy[PERSON.phone] = null;
  copy[PERSON.email] = null;
  sink.add('person', copy);
  writePermanentResidence(context, home, life, personalId, sink);
}

function writeMembership(
  context: RecordContext,
  household: Finished,
  i: number,
  personalId: string,
  householdId: number,
  sink: RowSink,
): void {
  const life = household.lives[i] as Life;
  const joined = isoOf(life.joinedOn);
  const keptAsHead = household.dirty === 'deceased_head' && i === household.head;
  if (!Number.isNaN(life.becameHeadOn)) {
    const on = isoOf(life.becameHeadOn);
    sink.add('member', [context.next.member++, householdId, personalId, life.relationship, joined, on, 'became_head']);
    sink.add('member', [context.next.member++, householdId, personalId, 'head', on, null, null]);
    return;
  }
  const left = Number.isNaN(life.death) || keptAsHead ? null : isoOf(life.death);
  sink.add('member', [
    context.next.member++,
    householdId,
    personalId,
    life.relationship,
    joined,
    left,
    left ? 'deceased' : null,
  ]);
}
