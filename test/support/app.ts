import type { FastifyInstance } from 'fastify';
import { type Config, loadConfig } from '../../src/config/index.ts';
import type { Database } from '../../src/db/index.ts';
import { buildApp } from '../../src/http/index.ts';
import { type Clock, ManualClock } from '../../src/kernel/index.ts';
import { openTestDatabase } from './db.ts';

export interface TestApp {
  readonly app: FastifyInstance;
  readonly db: Database;
  readonly clock: ManualClock;
  close(): Promise<void>;
}

/** The whole application on a fresh test database, driven through `app.inject()`. */
export async function createTestApp(
  options: { config?: Partial<Config>; clock?: Clock; webRoot?: string } = {},
): Promise<TestApp> {
  const { db, close } = await openTestDatabase();
  const clock = options.clock instanceof ManualClock ? options.clock : new ManualClock('2026-03-02T02:00:00Z');
  const config = { ...loadConfig({}), logLevel: 'silent' as const, ...options.config };
  const app = await buildApp({ config, db, clock, ...(options.webRoot ? { webRoot: options.webRoot } : {}) });
  await app.ready();
  return {
    app,
    db,
    clock,
    close: async () => {
      await app.close();
      await close();
    },
  };
}
