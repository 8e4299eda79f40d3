import type { FastifyInstance } from 'fastify';
import { prepareDatabase } from '../../src/cli/prepare-database.ts';
import { loadConfig } from '../../src/config/index.ts';
import { Database } from '../../src/db/index.ts';
import { buildApp } from '../../src/http/index.ts';
import { BootstrapTokens } from '../../src/identity/index.ts';
import { systemClock } from '../../src/kernel/index.ts';
import { freePort } from './free-port.ts';

export interface RunningServer {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly app: FastifyInstance;
  readonly db: Database;
  /** The bootstrap administrator token of this server, for signing in. */
  readonly token: string;
  close(): Promise<void>;
}

/**
 * The platform listening on a free port of 127.0.0.1, on a fresh in-memory database, serving the built
 * web app from `dist/web`: what a browser test points Chromium at. The port is chosen before the app is
 * built so that its public URL, and with it the OpenID issuer, is the address the browser uses; messages go
 * to the developer inbox, where the tests read one-time codes.
 */
export async function startServer(): Promise<RunningServer> {
  const db = await Database.open({ pglite: { memory: true } });
  await prepareDatabase(db);
  const token = await new BootstrapTokens(db, systemClock).reset();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const app = await buildApp({
    config: { ...loadConfig({}), logLevel: 'warn', port, publicUrl: url, devInbox: true },
    db,
  });
  await app.listen({ port, host: '127.0.0.1' });
  return {
    url,
    app,
    db,
    token,
    close: async () => {
      await app.close();
      await db.close();
    },
  };
}
