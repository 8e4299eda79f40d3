import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { VerificationFacts } from '../registry/index.ts';
import { exactNameKey, matchAddress, matchCard, matchName, nationalPhone } from './matching.ts';

const facts: VerificationFacts = {
  fullName: 'Đỗ Thị Thủy',
  otherNames: [],
  birthDate: '1988-11-03',
  birthDatePrecision: 'day',
  sex: 'female',
  status: 'alive',
  phone: null,
  formerIdNumber: null,
  cards: [
    { cardNumber: '001188000123', issuedOn: '2024-08-01', status: 'lost' },
    { cardNumber: '001188000123', issuedOn: '2021-04-01', status: 'replaced' },
  ],
  addresses: [{ kind: 'permanent', addressLine: 'Thôn 3', communeNames: ['Phường 12', 'Phường An Hội Tây'] }],
};

/** Vietnamese letters with every vowel mark and tone, and Đ. */
const letters = [...'aăâbcdđeêghiklmnoôơpqrstuưvxyàằầèềìòồờùừỳáắấéếíóốớúứýảẳẩẻểỉỏổởủửỷãẵẫẽễĩõỗỡũữỹạặậẹệịọộợụựỵ'];
const word = fc.array(fc.constantFrom(...letters), { minLength: 1, maxLength: 7 }).map((chars) => chars.join(''));
const name = fc.array(word, { minLength: 2, maxLength: 4 }).map((words) => words.join(' '));

describe('name matching', () => {
  it('keys a name the same in NFC, NFD, upper case and with extra spaces', () => {
    fc.assert(
      fc.property(name, (text) => {
        const key = exactNameKey(text);
        expect(exactNameKey(text.normalize('NFD'))).toBe(key);
        expect(exactNameKey(text.toUpperCase())).toBe(key);
        expect(exactNameKey(`  ${text.replaceAll(' ', '   ')} `)).toBe(key);
      }),
    );
  });

  it('keys the old and new tone placements alike, and different tones apart', () => {
    expect(exactNameKey('Thủy')).toBe(exactNameKey('Thuỷ'));
    expect(exactNameKey('Hòa')).toBe(exactNameKey('Hoà'));
    expect(exactNameKey('Hòa')).not.toBe(exactNameKey('Hóa'));
    expect(exactNameKey('Hòa')).not.toBe(exactNameKey('Hoa'));
  });

  it('says a name matches only without diacritics when the marks or Đ differ', () => {
    expect(matchName('Đỗ Thị Thuỷ', facts)).toEqual({ result: 'match', reasons: ['NAME_MATCHES'] });
    expect(matchName('Do Thi Thuy', facts)).toEqual({ result: 'match', reasons: ['NAME_MATCHES_WITHOUT_DIACRITICS'] });
    expect(matchName('Dỗ Thị Thủy', facts)).toEqual({ result: 'match', reasons: ['NAME_MATCHES_WITHOUT_DIACRITICS'] });
    expect(matchName('Đỗ Thị Thu', facts)).toEqual({ result: 'mismatch', reasons: ['NAME_DIFFERS'] });
    expect(matchName(undefined, facts)).toEqual({ result: 'not_provided', reasons: [] });
  });
});

describe('card matching', () => {
  it('matches the newest card with its status as the reason, even when it is lost', () => {
    expect(matchCard({ number: '001188000123' }, facts)).toEqual({ result: 'match', reasons: ['CARD_LOST'] });
    expect(matchCard({ issuedOn: '2021-04-01' }, facts)).toEqual({
      result: 'mismatch',
      reasons: ['CARD_REPLACED_BY_NEWER'],
    });
  });
});

describe('address matching', () => {
  it('recognises a numbered ward only with its rank word', () => {
    expect(matchAddress('Thôn 3, Phường 12, Gò Vấp', facts).result).toBe('match');
    expect(matchAddress('Thôn 3, 12 Gò Vấp', facts)).toEqual({ result: 'mismatch', reasons: ['ADDRESS_DIFFERS'] });
    expect(matchAddress('thon 3 an hoi tay', facts)).toEqual({
      result: 'match',
      reasons: ['ADDRESS_MATCHES_PERMANENT'],
    });
  });
});

describe('phone numbers', () => {
  it('reads +84 and 84 as the leading 0, and ignores separators', () => {
    expect(nationalPhone('+84 912.345.678')).toBe('0912345678');
    expect(nationalPhone('84912345678')).toBe('0912345678');
    expect(nationalPhone('0912-345-678')).toBe('0912345678');
  });
});
