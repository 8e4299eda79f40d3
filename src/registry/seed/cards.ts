/**
 * Identity cards of a synthetic person: the chip card (CCCD gắn chip) that everyone aged 14 and over was
 * issued from 2021, renewed at 25, 40 and 60, and the "thẻ căn cước" issued from 1 July 2024, optional
 * under 14 (Law on Identification 2023, Art. 19–21). Expiry follows the registry's rule (rules.cardExpiry).
 */
import { CARD_RENEWAL_AGES } from '../rules.ts';
import { addYears, birthdays, type Day, dayOf, isoOf } from './days.ts';
import type { Member } from './family.ts';
import type { Life } from './life.ts';
import type { Random } from './random.ts';
import type { RecordContext } from './record-context.ts';
import type { RowSink } from './writer.ts';

export interface SeedCard {
  readonly issuedOn: Day;
  readonly expiresOn: string | null;
  readonly kind: 'cccd_chip' | 'can_cuoc';
  /** Day a newer card replaced this one (NaN: still the current card). */
  replacedOn: Day;
}

const CHIP_CARDS_FROM = dayOf('2021-01-01');
/** The mass issuance of chip cards ran through 2021 and the first half of 2022. */
const CHIP_CAMPAIGN_DAYS = 540;
const CAN_CUOC_FROM = dayOf('2024-07-01');
const CARD_AGE = 14;

export const ISSUING_AUTHORITY: Readonly<Record<SeedCard['kind'], string>> = {
  cccd_chip: 'Cục Cảnh sát quản lý hành chính về trật tự xã hội',
  can_cuoc: 'Bộ Công an',
};

/**
 * The cards of a person born on `birth`, issued up to `horizon` (today, or the day of death): none for
 * about 2 % of adults who never applied; some children under 14 hold an optional card.
 */
export function drawCards(random: Random, birth: Day, horizon: Day): SeedCard[] {
  const fourteen = addYears(birth, CARD_AGE);
  let issued: Day;
  if (fourteen <= horizon) {
    if (random.chance(0.02)) return [];
    issued = Math.max(CHIP_CARDS_FROM + random.int(CHIP_CAMPAIGN_DAYS), fourteen + random.between(7, 200));
  } else if (horizon >= CAN_CUOC_FROM && addYears(birth, 6) <= horizon && random.chance(0.03)) {
    const from = Math.max(CAN_CUOC_FROM, addYears(birth, 6));
    issued = from + random.int(horizon - from + 1);
  } else {
    return [];
  }
  const cards: SeedCard[] = [];
  const renewal = birthdays(birth, RENEWAL_YEARS);
  while (issued <= horizon) {
    const expiry = expiryDay(renewal, issued);
    const expiresOn = Number.isNaN(expiry) ? null : isoOf(expiry);
    const card: SeedCard = {
      issuedOn: issued,
      expiresOn,
      kind: issued >= CAN_CUOC_FROM ? 'can_cuoc' : 'cccd_chip',
      replacedOn: Number.NaN,
    };
    cards.push(card);
    if (expiresOn === null) break;
    // A few let the card lapse: it stays on record as the current card, expired.
    if (expiry > horizon || random.chance(0.04)) break;
    const renewed = Math.max(expiry - random.between(1, 60), issued + 1);
    if (renewed > horizon) break;
    card.replacedOn = renewed;
    issued = renewed;
  }
  return cards;
}

/** The renewal ages (14, 25, 40, 60) and the two years before each: A − 2 and A for every A, in order. */
const RENEWAL_YEARS = CARD_RENEWAL_AGES.flatMap((age) => [age - 2, age]);

/**
 * `rules.cardExpiry` on day numbers (the seed issues millions of cards; the rule's string dates would
 * dominate its time): the birthday at the first renewal age whose two-year window has not begun on the
 * issue day, or NaN when issued from 58 on. A test checks the two agree on every card seeded.
 */
function expiryDay(renewal: readonly Day[], issued: Day): Day {
  for (let i = 0; i < renewal.length; i += 2) {
    if (issued < (renewal[i] as Day)) return renewal[i + 1] as Day;
  }
  return Number.NaN;
}

/** Returns true when the person ends with a card in status valid. */
export function writeCards(
  random: Random,
  context: RecordContext,
  member: Member,
  life: Life,
  personalId: string,
  keepValidAfterDeath: boolean,
  sink: RowSink,
): boolean {
  const dead = !Number.isNaN(life.death);
  const cards = drawCards(random, member.birth, dead ? life.death : context.today);
  let endsValid = false;
  for (const card of cards) {
    let status: 'valid' | 'replaced' | 'revoked' = 'valid';
    let changed: Day = Number.NaN;
    if (!Number.isNaN(card.replacedOn)) [status, changed] = ['replaced', card.replacedOn];
    else if (dead && !keepValidAfterDeath) [status, changed] = ['revoked', life.death];
    if (status === 'valid') endsValid = true;
    sink.add('card', [
      context.next.card++,
      personalId,
      personalId,
      card.kind,
      isoOf(card.issuedOn),
      card.expiresOn,
      status,
      Number.isNaN(changed) ? null : isoOf(changed),
      ISSUING_AUTHORITY[card.kind],
    ]);
  }
  return endsValid;
}
