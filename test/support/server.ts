import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../src/config/index.ts';
import { Database, migrate } from '../../src/db/index.ts';
import { buildApp } from '../../src/http/index.ts';

export interface RunningServer {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly app: FastifyInstance;
  readonly db: Database;
  close(): Promise<void>;
}

/**
 * The platform listening on a free port of 127.0.0.1, on a fresh in-memory database, serving the built
 * web app from `dist/web`: what a browser test points Chromium at.
 */
export async function startServer(): Promise<RunningServer> {
  const db = await Database.open({ pglite: { memory: true } });
  await migrate(db);
  const app = await buildApp({ config: { ...loadConfig({}), logLevel: 'warn', port: 0 }, db });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url,
    app,
    db,
    close: async () => {
      await app.close();
      await db.close();
    },
  };
}
