/**
 * Attributes of a synthetic person other than names and places: ethnicity and religion by their shares in
 * the 2019 census, blood group, and phone, e-mail and former identity numbers that are unique within a run.
 */
import ethnicities from '../admin-units/data/ethnicities.json' with { type: 'json' };
import religions from '../admin-units/data/religions.json' with { type: 'json' };
import { Bijection } from './bijection.ts';
import { type Random, Weighted } from './random.ts';

/** Shares in percent (2019 census, rounded); groups below 0.01 % share the small remainder. */
const ETHNIC_SHARES: Readonly<Record<string, number>> = {
  Kinh: 85.3,
  Tày: 1.9,
  Thái: 1.9,
  Mường: 1.5,
  Mông: 1.5,
  Khmer: 1.4,
  Nùng: 1.1,
  Dao: 0.9,
  Hoa: 0.8,
  'Gia Rai': 0.5,
  'Ê Đê': 0.4,
  'Ba Na': 0.3,
  'Sán Chay': 0.2,
  Chăm: 0.2,
  'Cơ Ho': 0.2,
  'Xơ Đăng': 0.2,
  'Sán Dìu': 0.2,
  Hrê: 0.15,
  'Ra Glai': 0.15,
  Mnông: 0.13,
  Thổ: 0.09,
  Xtiêng: 0.1,
  'Khơ Mú': 0.09,
  'Bru Vân Kiều': 0.1,
  'Cơ Tu': 0.07,
  Giáy: 0.07,
  'Tà Ôi': 0.06,
  Mạ: 0.05,
  'Gié Triêng': 0.07,
  Co: 0.04,
  'Chơ Ro': 0.03,
  'Xinh Mun': 0.03,
  'Hà Nhì': 0.03,
  'Chu Ru': 0.02,
  Lào: 0.02,
  Kháng: 0.02,
  'La Chí': 0.02,
};
const OTHER_ETHNIC_SHARE = 0.01;

/** Shares in percent of the religions (code list names); the rest, about 86 %, declare none. */
const RELIGION_SHARES: Readonly<Record<string, number>> = {
  'Công giáo': 6.1,
  'Phật giáo': 4.8,
  'Tin Lành': 1.0,
  'Phật giáo Hòa Hảo': 1.0,
  'Cao Đài': 0.6,
  'Tịnh độ cư sĩ': 0.05,
  'Hồi giáo': 0.08,
  'Bửu Sơn Kỳ Hương': 0.02,
  'Tứ Ân Hiếu Nghĩa': 0.01,
  'Minh Sư đạo': 0.01,
  'Minh Lý đạo': 0.01,
  "Baha'i": 0.01,
  'Bà La Môn': 0.01,
};
const NO_RELIGION = '00';

function codeOf(list: { entries: ReadonlyArray<{ code: string; name: string }> }, name: string): string {
  const entry = list.entries.find((candidate) => candidate.name === name);
  if (!entry) throw new Error(`seed: "${name}" is not in the code list; update the seed's shares`);
  return entry.code;
}

const ethnicityTable = (() => {
  const named = new Set(Object.keys(ETHNIC_SHARES));
  // Not the "foreigner" entry (55): synthetic people are Vietnamese citizens.
  const others = ethnicities.entries.filter((entry) => !named.has(entry.name) && entry.code !== '55');
  return new Weighted<string>([
    ...Object.entries(ETHNIC_SHARES).map(([name, share]) => [codeOf(ethnicities, name), share] as const),
    ...others.map((entry) => [entry.code, OTHER_ETHNIC_SHARE / others.length] as const),
  ]);
})();

const religionTable = (() => {
  const declared = Object.values(RELIGION_SHARES).reduce((sum, share) => sum + share, 0);
  return new Weighted<string>([
    [codeOf(religions, 'Không'), 100 - declared],
    ...Object.entries(RELIGION_SHARES).map(([name, share]) => [codeOf(religions, name), share] as const),
  ]);
})();

const bloodTable = new Weighted<'A' | 'B' | 'AB' | 'O' | null>([
  ['O', 38],
  ['B', 27],
  ['A', 19],
  ['AB', 6],
  // Not yet tested or not declared.
  [null, 10],
]);

export const ETHNICITY_KINH = codeOf(ethnicities, 'Kinh');

export function drawEthnicity(random: Random): string {
  return ethnicityTable.pick(random);
}

export function drawReligion(random: Random): string {
  return religionTable.pick(random);
}

export function isNoReligion(code: string): boolean {
  return code === NO_RELIGION;
}

export function drawBloodGroup(random: Random): 'A' | 'B' | 'AB' | 'O' | null {
  return bloodTable.pick(random);
}

/** Mobile prefixes of the Vietnamese operators (10-digit numbers since 2018): 03x, 05x, 07x, 08x, 09x. */
const MOBILE_PREFIXES = [
  '086',
  '096',
  '097',
  '098',
  '032',
  '033',
  '034',
  '035',
  '036',
  '037',
  '038',
  '039',
  '088',
  '091',
  '094',
  '081',
  '082',
  '083',
  '084',
  '085',
  '089',
  '090',
  '093',
  '070',
  '076',
  '077',
  '078',
  '079',
  '092',
  '056',
  '058',
  '099',
  '059',
];

const PHONE_STRIDE = 3_030_303;

/**
 * Numbers handed out in order within a run, each different: the k-th number is a prefix and the image of
 * k through a bijection, so nothing needs to remember which numbers were taken.
 */
export class UniqueNumbers {
  #phones = 0;
  #formerIds = 0;
  #emails = 0;
  readonly #phoneDigits: Bijection;
  readonly #formerIdDigits: Bijection;

  constructor(seed: number) {
    this.#phoneDigits = new Bijection(10_000_000, seed);
    this.#formerIdDigits = new Bijection(1_000_000_000, seed);
  }

  /** A 10-digit mobile number. */
  phone(): string {
    // Prefix r and round q of the k-th number; within a prefix, q ↦ q + r·stride is one-to-one, so numbers
    // differ, and neighbours in the sequence get unrelated digits.
    const k = this.#phones++;
    const r = k % MOBILE_PREFIXES.length;
    const q = Math.floor(k / MOBILE_PREFIXES.length);
    const digits = this.#phoneDigits.digits((q + r * PHONE_STRIDE) % this.#phoneDigits.size);
    return `${MOBILE_PREFIXES[r]}${digits}`;
  }

  /** A former 9-digit identity number (CMND). */
  formerId(): string {
    return this.#formerIdDigits.digits(this.#formerIds++);
  }

  /** An address at the reserved example domain (RFC 2606): synthetic people must not mail real boxes. */
  email(foldedGiven: string, foldedFamily: string): string {
    const local = `${foldedGiven}.${foldedFamily}`.replaceAll(' ', '');
    return `${local}${++this.#emails}@example.com`;
  }
}
