import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../test/support/db.ts';
import { checkPersonalIdConsistency, foldText, ManualClock, parsePersonalId } from '../../kernel/index.ts';
import { ageOn, cardExpiry } from '../rules.ts';
import { testRegistry } from '../testing.ts';
import { type SeedReport, seedPopulation } from './seed.ts';

/** The seed and the quality report must agree on "today" (2 March 2026 in Vietnam). */
const NOW = '2026-03-02T03:00:00Z';
const TODAY = '2026-03-02';
const PEOPLE = 4000;

let handle: TestDatabase;
let report: SeedReport;

beforeAll(async () => {
  handle = await openTestDatabase();
  report = await seedPopulation({ db: handle.db, clock: new ManualClock(NOW) }, { people: PEOPLE, seed: 1 });
}, 120_000);
afterAll(async () => handle.close());

async function rows<R>(text: string, params: unknown[] = []): Promise<R[]> {
  return (await handle.db.query<R>(text, params)).rows;
}

async function count(text: string, params: unknown[] = []): Promise<number> {
  const [row] = await rows<{ n: number }>(`select count(*)::int8 as n from (${text}) x`, params);
  return row?.n ?? -1;
}

describe('the seeded people', () => {
  it('are exactly as many as asked for', async () => {
    expect(report.people).toBe(PEOPLE);
    expect(await count('select 1 from registry.person')).toBe(PEOPLE);
  });

  it('have ID numbers that pass the validator and encode their birth year and sex', async () => {
    const people = await rows<{ personal_id: string; birth_date: string; sex: 'male' | 'female' }>(
      'select personal_id, birth_date, sex from registry.person',
    );
    const bad = people.filter((p) => {
      const id = parsePersonalId(p.personal_id);
      return checkPersonalIdConsistency(id, { birthYear: Number(p.birth_date.slice(0, 4)), sex: p.sex }).length > 0;
    });
    expect(bad).toEqual([]);
    expect(new Set(people.map((p) => p.personal_id)).size).toBe(PEOPLE);
  });

  it('have ID numbers whose province is that of the commune where the birth was registered', async () => {
    const mismatched = await count(`
      select 1 from registry.person p
      join registry.commune c on c.id = p.birth_registration_commune_id
      left join registry.commune_succession s on s.new_commune_id = c.id
      left join registry.commune old on old.id = coalesce(s.old_commune_id, c.id)
      left join registry.province pr on pr.id = old.province_id
      group by p.personal_id
      having not bool_or(pr.legacy_id_code = substr(p.personal_id, 1, 3))`);
    expect(mismatched).toBe(0);
  });

  it('have names in NFC with their folded search key', async () => {
    const people = await rows<{ full_name: string; folded_name: string; family_name: string }>(
      'select full_name, folded_name, family_name from registry.person',
    );
    expect(people.filter((p) => p.full_name !== p.full_name.normalize('NFC'))).toEqual([]);
    expect(people.filter((p) => foldText(p.full_name) !== p.folded_name)).toEqual([]);
    const nguyen = people.filter((p) => p.family_name === 'Nguyễn').length / PEOPLE;
    expect(nguyen).toBeGreaterThan(0.33);
    expect(nguyen).toBeLessThan(0.44);
  });

  it('include about 0.5 % deceased, each with a date of death', async () => {
    expect(report.deceased / PEOPLE).toBeGreaterThan(0.002);
    expect(report.deceased / PEOPLE).toBeLessThan(0.01);
    expect(await count(`select 1 from registry.person where status = 'deceased' and status_date is not null`)).toBe(
      report.deceased,
    );
  });

  it('are married exactly when alive with an open spouse link', async () => {
    const inconsistent = await count(`
      select 1 from registry.person p
      where p.status = 'alive'
        and (p.marital_status = 'married') <> exists (select 1 from registry.family_link l
              where l.personal_id = p.personal_id and l.relation = 'spouse' and l.valid_to is null)`);
    expect(inconsistent).toBe(0);
  });
});

describe('the family links', () => {
  it('are stored in both directions', async () => {
    const missing = await count(`
      select 1 from registry.family_link l
      where not exists (select 1 from registry.family_link r
        where r.personal_id = l.relative_id and r.relative_id = l.personal_id
          and r.valid_from is not distinct from l.valid_from and r.valid_to is not distinct from l.valid_to
          and case l.relation when 'father' then r.relation = 'child' when 'mother' then r.relation = 'child'
                 when 'child' then r.relation in ('father', 'mother') when 'spouse' then r.relation = 'spouse'
                 when 'legal_representative' then r.relation = 'ward' when 'ward' then r.relation = 'legal_representative'
               end)`);
    expect(await count('select 1 from registry.family_link')).toBeGreaterThan(PEOPLE);
    expect(missing).toBe(0);
  });

  it('make parents 18 to 45 years older than their children, fathers male and mothers female', async () => {
    const links = await rows<{ relation: string; child: string; parent: string; sex: string }>(`
      select l.relation, c.birth_date as child, p.birth_date as parent, p.sex from registry.family_link l
      join registry.person c on c.personal_id = l.personal_id join registry.person p on p.personal_id = l.relative_id
      where l.relation in ('father', 'mother')`);
    expect(links.length).toBeGreaterThan(PEOPLE / 2);
    const wrong = links.filter((l) => {
      const age = ageOn(l.parent, l.child);
      return age < 18 || age > 45 || l.sex !== (l.relation === 'father' ? 'male' : 'female');
    });
    expect(wrong).toEqual([]);
  });

  it('marry spouses of similar age, both of marriage age on the day', async () => {
    const couples = await rows<{ a: string; b: string; sex: string; on: string }>(`
      select p.birth_date as a, q.birth_date as b, p.sex, l.valid_from as on from registry.family_link l
      join registry.person p on p.personal_id = l.personal_id join registry.person q on q.personal_id = l.relative_id
      where l.relation = 'spouse'`);
    expect(couples.length).toBeGreaterThan(0);
    const wrong = couples.filter((c) => {
      const gap = Math.abs(Number(c.a.slice(0, 4)) - Number(c.b.slice(0, 4)));
      return gap > 12 || ageOn(c.a, c.on) < (c.sex === 'male' ? 20 : 18) || c.on > TODAY;
    });
    expect(wrong).toEqual([]);
  });
});

describe('the households', () => {
  it('have a plausible size: a mean of about 3.5, and people living alone', async () => {
    const [sizes] = await rows<{ mean: number; singles: number; households: number }>(`
      select avg(n)::float8 as mean, count(*) filter (where n = 1)::int8 as singles, count(*)::int8 as households
      from (select household_id, count(*) as n from registry.household_member where left_on is null group by 1) s`);
    expect(sizes?.mean).toBeGreaterThan(3.1);
    expect(sizes?.mean).toBeLessThan(3.9);
    expect(sizes?.singles).toBeGreaterThan((sizes?.households ?? 0) * 0.05);
  });

  it('have one head each, an adult alive with full capacity, except the planted deceased heads', async () => {
    const heads = await rows<{ household_id: number; heads: number; fit: number; dead: number }>(`
      select h.id as household_id, count(m.id)::int8 as heads,
             count(*) filter (where p.status = 'alive' and p.civil_capacity = 'full'
                               and p.birth_date <= (date '${TODAY}' - interval '18 years'))::int8 as fit,
             count(*) filter (where p.status = 'deceased')::int8 as dead
      from registry.household h
      left join registry.household_member m on m.household_id = h.id and m.relationship = 'head' and m.left_on is null
      left join registry.person p on p.personal_id = m.personal_id
      where h.dissolved_on is null group by h.id`);
    expect(heads.filter((h) => h.heads !== 1)).toEqual([]);
    expect(heads.filter((h) => h.fit !== 1 && h.dead !== 1)).toEqual([]);
    expect(heads.filter((h) => h.dead === 1).length).toBe(report.dirty.deceasedHeads);
  });

  it('list members from birth or later, up to today, once each at a time', async () => {
    expect(
      await count(`select 1 from registry.household_member m join registry.person p using (personal_id)
        where m.joined_on < p.birth_date or m.joined_on > '${TODAY}' or m.left_on > '${TODAY}'`),
    ).toBe(0);
    // Everyone alive belongs to one household, except the second record of each planted duplicate.
    const outside = await count(`select 1 from registry.person p where p.status = 'alive'
      and not exists (select 1 from registry.household_member m where m.personal_id = p.personal_id and m.left_on is null)`);
    expect(outside).toBe(report.dirty.duplicatePairs);
  });
});

describe('residence and cards', () => {
  it('name communes in force on the day each residence began, a permanent one for everyone alive', async () => {
    const wrong = await count(`select 1 from registry.residence r left join registry.commune c on c.id = r.commune_id
      where c.id is null or (c.valid_from is not null and c.valid_from > r.valid_from)
         or (c.valid_to is not null and c.valid_to < r.valid_from)`);
    expect(wrong).toBe(0);
    expect(
      await count(`select 1 from registry.person p where p.status = 'alive' and not exists (select 1
        from registry.residence r where r.personal_id = p.personal_id and r.kind = 'permanent' and r.valid_to is null)`),
    ).toBe(0);
  });

  it('register temporary residence in another province for at most two years', async () => {
    const temporary = await rows<{ valid_from: string; expires_on: string; same_province: boolean }>(`
      select t.valid_from, t.expires_on, coalesce(ts.new_commune_id, t.commune_id) = coalesce(ps.new_commune_id, p.commune_id) as same_province
      from registry.residence t
      join registry.residence p on p.personal_id = t.personal_id and p.kind = 'permanent'
      left join registry.commune_succession ts on ts.old_commune_id = t.commune_id
      left join registry.commune_succession ps on ps.old_commune_id = p.commune_id
      where t.kind = 'temporary'`);
    expect(temporary.length).toBeGreaterThan(PEOPLE * 0.01);
    expect(temporary.filter((t) => t.same_province)).toEqual([]);
    const tooLong = temporary.filter(
      (t) => t.expires_on > `${Number(t.valid_from.slice(0, 4)) + 2}${t.valid_from.slice(4)}`,
    );
    expect(tooLong).toEqual([]);
  });

  it('issue cards with the expiry the law sets, at most one valid card per person', async () => {
    const cards = await rows<{ birth_date: string; issued_on: string; expires_on: string | null; kind: string }>(`
      select p.birth_date, c.issued_on, c.expires_on, c.kind from registry.identity_card c join registry.person p using (personal_id)`);
    expect(cards.length).toBeGreaterThan(PEOPLE / 2);
    expect(cards.filter((c) => c.expires_on !== cardExpiry(c.birth_date, c.issued_on))).toEqual([]);
    expect(cards.filter((c) => c.issued_on >= '2024-07-01' !== (c.kind === 'can_cuoc'))).toEqual([]);
    expect(
      await count(
        `select personal_id from registry.identity_card where status = 'valid' group by 1 having count(*) > 1`,
      ),
    ).toBe(0);
    expect(await count(`select 1 from registry.identity_card where issued_on > '${TODAY}'`)).toBe(0);
  });
});

describe('the data-quality report on seeded data', () => {
  it('finds the planted legacy errors, and nothing else', async () => {
    const { registry } = await testRegistry(handle.db, NOW);
    const { totals } = await registry.qualityReport();
    expect(report.dirty.deceasedHeads).toBeGreaterThan(0);
    expect(report.dirty.deceasedValidCards).toBeGreaterThan(0);
    expect(report.dirty.duplicatePairs).toBeGreaterThan(0);
    expect(totals).toEqual({
      id_inconsistent: 0,
      missing_fields: 0,
      no_permanent_residence: 0,
      probable_duplicate: 2 * report.dirty.duplicatePairs,
      deceased_household_head: report.dirty.deceasedHeads,
      deceased_valid_card: report.dirty.deceasedValidCards,
      household_without_head: 0,
      expired_temporary_residence: report.dirty.expiredTemporaryResidences,
    });
  });
});
