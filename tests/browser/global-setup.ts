// Starts the built server once for all browser tests and hands its URL to them.
import type { TestProject } from 'vitest/node';
import { existsSync } from 'node:fs';
import { startServer } from '../support/server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  if (!existsSync(new URL('../../dist/server/entry.mjs', import.meta.url))) {
    throw new Error('No build found: run `npm run build` before the browser tests (npm test does).');
  }
  const server = await startServer();
  project.provide('baseUrl', server.url);
  return () => server.stop();
}
