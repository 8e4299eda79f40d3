import { toNfc } from '../../kernel/index.ts';
import type { CommuneKind, ProvinceKind } from './model.ts';

/**
 * A Vietnamese tone mark (huyền, sắc, ngã, hỏi, nặng) after NFD, with the letters of its word that follow it.
 * Vowel marks (circumflex U+0302, breve U+0306, horn U+031B) are not tones and stay where they are.
 */
// biome-ignore lint/suspicious/noMisleadingCharacterClass: after NFD the combining marks stand alone, on purpose
const TONE_THEN_REST_OF_WORD = /([\u0300\u0301\u0303\u0309\u0323])([^\s\u0300\u0301\u0303\u0309\u0323]*)/g;
const WHITESPACE_RUN = /\s+/g;

/**
 * The key two spellings of one place name share when they differ only in tone-mark placement (`Hoà` / `Hòa`,
 * `Thuỷ` / `Thủy`), Unicode form, case or spacing. Unlike `foldText` it keeps every mark, so distinct places
 * whose names fold alike stay apart (`Xã Minh Quân` / `Xã Minh Quán`, `Phường Sa Pa` / `Phường Sa Pả`: all real).
 * Each syllable keeps its letters and vowel marks in order, and its tone moves to the syllable's end.
 *
 * @example spellingKey('Xã Thuỷ Hoà') === spellingKey('xã thủy hòa')
 */
export function spellingKey(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(WHITESPACE_RUN, ' ')
    .trim()
    .replace(TONE_THEN_REST_OF_WORD, '$2$1');
}

const COMMUNE_PREFIXES: ReadonlyArray<readonly [string, CommuneKind]> = [
  ['Xã ', 'commune'],
  ['Phường ', 'ward'],
  ['Thị trấn ', 'township'],
  ['Đặc khu ', 'special_zone'],
  ['Huyện ', 'district'],
];

/**
 * The kind of a commune-level unit, from the word its official name starts with.
 * @throws Error for a name with no known prefix: new data needs a decision, not a guess.
 */
export function communeKind(name: string): CommuneKind {
  const found = COMMUNE_PREFIXES.find(([prefix]) => name.startsWith(prefix));
  if (!found) throw new Error(`administrative unit "${name}" has no known kind prefix (Xã, Phường, Thị trấn, Đặc khu)`);
  return found[1];
}

const PROVINCE_PREFIXES: ReadonlyArray<readonly [string, ProvinceKind]> = [
  ['Thành phố ', 'municipality'],
  ['Tỉnh ', 'province'],
  ['TP ', 'municipality'],
];

/** Splits `Thành phố Hà Nội` into its kind and short name; a name without prefix gives no kind. */
export function splitProvinceName(name: string): { kind: ProvinceKind | undefined; shortName: string } {
  const text = toNfc(name);
  const found = PROVINCE_PREFIXES.find(([prefix]) => text.startsWith(prefix));
  return found ? { kind: found[1], shortName: text.slice(found[0].length) } : { kind: undefined, shortName: text };
}

/** The full name of a province: `Thành phố Hà Nội`, `Tỉnh Cao Bằng`. */
export function provinceFullName(kind: ProvinceKind, shortName: string): string {
  return `${kind === 'municipality' ? 'Thành phố' : 'Tỉnh'} ${shortName}`;
}

/**
 * The key a province is matched on across sources: its short name, spelling-keyed, with dashes as spaces
 * (`Bà Rịa - Vũng Tàu`, `Bà Rịa–Vũng Tàu`).
 */
export function provinceKey(name: string): string {
  return spellingKey(splitProvinceName(name).shortName.replace(/\s*[-–—]\s*/g, ' '));
}

/** `fn` with its results remembered: the data repeats the same names thousands of times. */
export function memoized(fn: (text: string) => string): (text: string) => string {
  const cache = new Map<string, string>();
  return (text) => {
    let value = cache.get(text);
    if (value === undefined) {
      value = fn(text);
      cache.set(text, value);
    }
    return value;
  };
}
