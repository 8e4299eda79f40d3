import { describe, expect, it } from 'vitest';
import { ageOn, birthdayAt, cardExpiry, cardStatusOn, hasFullCivilCapacity } from './rules.ts';

describe('ages', () => {
  it('counts whole years, the birthday itself included', () => {
    expect(ageOn('2008-03-15', '2026-03-14')).toBe(17);
    expect(ageOn('2008-03-15', '2026-03-15')).toBe(18);
  });

  it('puts a 29 February birthday on 1 March in a common year', () => {
    expect(birthdayAt('2008-02-29', 18)).toBe('2026-03-01');
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
  });
});

describe('full civil capacity', () => {
  const adult = { birthDate: '1990-01-01', civilCapacity: 'full' as const, status: 'alive' as const };

  it('needs an adult, alive, whose capacity no court restricted', () => {
    expect(hasFullCivilCapacity(adult, '2026-01-01')).toBe(true);
    expect(hasFullCivilCapacity({ ...adult, birthDate: '2010-01-01' }, '2026-01-01')).toBe(false);
    expect(hasFullCivilCapacity({ ...adult, civilCapacity: 'restricted' }, '2026-01-01')).toBe(false);
    expect(hasFullCivilCapacity({ ...adult, status: 'deceased' }, '2026-01-01')).toBe(false);
  });
});

describe('identity card expiry (Law on Identification 2023, Art. 21)', () => {
  it('runs to the next renewal age', () => {
    expect(cardExpiry('2000-05-10', '2016-01-01')).toBe('2025-05-10');
    expect(cardExpiry('2000-05-10', '2025-06-01')).toBe('2040-05-10');
    expect(cardExpiry('1980-05-10', '2021-01-01')).toBe('2040-05-10');
  });

  it('skips a renewal age that is less than two years away at issue', () => {
    expect(cardExpiry('2000-05-10', '2023-05-10')).toBe('2040-05-10');
    expect(cardExpiry('2000-05-10', '2023-05-09')).toBe('2025-05-10');
  });

  it('never expires when issued from 58 on (the last renewal age is 60)', () => {
    expect(cardExpiry('1960-05-10', '2020-05-10')).toBeNull();
    expect(cardExpiry('1966-05-10', '2024-06-01')).toBeNull();
    expect(cardExpiry('1966-05-10', '2024-05-09')).toBe('2026-05-10');
  });

  it('gives a child card issued before 12 a validity until 14', () => {
    expect(cardExpiry('2020-01-01', '2025-01-01')).toBe('2034-01-01');
  });
});

describe('card status on a day', () => {
  it('reads a valid card as expired from its expiry day', () => {
    const card = { status: 'valid' as const, expiresOn: '2025-05-10', statusChangedOn: null };
    expect(cardStatusOn(card, '2025-05-09')).toBe('valid');
    expect(cardStatusOn(card, '2025-05-10')).toBe('expired');
  });

  it('reads a card lost later as valid before the loss', () => {
    const card = { status: 'lost' as const, expiresOn: null, statusChangedOn: '2024-02-01' };
    expect(cardStatusOn(card, '2024-01-31')).toBe('valid');
    expect(cardStatusOn(card, '2024-02-01')).toBe('lost');
  });
});
