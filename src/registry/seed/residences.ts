/**
 * Residence rows: thường trú at the household's address for every member, tạm trú elsewhere for some adults
 * (Law on Residence 2020).
 */
import { addYears, isoOf, yearsInDays } from './days.ts';
import type { Member } from './family.ts';
import type { Life } from './life.ts';
import type { SeedCommune } from './places.ts';
import type { Random } from './random.ts';
import { era, type Home, type RecordContext } from './record-context.ts';
import type { RowSink } from './writer.ts';

const TEMPORARY_REASONS = ['Làm việc', 'Làm việc', 'Làm việc', 'Học tập', 'Học tập', 'Khác'];

/** Thường trú at the household's address, in the unit in force on the day it began. */
export function writePermanentResidence(
  context: RecordContext,
  home: Home,
  life: Life,
  personalId: string,
  sink: RowSink,
) {
  const commune = era(life.joinedOn) === home.commune.era ? home.commune : context.places.currentOf(home.commune);
  const dead = !Number.isNaN(life.death);
  sink.add('residence', [
    context.next.residence++,
    personalId,
    'permanent',
    commune.id,
    home.addressLine,
    home.householdId,
    isoOf(life.joinedOn),
    dead ? isoOf(life.death) : null,
    null,
    null,
    dead ? 'deceased' : null,
    context.recordedAt,
  ]);
}

/**
 * Tạm trú in a commune of another province, registered within the last three years for six months to two
 * years (Law on Residence 2020, Art. 27). An expired one is closed, except about one in twenty, left open
 * for the data-quality checks to find. Returns true for such a one.
 */
export function writeTemporaryResidence(
  random: Random,
  context: RecordContext,
  home: Home,
  member: Member,
  personalId: string,
  sink: RowSink,
): boolean {
  const { places, today } = context;
  const from = today - random.int(yearsInDays(3));
  if (from < addYears(member.birth, 18)) return false;
  const homeProvince = places.currentOf(home.commune).provinceId;
  let commune: SeedCommune | undefined;
  for (let attempt = 0; attempt < 4 && commune === undefined; attempt++) {
    const candidate = places.drawCommune(random, places.drawOtherProvince(random, home.homeCode), era(from));
    if (places.currentOf(candidate).provinceId !== homeProvince) commune = candidate;
  }
  if (!commune) return false;
  const expires = Math.min(from + random.between(180, yearsInDays(2)), addYears(from, 2));
  const expired = expires < today;
  const leftOpen = expired && random.chance(0.05);
  sink.add('residence', [
    context.next.residence++,
    personalId,
    'temporary',
    commune.id,
    places.drawAddressLine(random, commune, home.homeCode),
    null,
    isoOf(from),
    expired && !leftOpen ? isoOf(expires) : null,
    isoOf(expires),
    random.pick(TEMPORARY_REASONS),
    expired && !leftOpen ? 'expired' : null,
    context.recordedAt,
  ]);
  return leftOpen;
}
