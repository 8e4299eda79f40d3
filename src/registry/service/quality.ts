import { type RawBuilder, sql } from 'kysely';
import { registryDb } from '../store.ts';
import { type AccessContext, type RegistryDeps, today } from './context.ts';
import { logRead } from './record.ts';

/**
 * "Correct, complete, clean, live" (đúng, đủ, sạch, sống): checks that find records needing an officer's
 * attention, counted by province and commune of permanent residence (or of birth registration for people
 * with none).
 */
export const QUALITY_CHECKS = [
  'id_inconsistent',
  'missing_fields',
  'no_permanent_residence',
  'probable_duplicate',
  'deceased_household_head',
  'deceased_valid_card',
  'household_without_head',
  'expired_temporary_residence',
] as const;
export type QualityCheck = (typeof QUALITY_CHECKS)[number];

export const QUALITY_CHECK_LABELS: Record<QualityCheck, { vi: string; en: string }> = {
  id_inconsistent: {
    vi: 'Số định danh không khớp năm sinh, giới tính hoặc mã tỉnh',
    en: 'ID number disagrees with birth year, sex or province code',
  },
  missing_fields: { vi: 'Thiếu thông tin bắt buộc', en: 'Required fields missing' },
  no_permanent_residence: { vi: 'Chưa có nơi thường trú', en: 'No permanent residence' },
  probable_duplicate: { vi: 'Có thể trùng người', en: 'Probable duplicate person' },
  deceased_household_head: { vi: 'Người đã mất vẫn là chủ hộ', en: 'Deceased person still household head' },
  deceased_valid_card: { vi: 'Người đã mất còn thẻ căn cước hiệu lực', en: 'Deceased person with a valid card' },
  household_without_head: { vi: 'Hộ gia đình không có chủ hộ', en: 'Household without a head' },
  expired_temporary_residence: { vi: 'Tạm trú đã hết hạn', en: 'Temporary residence expired' },
};

/** The personal IDs (or household ids) each check finds, as SQL selecting `subject` and `commune_id`. */
function findings(check: QualityCheck, day: string): RawBuilder<unknown> {
  const home = sql`coalesce((select r.commune_id from registry.residence r
      where r.personal_id = p.personal_id and r.kind = 'permanent' and r.valid_to is null
      order by r.valid_from desc limit 1), p.birth_registration_commune_id)`;
  switch (check) {
    case 'id_inconsistent':
      return sql`select p.personal_id as subject, ${home} as commune_id from registry.person p
        where 1900 + 100 * (substr(p.personal_id, 4, 1)::int / 2) + substr(p.personal_id, 5, 2)::int
                <> extract(year from p.birth_date)::int
           or (substr(p.personal_id, 4, 1)::int % 2 = 0) <> (p.sex = 'male')
           or substr(p.personal_id, 1, 3) not in
                (select legacy_id_code from registry.province where legacy_id_code is not null)`;
    case 'missing_fields':
      return sql`select p.personal_id, ${home} from registry.person p
        where p.status = 'alive' and (p.ethnicity_code is null or p.place_of_birth is null
           or p.birth_registration_commune_id is null or p.hometown is null)`;
    case 'no_permanent_residence':
      return sql`select p.personal_id, p.birth_registration_commune_id from registry.person p
        where p.status = 'alive' and not exists (select 1 from registry.residence r
          where r.personal_id = p.personal_id and r.kind = 'permanent' and r.valid_to is null)`;
    case 'probable_duplicate':
      return sql`select p.personal_id, ${home} from registry.person p
        join (select folded_name, birth_date, birth_registration_commune_id from registry.person
              group by 1, 2, 3 having count(*) > 1) d
          on d.folded_name = p.folded_name and d.birth_date = p.birth_date
         and d.birth_registration_commune_id is not distinct from p.birth_registration_commune_id`;
    case 'deceased_household_head':
      return sql`select p.personal_id, h.commune_id from registry.person p
        join registry.household_member m on m.personal_id = p.personal_id
          and m.relationship = 'head' and m.left_on is null
        join registry.household h on h.id = m.household_id
        where p.status = 'deceased'`;
    case 'deceased_valid_card':
      return sql`select p.personal_id, ${home} from registry.person p
        where p.status = 'deceased' and exists (select 1 from registry.identity_card c
          where c.personal_id = p.personal_id and c.status = 'valid')`;
    case 'household_without_head':
      return sql`select h.file_number, h.commune_id from registry.household h
        where h.dissolved_on is null
          and exists (select 1 from registry.household_member m where m.household_id = h.id and m.left_on is null)
          and not exists (select 1 from registry.household_member m
            where m.household_id = h.id and m.left_on is null and m.relationship = 'head')`;
    case 'expired_temporary_residence':
      return sql`select r.personal_id, r.commune_id from registry.residence r
        where r.kind = 'temporary' and r.valid_to is null and r.expires_on < ${day}`;
  }
}

export interface QualityCount {
  readonly check: QualityCheck;
  readonly provinceId: string | null;
  readonly provinceName: string | null;
  readonly communeId: string | null;
  readonly communeName: string | null;
  readonly count: number;
}

export interface QualityReport {
  readonly day: string;
  readonly totals: Record<QualityCheck, number>;
  /** One row per check and commune with findings (communes without a unit on record have null ids). */
  readonly byCommune: readonly QualityCount[];
}

/** Runs every check over the whole registry or one province (id of `registry.province`). */
export async function qualityReport(deps: RegistryDeps, filter: { provinceId?: string } = {}): Promise<QualityReport> {
  const day = today(deps);
  const db = registryDb(deps.db);
  const byCommune: QualityCount[] = [];
  const totals = Object.fromEntries(QUALITY_CHECKS.map((check) => [check, 0])) as Record<QualityCheck, number>;
  for (const check of QUALITY_CHECKS) {
    const { rows } = await sql<{
      province_id: string | null;
      province_name: string | null;
      commune_id: string | null;
      commune_name: string | null;
      count: number;
    }>`
      select pr.id as province_id, pr.name as province_name, c.id as commune_id, c.name as commune_name,
             count(*)::int8 as count
      from (${findings(check, day)}) f (subject, commune_id)
      left join registry.commune c on c.id = f.commune_id
      left join registry.province pr on pr.id = c.province_id
      ${filter.provinceId ? sql`where pr.id = ${filter.provinceId}` : sql``}
      group by pr.id, pr.name, c.id, c.name
      order by count desc, c.id`.execute(db);
    for (const row of rows) {
      totals[check] += row.count;
      byCommune.push({
        check,
        provinceId: row.province_id,
        provinceName: row.province_name,
        communeId: row.commune_id,
        communeName: row.commune_name,
        count: row.count,
      });
    }
  }
  return { day, totals, byCommune };
}

/**
 * The subjects one check finds (personal IDs, or household file numbers), for an officer to work through.
 * Personal IDs handed out are logged as read.
 */
export async function qualityFindings(
  deps: RegistryDeps,
  check: QualityCheck,
  filter: { communeId?: string; limit?: number },
  access: AccessContext,
): Promise<string[]> {
  const limit = Math.min(filter.limit ?? 100, 1000);
  const { rows } = await sql<{ subject: string }>`
    select f.subject from (${findings(check, today(deps))}) f (subject, commune_id)
    ${filter.communeId ? sql`where f.commune_id = ${filter.communeId}` : sql``}
    order by f.subject limit ${limit}`.execute(registryDb(deps.db));
  const subjects = rows.map((row) => row.subject);
  if (check !== 'household_without_head') await logRead(deps, access, subjects, 'quality_review');
  return subjects;
}
