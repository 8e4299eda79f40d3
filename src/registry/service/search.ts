import { sql } from 'kysely';
import { coalescePer, type Database } from '../../db/index.ts';
import { DomainError, foldText, parsePersonalId } from '../../kernel/index.ts';
import type { PersonSummary } from '../model.ts';
import { registryDb } from '../store.ts';
import type { AccessContext, RegistryDeps } from './context.ts';
import { logRead } from './record.ts';

export interface PersonQuery {
  /** Full name or its beginning, with or without diacritics, in any case or Unicode form. */
  readonly name: string;
  readonly birthDate?: string;
  /** Current permanent residence in this commune. */
  readonly communeId?: string;
  readonly limit?: number;
  /** The `next` cursor of the previous page. */
  readonly after?: string;
}

export interface PersonPage {
  readonly items: PersonSummary[];
  readonly next: string | null;
}

export const MAX_PAGE = 50;
const MIN_NAME_LENGTH = 3;

/**
 * Finds people by folded name (prefix), optionally narrowed by date of birth and commune of permanent
 * residence (or any unit it replaced), in keyset pages. Each person returned is logged as read.
 * @throws DomainError SEARCH_TOO_BROAD when the name is shorter than 3 letters, INVALID_CURSOR,
 *   ADMIN_UNIT_NOT_FOUND
 */
export async function searchPeople(deps: RegistryDeps, query: PersonQuery, access: AccessContext): Promise<PersonPage> {
  const folded = foldText(query.name);
  if (folded.length < MIN_NAME_LENGTH) {
    throw new DomainError('SEARCH_TOO_BROAD', `Give at least ${MIN_NAME_LENGTH} letters of the name.`);
  }
  const limit = Math.min(Math.max(query.limit ?? 20, 1), MAX_PAGE);
  const after = query.after ? decodeCursor(query.after) : undefined;
  const db = registryDb(deps.db);
  // A 2025 commune covers the records kept under the communes it replaced.
  const communes = query.communeId ? await deps.units.lineageOf(query.communeId) : undefined;
  // Range on the folded name with the pattern operators, so the text_pattern_ops index serves the prefix.
  const upper = `${folded.slice(0, -1)}${String.fromCharCode(folded.charCodeAt(folded.length - 1) + 1)}`;
  const { rows } = await sql<PersonSummaryRow>`
    select p.personal_id, p.full_name, p.folded_name, p.birth_date, p.sex, p.status, home.commune_id
    from registry.person p
    left join lateral (${PERMANENT_HOME}) home on true
    where p.folded_name ~>=~ ${folded} and p.folded_name ~<~ ${upper}
      ${query.birthDate ? sql`and p.birth_date = ${query.birthDate}` : sql``}
      ${communes ? sql`and home.commune_id in (${sql.join(communes)})` : sql``}
      ${after ? sql`and (p.folded_name, p.birth_date, p.personal_id) > (${after[0]}, ${after[1]}, ${after[2]})` : sql``}
    order by p.folded_name, p.birth_date, p.personal_id
    limit ${limit + 1}`.execute(db);
  const page = rows.slice(0, limit);
  await logRead(
    deps,
    access,
    page.map((row) => row.personal_id),
    'search',
  );
  const last = page.at(-1);
  return {
    items: page.map(toSummary),
    next: rows.length > limit && last ? encodeCursor([last.folded_name, last.birth_date, last.personal_id]) : null,
  };
}

/**
 * Looks a person up by personal ID number, logged as a read.
 * @throws DomainError INVALID_PERSONAL_ID, PERSON_NOT_FOUND
 */
export async function lookupPerson(
  deps: RegistryDeps,
  personalIdText: string,
  access: AccessContext,
): Promise<PersonSummary> {
  const personalId = parsePersonalId(personalIdText);
  const row = await summaryRowOf(deps.db, personalId);
  if (!row) throw new DomainError('PERSON_NOT_FOUND', 'No person has this personal ID number.');
  await logRead(deps, access, [personalId], 'lookup');
  return toSummary(row);
}

/** The commune of the open permanent residence of the person `p` (lateral subquery). */
const PERMANENT_HOME_SQL = `
  select r.commune_id from registry.residence r
  where r.personal_id = p.personal_id and r.kind = 'permanent' and r.valid_to is null
  order by r.valid_from desc limit 1`;
const PERMANENT_HOME = sql.raw(PERMANENT_HOME_SQL);

/**
 * People and their permanent homes in one statement. Hand-written text rather than a query built per call: it
 * is the hottest read of the registry (every lookup by ID number), and the text never changes. The lookups of
 * one turn of the event loop share it (`db/coalesce.ts`).
 */
const LOOKUP_SQL = `
  select p.personal_id, p.full_name, p.folded_name, p.birth_date, p.sex, p.status, home.commune_id
  from registry.person p
  left join lateral (${PERMANENT_HOME_SQL}) home on true
  where p.personal_id = any($1::char(12)[])`;

const summaryRowOf = coalescePer(async (db: Database, personalIds: readonly string[]) => {
  const { rows } = await db.query<PersonSummaryRow>(LOOKUP_SQL, [personalIds]);
  return new Map(rows.map((row) => [row.personal_id, row]));
});

function toSummary(row: PersonSummaryRow): PersonSummary {
  return {
    personalId: row.personal_id,
    fullName: row.full_name,
    birthDate: row.birth_date,
    sex: row.sex,
    status: row.status,
    permanentCommuneId: row.commune_id,
  };
}

interface PersonSummaryRow {
  personal_id: string;
  full_name: string;
  folded_name: string;
  birth_date: string;
  sex: 'male' | 'female';
  status: 'alive' | 'deceased' | 'missing';
  commune_id: string | null;
}

function encodeCursor(key: [string, string, string]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

function decodeCursor(cursor: string): [string, string, string] {
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(key) && key.length === 3 && key.every((part) => typeof part === 'string')) {
      return key as [string, string, string];
    }
  } catch {
    // fall through to the refusal
  }
  throw new DomainError('INVALID_CURSOR', 'The paging cursor is not one this service gave.');
}
