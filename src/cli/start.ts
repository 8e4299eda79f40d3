import closeWithGrace from 'close-with-grace';
import type { Config } from '../config/index.ts';
import { buildApp } from '../http/index.ts';
import { BootstrapTokens } from '../identity/index.ts';
import { systemClock } from '../kernel/index.ts';
import { describeDatabase, openDatabase } from './open-database.ts';
import { prepareDatabase } from './prepare-database.ts';

/**
 * `dancu start`: opens and migrates the database, serves the app, and on SIGINT/SIGTERM stops taking
 * requests, lets those in flight finish, then closes the database so the embedded one is left consistent.
 */
export async function runStart(config: Config): Promise<void> {
  const db = await openDatabase(config);
  await prepareDatabase(db);
  const token = await new BootstrapTokens(db, systemClock).ensure();
  const app = await buildApp({ config, db });
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
