import closeWithGrace from 'close-with-grace';
import type { Config } from '../config/index.ts';
import { migrate } from '../db/index.ts';
import { buildApp } from '../http/index.ts';
import { describeDatabase, openDatabase } from './open-database.ts';

/**
 * `dancu start`: opens and migrates the database, serves the app, and on SIGINT/SIGTERM stops taking
 * requests, lets those in flight finish, then closes the database so the embedded one is left consistent.
 */
export async function runStart(config: Config): Promise<void> {
  const db = await openDatabase(config);
  await migrate(db);
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
      '  stop with Ctrl-C',
      '',
      '',
    ].join('\n'),
  );
}
