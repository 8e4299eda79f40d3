import closeWithGrace from 'close-with-grace';
import type { Config } from '../config/index.ts';
import type { Database } from '../db/index.ts';
import { buildApp } from '../http/index.ts';
import { BootstrapTokens } from '../identity/index.ts';
import { isDomainError, systemClock } from '../kernel/index.ts';
import { seedPopulation } from '../registry/index.ts';
import { createDemoAccounts, type DemoAccount } from './demo-accounts.ts';
import { describeDatabase, openDatabase } from './open-database.ts';
import { prepareDatabase } from './prepare-database.ts';

/** People in the demonstration population loaded on the first start of an empty embedded database. */
const FIRST_START_PEOPLE = 10_000;

/**
 * `dancu start`: opens and migrates the database, serves the app, and on SIGINT/SIGTERM stops taking
 * requests, lets those in flight finish, then closes the database so the embedded one is left consistent.
 */
export async function runStart(config: Config): Promise<void> {
  const db = await openDatabase(config);
  await prepareDatabase(db);
  const firstStart = await seedFirstStart(config, db);
  const token = await new BootstrapTokens(db, systemClock).ensure();
  const app = await buildApp({ config, db, background: true });
  const { identity, registry, messages } = app.services;
  const demo = firstStart ? await createDemoAccounts(identity, registry, messages) : [];
  closeWithGrace({ delay: 10_000 }, async ({ err, signal }) => {
    if (err) app.log.error({ err }, 'stopping after an error');
    else app.log.info({ signal }, 'stopping');
    await app.close();
    await db.close();
  });
  const address = await app.listen({ port: config.port, host: config.host });
  const url = address.replace('127.0.0.1', 'localhost');
  process.stdout.write(
    [
      '',
      `  dancu is running at ${url}`,
      `  database:  ${describeDatabase(config)}`,
      `  API docs:  ${url}/api/docs`,
      `  health:    ${url}/health`,
      ...signInLines(token),
      ...demoLines(url, demo, firstStart || config.databaseUrl !== undefined, config.devInbox),
      '  stop with Ctrl-C',
      '',
      '',
    ].join('\n'),
  );
}

/** The bootstrap administrator token is shown once, on the start that made it. */
function signInLines(token: string | undefined): string[] {
  if (!token) {
    return [
      '  sign in:   with the bootstrap administrator token printed on the first start',
      '             (lost it? `dancu bootstrap-token --reset`)',
    ];
  }
  return [
    '',
    '  Bootstrap administrator token (shown only now; keep it safe):',
    `    ${token}`,
    '  Use it as "Authorization: Bearer <token>" or paste it on the officer sign-in page.',
    '',
  ];
}

/** The demonstration sign-ins, shown on the first start only (their passwords are random). */
function demoLines(url: string, demo: readonly DemoAccount[], firstOrServer: boolean, devInbox: boolean): string[] {
  const lines = devInbox ? [`  developer inbox (one-time codes): ${url}/dev/inbox`] : [];
  if (demo.length === 0) {
    if (!firstOrServer) lines.push('  demo sign-ins: printed on the first start');
    return lines;
  }
  lines.push('', `  Demo sign-ins at ${url}/sign-in (personal ID number / password; shown only now):`);
  for (const account of demo) lines.push(`    ${account.personalId} / ${account.password}   ${account.label}`);
  lines.push(
    '  All are level 2: a level-2 sign-in (officer console) also asks for the code in the developer inbox.',
    '',
  );
  return lines;
}

/**
 * On the first start of the embedded database, loads a synthetic population (`dancu seed --people 10000
 * --seed 1`) so that a new installation has people to search and show. Never on a PostgreSQL server, which
 * may be meant for real records: there, `dancu seed` is run on purpose.
 */
async function seedFirstStart(config: Config, db: Database): Promise<boolean> {
  if (config.databaseUrl) return false;
  try {
    const report = await seedPopulation({ db, clock: systemClock }, { people: FIRST_START_PEOPLE, seed: 1 });
    process.stdout.write(
      `  first start: seeded ${report.people.toLocaleString('en')} synthetic people (seed 1) in ${(report.elapsedMs / 1000).toFixed(1)} s\n`,
    );
    return true;
  } catch (error) {
    // Not the first start: the registry has people.
    if (!isDomainError(error, 'REGISTRY_NOT_EMPTY')) throw error;
    return false;
  }
}
