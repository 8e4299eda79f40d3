/**
 * Vietnamese text: the stored form (NFC) and the matching key (accents folded). DOMAIN.md §9.
 */

const WHITESPACE_RUN = /\s+/g;
const COMBINING_MARKS = /[\u0300-\u036f]/g;

/**
 * The form text is stored in: Unicode NFC, trimmed, with every run of whitespace made one space.
 *
 * @example toNfc('  Nguyễn\u00a0 Văn   An ') // 'Nguyễn Văn An' (NFC)
 */
export function toNfc(text: string): string {
  return text.normalize('NFC').replace(WHITESPACE_RUN, ' ').trim();
}

/**
 * The key two texts are compared on when accents, case and spacing must not matter (search, duplicate checks).
 *
 * Steps: lower-case; NFD; drop the combining marks U+0300–U+036F (tones and vowel marks); then map `đ` to `d`,
 * because NFD does not decompose `đ` (U+0111) — it is a letter of its own, not `d` with a mark; collapse
 * whitespace and trim. Lower-casing first is equivalent for Vietnamese and also folds `Đ`.
 *
 * Tone-mark placement (`hòa` / `hoà`, `thủy` / `thuỷ`) and NFC/NFD input give the same key, since every mark is
 * dropped. `Ð`/`ð` (U+00D0/U+00F0, the Icelandic eth) also fold to `d`: text decoded from Windows-1258 as
 * Latin-1 carries them in place of `Đ`/`đ`, and a search key should find such records.
 *
 * @example foldText('NGUYỄN  Văn Đức') // 'nguyen van duc'
 */
export function foldText(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(/[đð]/g, 'd')
    .replace(WHITESPACE_RUN, ' ')
    .trim();
}

/** A Vietnamese full name in its three parts. */
export interface VietnameseNameParts {
  /** Họ — family name. */
  readonly family: string;
  /** Tên đệm — middle name(s); empty when there are none. */
  readonly middle: string;
  /** Tên — given name, by which the person is addressed. */
  readonly given: string;
}

/**
 * Splits a full name written in Vietnamese order (family, middle, given): the first word is the family name, the
 * last the given name, and the words between are the middle name. A one-word name is a given name only; an empty
 * name gives three empty parts. The result is in NFC.
 *
 * A compound family name (Hoàng Phủ, Tôn Thất) cannot be told from a middle name by the string alone, so the
 * split is a guess: the registry stores the parts separately whenever they are known and uses this only for
 * names that arrive as one string.
 *
 * @example splitVietnameseName('Nguyễn Thị Minh Khai') // { family: 'Nguyễn', middle: 'Thị Minh', given: 'Khai' }
 */
export function splitVietnameseName(full: string): VietnameseNameParts {
  const words = toNfc(full)
    .split(' ')
    .filter((word) => word !== '');
  if (words.length === 0) return { family: '', middle: '', given: '' };
  if (words.length === 1) return { family: '', middle: '', given: words[0] ?? '' };
  return {
    family: words[0] ?? '',
    middle: words.slice(1, -1).join(' '),
    given: words[words.length - 1] ?? '',
  };
}
