import { parseArgs } from 'node:util';
import type { Config } from '../config/index.ts';
import { systemClock } from '../kernel/index.ts';
import { type SeedProgress, type SeedReport, seedPopulation } from '../registry/index.ts';
import { describeDatabase, openDatabase } from './open-database.ts';
import { prepareDatabase } from './prepare-database.ts';

export const SEED_USAGE = `Usage: dancu seed --people N [--seed S] [--append]

  --people N   how many synthetic people to add (e.g. 10000, 1_000_000)
  --seed S     chooses the population (default 1): the same N, S and day give the same rows
  --append     add to a registry that already has people (with a seed not used on it before)
`;

/** A command line that cannot be run as given: the message says what to change. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/**
 * `dancu seed`: migrates the database if needed, then loads a deterministic synthetic population
 * (DESIGN.md §4), showing progress on stderr, and prints what it loaded and how fast.
 */
export async function runSeed(config: Config, args: readonly string[]): Promise<void> {
  const options = parseSeedArgs(args);
  const db = await openDatabase(config);
  try {
    await prepareDatabase(db);
    process.stderr.write(`seeding ${describeDatabase(config)}\n`);
    const progress = progressReporter(process.stderr);
    const report = await seedPopulation({ db, clock: systemClock }, { ...options, onProgress: progress.update });
    progress.done();
    process.stdout.write(summary(report));
  } finally {
    await db.close();
  }
}

/** @throws UsageError for a missing or malformed option. */
export function parseSeedArgs(args: readonly string[]): { people: number; seed: number; append: boolean } {
  let values: { people?: string | undefined; seed?: string | undefined; append?: boolean | undefined };
  try {
    ({ values } = parseArgs({
      args: [...args],
      strict: true,
      allowPositionals: false,
      options: { people: { type: 'string' }, seed: { type: 'string' }, append: { type: 'boolean' } },
    }));
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n\n${SEED_USAGE}`);
  }
  if (values.people === undefined) throw new UsageError(`say how many people: --people N\n\n${SEED_USAGE}`);
  const people = wholeNumber('--people', values.people, 1);
  const seed = values.seed === undefined ? 1 : wholeNumber('--seed', values.seed, 0);
  return { people, seed, append: values.append ?? false };
}

function wholeNumber(flag: string, text: string, min: number): number {
  const digits = text.replaceAll(/[_,]/g, '');
  const value = Number(digits);
  if (!/^\d+$/.test(digits) || !Number.isSafeInteger(value) || value < min) {
    throw new UsageError(`${flag} takes a whole number of at least ${min}, not "${text}"`);
  }
  return value;
}

/** A bar redrawn in place on a terminal; a plain line every ten seconds otherwise (logs, CI). */
function progressReporter(stream: NodeJS.WriteStream) {
  const tty = stream.isTTY === true;
  let lastLine = 0;
  return {
    update: (progress: SeedProgress) => {
      const rate = progress.people / Math.max(progress.elapsedMs / 1000, 0.001);
      const share = progress.people / progress.total;
      const counts = `${progress.people.toLocaleString('en')} / ${progress.total.toLocaleString('en')} people`;
      const speed = `${Math.round(rate).toLocaleString('en')} people/s`;
      if (tty) {
        const width = 30;
        const filled = Math.round(share * width);
        stream.write(
          `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(share * 100).toFixed(0).padStart(3)} %  ${counts}  ${speed}  `,
        );
      } else if (progress.elapsedMs - lastLine >= 10_000 && progress.people < progress.total) {
        lastLine = progress.elapsedMs;
        stream.write(`seed: ${counts} (${(share * 100).toFixed(0)} %), ${speed}\n`);
      }
    },
    done: () => {
      if (tty) stream.write('\n');
    },
  };
}

function summary(report: SeedReport): string {
  const seconds = report.elapsedMs / 1000;
  const rate = Math.round(report.people / seconds).toLocaleString('en');
  const { dirty } = report;
  return [
    `seeded ${report.people.toLocaleString('en')} people in ${report.households.toLocaleString('en')} households ` +
      `(seed ${report.seed}, as of ${report.today}) in ${seconds.toFixed(1)} s: ${rate} people/s`,
    `  rows: ${Object.entries(report.rows)
      .map(([table, count]) => `${table} ${count.toLocaleString('en')}`)
      .join(', ')}`,
    `  deceased: ${report.deceased.toLocaleString('en')}; planted for the data-quality checks: ` +
      `deceased heads ${dirty.deceasedHeads}, deceased with a valid card ${dirty.deceasedValidCards}, ` +
      `duplicate pairs ${dirty.duplicatePairs}, open expired temporary residences ${dirty.expiredTemporaryResidences}`,
    '',
  ].join('\n');
}
