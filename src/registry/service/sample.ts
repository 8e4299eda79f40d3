import { sql } from 'kysely';
import { registryDb } from '../store.ts';
import { type AccessContext, type RegistryDeps, today } from './context.ts';
import { logRead } from './record.ts';

/**
 * Adults of one commune who can hold an eID account: alive, aged 25 to 60, with a valid card and an open
 * permanent residence in the commune (as recorded, of either era) where most people live. Used to pick the demonstration accounts of a
 * new installation; every person returned is logged as read.
 */
export async function sampleResidents(deps: RegistryDeps, count: number, access: AccessContext): Promise<string[]> {
  const day = today(deps);
  const db = registryDb(deps.db);
  const { rows: busiest } = await sql<{ commune_id: string }>`
    select commune_id from registry.residence
    where kind = 'permanent' and valid_to is null
    group by commune_id order by count(*) desc, commune_id limit 1`.execute(db);
  const communeId = busiest[0]?.commune_id;
  if (!communeId) return [];
  const { rows } = await sql<{ personal_id: string }>`
    select p.personal_id from registry.residence r
    join registry.person p on p.personal_id = r.personal_id
    where r.commune_id = ${communeId} and r.kind = 'permanent' and r.valid_to is null
      and p.status = 'alive'
      and p.birth_date between (${day}::date - interval '60 years') and (${day}::date - interval '25 years')
      and exists (select 1 from registry.identity_card c
                  where c.personal_id = p.personal_id and c.status = 'valid' and (c.expires_on is null or c.expires_on > ${day}::date))
    order by p.personal_id limit ${count}`.execute(db);
  const ids = rows.map((row) => row.personal_id);
  await logRead(deps, access, ids, 'read');
  return ids;
}
