import { defineConfig } from 'vitest/config';

/**
 * Unit and integration tests (`src/**` and `test/**`), on PGlite by default and on PostgreSQL when
 * `DATABASE_URL` is set. Browser tests have their own config (vitest.browser.config.ts).
 */
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['test/browser/**', 'node_modules/**'],
    globalSetup: ['test/global-setup.ts'],
    // Two cores: two workers, each opening its own databases.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
