import { AccessLog } from '../audit/index.ts';
import type { Config } from '../config/index.ts';
import { systemClock } from '../kernel/index.ts';
import { openDatabase } from './open-database.ts';

/**
 * `dancu audit verify`: recomputes every hash of the access log and reports the first break of each lane.
 * Exits 1 when the chain is broken, so a scheduled job can alert on it.
 */
export async function runAudit(config: Config, args: readonly string[]): Promise<number> {
  if (args[0] !== 'verify') {
    process.stderr.write('usage: dancu audit verify\n');
    return 2;
  }
  const db = await openDatabase(config);
  try {
    const report = await new AccessLog(db, systemClock).verifyChain();
    process.stdout.write(`access log: ${report.rows} rows in ${report.lanes} lanes checked\n`);
    if (report.ok) {
      process.stdout.write('chain intact\n');
      return 0;
    }
    process.stdout.write(`CHAIN BROKEN in ${report.breaks.length} lane(s):\n`);
    for (const broken of report.breaks) {
      process.stdout.write(
        `  lane ${broken.lane}, position ${broken.seq}, row ${broken.id ?? '(missing)'}: ${broken.reason}\n`,
      );
    }
    return 1;
  } finally {
    await db.close();
  }
}
