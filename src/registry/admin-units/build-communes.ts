import { createHash } from 'node:crypto';
import { toNfc } from '../../kernel/index.ts';
import type { BuiltProvinces } from './build-provinces.ts';
import type { IrregularityLog } from './irregularities.ts';
import { type Commune, LAST_PRE_REFORM_DAY, type Province, REFORM_DAY } from './model.ts';
import { communeKind, memoized, provinceKey, spellingKey } from './names.ts';
import type { ReferenceSources, SourceMapping } from './source.ts';

/** Đơn vị kế thừa — an old commune continued, wholly or in part, by a new one. */
export interface Succession {
  readonly oldCommuneId: string;
  readonly newCommuneId: string;
}

export interface BuiltCommunes {
  readonly communes: readonly Commune[];
  readonly successions: readonly Succession[];
}

/** An old commune being assembled from the mapping rows that mention it. */
interface OldDraft {
  readonly id: string;
  readonly code: string | null;
  readonly province: Province;
  /** Each spelling `name|district` met, with how often. */
  readonly spellings: Map<string, number>;
}

/** A mapping row's names in NFC; null for an absent old name. */
interface RowText {
  readonly subject: string;
  readonly oldName: string | null;
  readonly oldDistrict: string | null;
  readonly newName: string;
}

const FIVE_DIGITS = /^\d{5}$/;

/**
 * The 3,321 communes of 2025, the old communes the mapping names, and the successions between them.
 * Each decision the data forces is noted in `log` (see irregularities.ts).
 */
export function buildCommunes(
  sources: ReferenceSources,
  provinces: BuiltProvinces,
  log: IrregularityLog,
): BuiltCommunes {
  return new CommuneBuilder(sources, provinces, log).build();
}

class CommuneBuilder {
  private readonly key = memoized(spellingKey);
  private readonly nfc = memoized(toNfc);
  private readonly provinceKey = memoized(provinceKey);
  private readonly current = new Map<string, Commune>();
  private readonly currentByName = new Map<string, Commune[]>();
  private readonly codedByKey = new Map<string, string>();
  private readonly drafts = new Map<string, OldDraft>();
  private readonly successions = new Map<string, Succession>();

  constructor(
    private readonly sources: ReferenceSources,
    private readonly provinces: BuiltProvinces,
    private readonly log: IrregularityLog,
  ) {}

  build(): BuiltCommunes {
    this.addCurrentCommunes();
    this.indexCodedOldCommunes();
    for (const row of this.sources.mappings) this.addMapping(row);
    const old = [...this.drafts.values()].map((draft) => this.finishOldCommune(draft));
    this.noteShapes();
    return { communes: [...this.current.values(), ...old], successions: [...this.successions.values()] };
  }

  private addCurrentCommunes(): void {
    for (const ward of this.sources.wards) {
      const name = this.nfc(ward.name);
      if (name !== ward.name) this.log.note('text_not_normalized', `commune ${ward.ward_code}`);
      const commune: Commune = {
        id: `2025:${ward.ward_code}`,
        era: '2025',
        code: ward.ward_code,
        name,
        kind: communeKind(name),
        districtName: null,
        provinceId: `2025:${ward.province_code}`,
        validFrom: REFORM_DAY,
        validTo: null,
      };
      this.current.set(ward.ward_code, commune);
      const byName = `${commune.provinceId}|${this.key(name)}`;
      this.currentByName.set(byName, [...(this.currentByName.get(byName) ?? []), commune]);
    }
  }

  /** Old communes that some row gives a code, by province, district and name. */
  private indexCodedOldCommunes(): void {
    for (const row of this.sources.mappings) {
      const province = this.provinces.former.get(row.old_province_name ?? '');
      if (!province || !row.old_ward_name || !FIVE_DIGITS.test(row.old_ward_code ?? '')) continue;
      this.codedByKey.set(
        this.oldKey(province, row.old_district_name, row.old_ward_name),
        `pre2025:${row.old_ward_code}`,
      );
    }
  }

  private addMapping(row: SourceMapping): void {
    const text = this.rowText(row);
    const target = this.findNewCommune(row, text);
    const draft = text.oldName === null ? this.communelessDistrict(target, text) : this.oldCommune(row, text);
    if (!draft) return;
    const merged = this.drafts.get(draft.id) ?? draft;
    this.drafts.set(merged.id, merged);
    if (text.oldName !== null) {
      const spelling = `${text.oldName}|${text.oldDistrict ?? ''}`;
      merged.spellings.set(spelling, (merged.spellings.get(spelling) ?? 0) + 1);
    }
    if (!target) return;
    const edge = `${merged.id}>${target.id}`;
    if (this.successions.has(edge)) this.log.note('duplicate_mapping_row', text.subject);
    else this.successions.set(edge, { oldCommuneId: merged.id, newCommuneId: target.id });
  }

  private rowText(row: SourceMapping): RowText {
    const subject = `mapping #${row.id}`;
    const raw = [
      row.old_ward_name,
      row.old_district_name,
      row.old_province_name,
      row.new_ward_name,
      row.new_province_name,
    ];
    if (raw.some((value) => value && value !== this.nfc(value))) this.log.note('text_not_normalized', subject);
    const clean = (value: string | null) => (value === null || value.trim() === '' ? null : this.nfc(value));
    return {
      subject,
      oldName: clean(row.old_ward_name),
      oldDistrict: clean(row.old_district_name),
      newName: this.nfc(row.new_ward_name),
    };
  }

  /** A row's new commune: by code when code, name and province agree, else by name within the province. */
  private findNewCommune(row: SourceMapping, text: RowText): Commune | undefined {
    const province = this.provinces.current.get(this.provinceKey(row.new_province_name));
    const byCode = this.current.get(row.new_ward_code);
    const nameKey = this.key(text.newName);
    if (byCode && byCode.provinceId === province?.id && this.key(byCode.name) === nameKey) return byCode;
    const candidates = province ? (this.currentByName.get(`${province.id}|${nameKey}`) ?? []) : [];
    const [only] = candidates;
    if (candidates.length !== 1 || !only) {
      this.log.note('new_unit_unresolved', text.subject);
      return undefined;
    }
    this.log.note(byCode ? 'new_code_contradicts_name' : 'new_code_unknown', text.subject);
    return only;
  }

  private oldKey(province: Province, district: string | null, name: string): string {
    return `${province.legacyIdCode}|${this.key(district ?? '')}|${this.key(name)}`;
  }

  private oldCommune(row: SourceMapping, text: RowText): OldDraft | undefined {
    const province = this.provinces.former.get(row.old_province_name ?? '');
    if (!province) {
      this.log.note('province_not_in_code_list', text.subject);
      return undefined;
    }
    const rawCode = row.old_ward_code?.trim() ?? '';
    if (FIVE_DIGITS.test(rawCode)) return draft(`pre2025:${rawCode}`, rawCode, province);
    if (rawCode !== '') this.log.note('old_code_malformed', text.subject);
    const key = this.oldKey(province, text.oldDistrict, text.oldName ?? '');
    const coded = this.codedByKey.get(key);
    if (coded) {
      this.log.note('old_code_missing_matched', coded);
      return draft(coded, coded.slice('pre2025:'.length), province);
    }
    const id = syntheticId(key);
    this.log.note('old_code_missing_synthetic', id);
    return draft(id, null, province);
  }

  private communelessDistrict(target: Commune | undefined, text: RowText): OldDraft | undefined {
    const entry = this.sources.communelessDistricts.find((district) => district.newCommuneCode === target?.code);
    const province = entry && this.provinces.byIdCode.get(entry.legacyIdCode);
    if (!entry || !province) {
      this.log.note('old_unit_missing', text.subject);
      return undefined;
    }
    this.log.note('communeless_district', text.subject);
    const unit = draft(syntheticId(this.oldKey(province, entry.name, entry.name)), null, province);
    unit.spellings.set(`${entry.name}|${entry.name}`, 1);
    return unit;
  }

  private finishOldCommune(draft: OldDraft): Commune {
    let best = '';
    let bestCount = 0;
    for (const [spelling, count] of draft.spellings) {
      if (count > bestCount) [best, bestCount] = [spelling, count];
    }
    if (draft.spellings.size > 1) {
      this.log.note('old_spelling_variants', `${draft.id} ${[...draft.spellings.keys()].join(' / ')}`);
    }
    const [name = '', district = ''] = best.split('|');
    return {
      id: draft.id,
      era: 'pre2025',
      code: draft.code,
      name,
      kind: communeKind(name),
      districtName: district === '' ? null : district,
      provinceId: draft.province.id,
      validFrom: null,
      validTo: LAST_PRE_REFORM_DAY,
    };
  }

  /** Notes the shapes worth knowing: old communes split several ways, new communes nothing leads to. */
  private noteShapes(): void {
    const successors = new Map<string, number>();
    const reached = new Set<string>();
    for (const { oldCommuneId, newCommuneId } of this.successions.values()) {
      successors.set(oldCommuneId, (successors.get(oldCommuneId) ?? 0) + 1);
      reached.add(newCommuneId);
    }
    for (const [id, count] of successors) if (count > 1) this.log.note('split_commune', id);
    for (const commune of this.current.values()) {
      if (!reached.has(commune.id)) this.log.note('commune_without_predecessor', `${commune.id} ${commune.name}`);
    }
  }
}

/** A stable id for an old commune without code: 48 bits of SHA-256 over its province code, district and name. */
function syntheticId(key: string): string {
  return `pre2025:x-${createHash('sha256').update(key).digest('hex').slice(0, 12)}`;
}

function draft(id: string, code: string | null, province: Province): OldDraft {
  return { id, code, province, spellings: new Map() };
}
