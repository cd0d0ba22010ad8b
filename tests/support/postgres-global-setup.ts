// The `store` project's one PostgreSQL server for the whole run (tests/support/postgres.ts):
// started before its first test file, stopped after the last. Tests get its address with
// inject('postgresUrl') and make a database of their own on it (createTestDatabase).
import type { TestProject } from 'vitest/node';
import { startTestPostgres, type TestPostgres } from './postgres.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The shared test server's `postgres` database: tests create their own next to it. */
    postgresUrl: string;
  }
}

let server: TestPostgres | undefined;

export async function setup(project: TestProject) {
  const started = Date.now();
  server = await startTestPostgres();
  project.provide('postgresUrl', server.url());
  console.log(`[postgres] test server on port ${server.port}, started in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

export async function teardown() {
  await server?.destroy();
}
