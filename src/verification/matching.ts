/**
 * So khớp — comparing what a customer declared with the registry's facts, attribute by attribute. Pure
 * functions: the answer carries results and reason codes, never the facts compared with.
 */
import { foldText, toNfc } from '../kernel/index.ts';
import type { VerificationAddress, VerificationCard, VerificationFacts } from '../registry/index.ts';
import type { AttributeResult } from './model.ts';

const NOT_PROVIDED: AttributeResult = { result: 'not_provided', reasons: [] };
const match = (...reasons: string[]): AttributeResult => ({ result: 'match', reasons });
const mismatch = (...reasons: string[]): AttributeResult => ({ result: 'mismatch', reasons });

/** Tone marks (huyền, sắc, ngã, hỏi, nặng), whose place within a syllable varies between spellings. */
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;

/**
 * The key of a name compared with its diacritics: NFC-equivalent, case and spacing folded, and each word's
 * tone mark moved to the word's end, so that `Hòa` and `Hoà` (DOMAIN.md §9: tone placement varies) agree
 * while `Hòa` and `Hóa` do not.
 */
export function exactNameKey(name: string): string {
  return toNfc(name)
    .toLowerCase()
    .split(' ')
    .map((word) => {
      const decomposed = word.normalize('NFD');
      const tones = decomposed.match(TONE_MARKS) ?? [];
      return `${decomposed.replace(TONE_MARKS, '')}${tones.join('')}`.normalize('NFC');
    })
    .join(' ');
}

/**
 * A declared full name against the recorded one and the other names (tên gọi khác). Equal with the
 * diacritics (any Unicode form, case or spacing) → `NAME_MATCHES`; equal only once folded (marks dropped,
 * Đ→D) → `NAME_MATCHES_WITHOUT_DIACRITICS`; equal to another recorded name → `NAME_MATCHES_OTHER_NAME`.
 */
export function matchName(declared: string | undefined, facts: VerificationFacts): AttributeResult {
  if (declared === undefined) return NOT_PROVIDED;
  // The same text has the same key: most declarations of a batch are spelt as recorded.
  if (declared === facts.fullName) return match('NAME_MATCHES');
  const key = exactNameKey(declared);
  if (key === exactNameKey(facts.fullName)) return match('NAME_MATCHES');
  const folded = foldText(declared);
  if (folded === foldText(facts.fullName)) return match('NAME_MATCHES_WITHOUT_DIACRITICS');
  if (facts.otherNames.some((other) => exactNameKey(other) === key || foldText(other) === folded)) {
    return match('NAME_MATCHES_OTHER_NAME');
  }
  return mismatch('NAME_DIFFERS');
}

/**
 * A declared birth date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`) against the recorded one and its precision.
 * Compared to the coarser of the two precisions: a match to the day is `DATE_MATCHES`; to the month or the
 * year only, `DATE_MONTH_ONLY` or `DATE_YEAR_ONLY`. A mismatch in the same year says `DATE_SAME_YEAR_ONLY`.
 */
export function matchBirthDate(declared: string | undefined, facts: VerificationFacts): AttributeResult {
  if (declared === undefined) return NOT_PROVIDED;
  const recordedLength = { day: 10, month: 7, year: 4 }[facts.birthDatePrecision];
  const length = Math.min(declared.length, recordedLength);
  if (declared.slice(0, length) !== facts.birthDate.slice(0, length)) {
    return declared.slice(0, 4) === facts.birthDate.slice(0, 4)
      ? mismatch('DATE_DIFFERS', 'DATE_SAME_YEAR_ONLY')
      : mismatch('DATE_DIFFERS');
  }
  if (length === 10) return match('DATE_MATCHES');
  return match(length === 7 ? 'DATE_MONTH_ONLY' : 'DATE_YEAR_ONLY');
}

export function matchSex(declared: 'male' | 'female' | undefined, facts: VerificationFacts): AttributeResult {
  if (declared === undefined) return NOT_PROVIDED;
  return declared === facts.sex ? match('SEX_MATCHES') : mismatch('SEX_DIFFERS');
}

/** The reason that states the newest card's status today. */
const CARD_STATUS_REASON: Record<VerificationCard['status'], string> = {
  valid: 'CARD_VALID',
  expired: 'CARD_EXPIRED',
  revoked: 'CARD_REVOKED',
  lost: 'CARD_LOST',
  replaced: 'CARD_REPLACED_BY_NEWER',
};

/**
 * A declared card (number, issue day, or both) against the person's cards. The newest card matches with its
 * status as reason (`CARD_VALID`, `CARD_EXPIRED`, `CARD_REVOKED`, `CARD_LOST`); an earlier card of the person
 * is a mismatch `CARD_REPLACED_BY_NEWER`; the old 9-digit number is a mismatch `CARD_IS_FORMER_ID_NUMBER`.
 */
export function matchCard(
  declared: { number?: string | undefined; issuedOn?: string | undefined },
  facts: VerificationFacts,
): AttributeResult {
  const { number, issuedOn } = declared;
  if (number === undefined && issuedOn === undefined) return NOT_PROVIDED;
  if (number !== undefined && facts.formerIdNumber !== null && number === facts.formerIdNumber) {
    return mismatch('CARD_IS_FORMER_ID_NUMBER');
  }
  const [newest] = facts.cards;
  if (!newest) return mismatch('NO_CARD_ON_RECORD');
  const sameNumber = number === undefined ? facts.cards : facts.cards.filter((card) => card.cardNumber === number);
  if (sameNumber.length === 0) return mismatch('CARD_NUMBER_DIFFERS');
  const card = issuedOn === undefined ? sameNumber[0] : sameNumber.find((each) => each.issuedOn === issuedOn);
  if (!card) return mismatch('CARD_ISSUE_DATE_DIFFERS');
  if (card !== newest) return mismatch('CARD_REPLACED_BY_NEWER');
  return match(CARD_STATUS_REASON[card.status]);
}

/** A Vietnamese phone number in its national form: digits only, `+84`/`84` written as `0`. */
export function nationalPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return digits.startsWith('84') && digits.length >= 11 ? `0${digits.slice(2)}` : digits;
}

export function matchPhone(declared: string | undefined, facts: VerificationFacts): AttributeResult {
  if (declared === undefined) return NOT_PROVIDED;
  if (facts.phone === null) return mismatch('NO_PHONE_ON_RECORD');
  return nationalPhone(declared) === nationalPhone(facts.phone) ? match('PHONE_MATCHES') : mismatch('PHONE_DIFFERS');
}

/** The rank word of a commune's name, which people often leave out ("Ba Đình" for "Phường Ba Đình"). */
const COMMUNE_RANK = /^(phuong|xa|thi tran|dac khu) /;

function addressKey(text: string): string {
  return foldText(text).replace(/[,.;]/g, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * A declared address against the open permanent and temporary residences. It matches a residence when it
 * begins with the residence's address line (folded: accents, case, punctuation and spacing aside) and names
 * the commune, as recorded or as it is called today (rank words like "Phường" optional):
 * `ADDRESS_MATCHES_PERMANENT` or `ADDRESS_MATCHES_TEMPORARY`.
 */
export function matchAddress(declared: string | undefined, facts: VerificationFacts): AttributeResult {
  if (declared === undefined) return NOT_PROVIDED;
  const addresses = facts.addresses ?? [];
  if (addresses.length === 0) return mismatch('NO_ADDRESS_ON_RECORD');
  const key = addressKey(declared);
  const found = addresses.find((address) => addressMatches(key, address));
  if (!found) return mismatch('ADDRESS_DIFFERS');
  return match(found.kind === 'permanent' ? 'ADDRESS_MATCHES_PERMANENT' : 'ADDRESS_MATCHES_TEMPORARY');
}

function addressMatches(key: string, address: VerificationAddress): boolean {
  const line = addressKey(address.addressLine);
  if (!key.startsWith(line)) return false;
  const rest = ` ${key.slice(line.length)} `;
  return address.communeNames.some((name) => {
    const full = addressKey(name);
    const bare = full.replace(COMMUNE_RANK, '');
    // A numbered ward ("Phường 12") is recognised only with its rank word: a bare number is not a name.
    return rest.includes(` ${full} `) || (!/^\d+$/.test(bare) && rest.includes(` ${bare} `));
  });
}
