import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../src/config/index.ts';
import type { Database } from '../../src/db/index.ts';
import { buildApp } from '../../src/http/index.ts';
import { BootstrapTokens } from '../../src/identity/index.ts';
import { systemClock } from '../../src/kernel/index.ts';
import { openTestDatabase } from './db.ts';
import { freePort } from './free-port.ts';

export interface ListeningApp {
  readonly url: string;
  readonly app: FastifyInstance;
  readonly db: Database;
  readonly token: string;
  close(): Promise<void>;
}

/**
 * The whole app listening on 127.0.0.1 over a fresh test database of this run's engine (PGlite, or
 * PostgreSQL when `DATABASE_URL` is set), with its public URL set so that the OpenID issuer is reachable:
 * what protocol tests with real clients need.
 */
export async function listeningApp(): Promise<ListeningApp> {
  const { db, close } = await openTestDatabase();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const app = await buildApp({
    config: { ...loadConfig({}), logLevel: 'silent', port, publicUrl: url, devInbox: true },
    db,
  });
  await app.listen({ port, host: '127.0.0.1' });
  const token = await new BootstrapTokens(db, systemClock).reset();
  return {
    url,
    app,
    db,
    token,
    close: async () => {
      await app.close();
      await close();
    },
  };
}
