import type { Config } from '../config/index.ts';
import { rotateSigningKey } from '../identity/index.ts';
import { systemClock } from '../kernel/index.ts';
import { openDatabase } from './open-database.ts';

/**
 * `dancu keys rotate`: makes a new ES256 signing key for the OpenID provider at once (after a suspected
 * leak, say). Running servers sign with it after their next start; the old key stays published, so tokens
 * it signed still verify until they expire.
 */
export async function runKeys(config: Config, args: readonly string[]): Promise<number> {
  if (args[0] !== 'rotate') {
    process.stderr.write('usage: dancu keys rotate\n');
    return 2;
  }
  const db = await openDatabase(config);
  try {
    const kid = await rotateSigningKey(db, systemClock);
    process.stdout.write(`new signing key ${kid}; restart the servers to sign with it\n`);
    return 0;
  } finally {
    await db.close();
  }
}
