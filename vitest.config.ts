// Four test projects: `unit` (pure modules and the API through app.request(), a real
// SQLite file, milliseconds), `store` (the PostgreSQL store and its commands, on a
// PostgreSQL server the project starts), `build` (runs `astro sync` or a whole build on a copy of
// the project: tens of seconds) and `e2e` (the built server: Debian's Chromium through
// playwright-core, and the API through a socket).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'build',
          include: ['tests/build/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        // The stores on PostgreSQL: the test run's own server (one for the whole project,
        // started by its global setup), which the unit project must not need.
        test: {
          name: 'store',
          include: ['tests/store/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/support/postgres-global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/browser/**/*.test.ts', 'tests/server/**/*.test.ts', 'tests/faults/**/*.test.ts'],
          globalSetup: ['tests/browser/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
