/** Test helpers of the synthetic population. */
import type { Database } from '../../db/index.ts';
import { SEED_TABLES } from './writer.ts';

/**
 * One digest of every row and column of the seeded tables, in key order: equal for two registries exactly
 * when their seeded rows are equal (on one engine; the text of a timestamp follows the session's time zone).
 */
export async function populationChecksum(db: Database): Promise<string> {
  const parts: string[] = [];
  for (const { table } of Object.values(SEED_TABLES)) {
    const key = table === 'registry.person' ? 'personal_id' : 'id';
    const { rows } = await db.query<{ digest: string | null; count: number }>(
      `select md5(string_agg(t::text, E'\\n' order by t.${key})) as digest, count(*)::int8 as count from ${table} t`,
    );
    parts.push(`${table}:${rows[0]?.count}:${rows[0]?.digest}`);
  }
  return parts.join(' ');
}
