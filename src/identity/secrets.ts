import { randomBytes } from 'node:crypto';
import type { Database } from '../db/index.ts';
import type { Clock } from '../kernel/index.ts';
import type { IdentityTables } from './tables.ts';

/**
 * Secrets the platform makes for itself on first use and keeps in its database (cookie signing keys, the
 * pepper of one-time codes), so that every node of an installation shares them and none is in the repository.
 */
export async function platformSecret(db: Database, clock: Clock, name: string, bytes = 32): Promise<Buffer> {
  const tables = db.kysely.withTables<IdentityTables>();
  await tables
    .insertInto('identity.secret')
    .values({ name, value: randomBytes(bytes), created_at: clock.now() })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await tables
    .selectFrom('identity.secret')
    .select('value')
    .where('name', '=', name)
    .executeTakeFirstOrThrow();
  return Buffer.from(row.value);
}
