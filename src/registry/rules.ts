/**
 * Pure rules of the registry, free of storage: ages, civil capacity, identity-card validity.
 * Days are ISO calendar days (`YYYY-MM-DD`).
 */

/** Whole years of age on `day` for a person born on `birthDate` (a 29 February birthday falls on 1 March). */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const hadBirthday = m > bm || (m === bm && d >= bd);
  return y - by - (hadBirthday ? 0 : 1);
}

/** The day a person born on `birthDate` turns `years` old. */
export function birthdayAt(birthDate: string, years: number): string {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(by + years, bm - 1, bd));
  // 29 February in a common year: the birthday is 1 March (Date rolls over by itself).
  return date.toISOString().slice(0, 10);
}

/** Age of majority (Civil Code 2015, Art. 20). */
export const ADULT_AGE = 18;

export interface CapacityFacts {
  readonly birthDate: string;
  readonly civilCapacity: 'full' | 'restricted' | 'lost';
  readonly status: 'alive' | 'deceased' | 'missing';
}

/**
 * Full civil capacity on `day`: alive, adult, and not restricted or lost by a court (Civil Code 2015,
 * Art. 19–24). A household head must have it (Law on Residence 2020, Art. 10).
 */
export function hasFullCivilCapacity(person: CapacityFacts, day: string): boolean {
  return person.status === 'alive' && person.civilCapacity === 'full' && ageOn(person.birthDate, day) >= ADULT_AGE;
}

/** Ages at which an identity card must be renewed (Law on Identification 2023, Art. 21(1)). */
export const CARD_RENEWAL_AGES = [14, 25, 40, 60] as const;

/**
 * The day an identity card issued on `issuedOn` stops being valid, or `null` for a card issued from age 60
 * on, which does not expire. A card issued or renewed within the two years before a renewal age stays valid
 * until the next one (Art. 21(2)).
 */
export function cardExpiry(birthDate: string, issuedOn: string): string | null {
  for (const age of CARD_RENEWAL_AGES) {
    const due = birthdayAt(birthDate, age);
    if (issuedOn >= due) continue;
    if (issuedOn >= birthdayAt(birthDate, age - 2)) continue;
    return due;
  }
  return null;
}

export type CardStatus = 'valid' | 'expired' | 'revoked' | 'lost' | 'replaced';

/** A card's status on `day`: the recorded one, or `expired` once a valid card has passed its expiry day. */
export function cardStatusOn(
  card: { status: Exclude<CardStatus, 'expired'>; expiresOn: string | null; statusChangedOn: string | null },
  day: string,
): CardStatus {
  if (card.status !== 'valid' && card.statusChangedOn !== null && card.statusChangedOn > day) return 'valid';
  if (card.status !== 'valid') return card.status;
  return card.expiresOn !== null && card.expiresOn <= day ? 'expired' : 'valid';
}
