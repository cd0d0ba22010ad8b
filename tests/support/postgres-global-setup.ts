// The `store` project's one PostgreSQL server for the whole run (tests/support/postgres.ts):
// started before its first test file, stopped after the last. Tests get its address with
// inject('postgresUrl') and make a database of their own on it (createTestDatabase).
import type { TestProject } from 'vitest/node';
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { initTemplate, startTestPostgres, type TestPostgres } from './postgres.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The shared test server's `postgres` database: tests create their own next to it. */
    postgresUrl: string;
    /** A fresh cluster's data directory, for a test that starts (and stops) a server of its own: startTestPostgres({ template }). */
    postgresTemplate: string;
  }
}

let server: TestPostgres | undefined;
let template: string | undefined;

export async function setup(project: TestProject) {
  const started = Date.now();
  template = await initTemplate();
  server = await startTestPostgres({ template });
  project.provide('postgresUrl', server.url());
  project.provide('postgresTemplate', template);
  console.log(`[postgres] test server on port ${server.port}, started in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

export async function teardown() {
  await server?.destroy();
  if (template) rmSync(dirname(template), { recursive: true, force: true });
}
