/**
 * What the loader found wrong or unusual in the public data, and what it did about each. Nothing is dropped
 * silently: every row or unit that needed a decision is counted under one of these kinds.
 */

export type IrregularityKind = keyof typeof TREATMENTS;

/** One kind of irregularity met while loading, with how many rows or units it touched. */
export interface Irregularity {
  readonly kind: IrregularityKind;
  /** False when the loader could not repair it: the data is loaded without the affected link or unit. */
  readonly resolved: boolean;
  /** Distinct rows or units concerned (the treatment says which). */
  readonly count: number;
  readonly treatment: string;
  /** Up to five of them, for a person to check by hand. */
  readonly examples: readonly string[];
}

const TREATMENTS = {
  province_renamed: {
    resolved: true,
    treatment:
      'Provinces of the mapping data named by a later name; matched to their ID-number code by data/corrections.json.',
  },
  province_not_in_code_list: {
    resolved: false,
    treatment: 'Mapping rows whose old province matches no ID-number province code; skipped.',
  },
  province_without_communes: {
    resolved: false,
    treatment: 'Pre-2025 provinces (ID-number code list) that no mapping row names; loaded without communes.',
  },
  text_not_normalized: {
    resolved: true,
    treatment: 'Rows with names not in NFC or with stray spaces; stored in NFC with single spaces.',
  },
  duplicate_mapping_row: {
    resolved: true,
    treatment: 'Mapping rows that repeat the old and new unit of an earlier row; loaded once.',
  },
  new_code_unknown: {
    resolved: true,
    treatment:
      'Mapping rows whose new code is not a 2025 commune code (some lost their leading zeros); resolved by the new commune name within the new province.',
  },
  new_code_contradicts_name: {
    resolved: true,
    treatment:
      'Mapping rows whose new code is a commune of another name or province than the row states; the name within the stated province wins over the code.',
  },
  new_unit_unresolved: {
    resolved: false,
    treatment:
      'Mapping rows whose new commune is found neither by code nor by name within the province; the old commune is loaded without that successor.',
  },
  old_code_malformed: {
    resolved: true,
    treatment: 'Mapping rows whose old code is not five digits; treated as rows without an old code.',
  },
  old_code_missing_matched: {
    resolved: true,
    treatment:
      'Old communes listed in some rows without their code; joined to the coded commune of the same province, district and name (tone-mark placement and case ignored).',
  },
  old_code_missing_synthetic: {
    resolved: true,
    treatment:
      'Old communes the data never gives a code; given the stable id pre2025:x-<hash of province code, district and name>.',
  },
  old_spelling_variants: {
    resolved: true,
    treatment:
      'Old communes spelled in several ways (tone-mark placement, case); the most frequent spelling is kept, the first one on a tie.',
  },
  communeless_district: {
    resolved: true,
    treatment:
      'Mapping rows with no old unit, for island districts that had no communes; the district is the pre-2025 unit (data/corrections.json).',
  },
  old_unit_missing: {
    resolved: false,
    treatment: 'Mapping rows with no old unit that data/corrections.json does not explain; skipped.',
  },
  split_commune: {
    resolved: true,
    treatment: 'Old communes divided between several new communes; every successor is kept.',
  },
  commune_without_predecessor: {
    resolved: false,
    treatment:
      'Communes of 2025 that no mapping row leads to; they exist from 2025-07-01 but no old address resolves to them.',
  },
} as const satisfies Record<string, { resolved: boolean; treatment: string }>;

const EXAMPLES = 5;

/** Collects irregularities by kind, counting each row or unit once. */
export class IrregularityLog {
  private readonly subjects = new Map<IrregularityKind, Set<string>>();

  /** Records that `subject` (`mapping #10047`, a unit id and name) shows irregularity `kind`. */
  note(kind: IrregularityKind, subject: string): void {
    let set = this.subjects.get(kind);
    if (!set) {
      set = new Set();
      this.subjects.set(kind, set);
    }
    set.add(subject);
  }

  count(kind: IrregularityKind): number {
    return this.subjects.get(kind)?.size ?? 0;
  }

  /** The kinds met, in the order of the catalogue above. */
  list(): Irregularity[] {
    return (Object.keys(TREATMENTS) as IrregularityKind[]).flatMap((kind) => {
      const set = this.subjects.get(kind);
      if (!set) return [];
      return [{ kind, ...TREATMENTS[kind], count: set.size, examples: [...set].slice(0, EXAMPLES) }];
    });
  }
}
