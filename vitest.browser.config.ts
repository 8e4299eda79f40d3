import { defineConfig } from 'vitest/config';

/**
 * Browser tests (`test/browser/**`): Chromium, driven by playwright-core, against the platform serving the
 * built web app. `npm run test:browser` builds the app first when it is stale.
 */
export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    // One browser at a time: each test file starts its own server and Chromium.
    pool: 'forks',
    maxWorkers: 1,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
