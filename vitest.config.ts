// Five test projects: `unit` (pure modules and the API through app.request(), a real
// SQLite file, milliseconds), `store` (the PostgreSQL store and its commands, on a
// PostgreSQL server the project starts), `build` (runs `astro sync` or a whole build on
// a copy of the project: tens of seconds), `e2e` (the built server: Debian's Chromium
// through playwright-core, and the API through a socket) and `faults` (the fault tests
// against servers of their own: bad requests, slow clients, kill -9, the SQLite log,
// backups).
//
// How they share the machine (docs/developing/tests.md, "How long they take"): unit,
// store, build and e2e run together, WORKERS test files at a time (store one at a time:
// its files start server processes of their own); each file starts its own Chromium and
// servers, and the browser files share one read-mostly server whose store no test reads
// back (tests/browser/global-setup.ts). The fault tests measure how fast health answers
// under load, so they run afterwards, one file at a time, alone.
import { defineConfig } from 'vitest/config';

/** Test files at a time: 2 on the 2-core CI machine (a file's server and Chromium wait on each other much of the time). */
const WORKERS = Number(process.env.WENDA_TEST_WORKERS ?? 2);

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          maxWorkers: WORKERS,
        },
      },
      {
        test: {
          name: 'build',
          include: ['tests/build/**/*.test.ts'],
          environment: 'node',
          maxWorkers: WORKERS,
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
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/browser/**/*.test.ts', 'tests/server/**/*.test.ts'],
          globalSetup: ['tests/browser/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          maxWorkers: WORKERS,
        },
      },
      {
        test: {
          name: 'faults',
          include: ['tests/faults/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
