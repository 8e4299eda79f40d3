import type { Config } from '../config/index.ts';
import { BootstrapTokens } from '../identity/index.ts';
import { systemClock } from '../kernel/index.ts';
import { openDatabase } from './open-database.ts';
import { prepareDatabase } from './prepare-database.ts';

/**
 * `dancu bootstrap-token --reset`: revokes the bootstrap administrator token and prints a new one (for a
 * lost token; whoever holds the old one is locked out at once).
 */
export async function runBootstrapToken(config: Config, args: readonly string[]): Promise<void> {
  if (!args.includes('--reset')) {
    process.stdout.write(
      'The bootstrap administrator token is printed once, by the start that made it.\n' +
        'To revoke it and print a new one: dancu bootstrap-token --reset\n',
    );
    return;
  }
  const db = await openDatabase(config);
  try {
    await prepareDatabase(db);
    const token = await new BootstrapTokens(db, systemClock).reset();
    process.stdout.write(`New bootstrap administrator token (the old one no longer works):\n  ${token}\n`);
  } finally {
    await db.close();
  }
}
