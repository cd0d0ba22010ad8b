// The crash test: the built server is killed (SIGKILL, no chance to close anything) in
// the middle of concurrent writes, again and again. After each kill it must start on
// the same data directory, the file must pass SQLite's integrity check, and every
// write it acknowledged (a 201 with an id) before the kill must be there.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { startServer, type RunningServer } from '../support/server.ts';
import { integrityOf, missingFrom, noneAcknowledged, writeLoad } from './acknowledged-writes.ts';
import { faultScale } from './scale.ts';

const CYCLES = faultScale(5, 40);
const WRITERS = 16;
/** Writes run this long (ms) before each kill, at random in the range: the kill lands anywhere in a write. */
const WRITE_MS = [300, 1500] as const;

const dataDir = mkdtempSync(join(tmpdir(), 'wenda-crash-'));
let server: RunningServer | undefined;
afterAll(async () => {
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const killed = (s: RunningServer) =>
  new Promise<void>((resolve) => {
    if (s.process.exitCode !== null || s.process.signalCode !== null) return resolve();
    s.process.once('exit', () => resolve());
    s.process.kill('SIGKILL');
  });

test(`${CYCLES} kills (SIGKILL) under ${WRITERS} concurrent writers lose no acknowledged write and never the database`, { timeout: CYCLES * 15_000 }, async () => {
  const acked = noneAcknowledged();
  server = await startServer({ dataDir, env: { WENDA_WRITE_RATE_LIMIT: '0' } });
  for (let cycle = 1; cycle <= CYCLES; cycle++) {
    const before = acked.count();
    const current = server;
    const load = writeLoad(() => current.url, acked, WRITERS);
    // Writes are under way (however slow the machine), then the kill comes at a random moment.
    while (acked.count() === before) await new Promise((resolve) => setTimeout(resolve, 10));
    await new Promise((resolve) => setTimeout(resolve, WRITE_MS[0] + Math.random() * (WRITE_MS[1] - WRITE_MS[0])));
    await killed(current);
    await load.stop();
    expect(load.refused(), 'answers other than 201').toBe(0);

    // The database opens: the server starts on it and answers.
    server = await startServer({ dataDir, env: { WENDA_WRITE_RATE_LIMIT: '0' } });
    expect(await (await fetch(`${server.url}/api/v1/health`)).json()).toMatchObject({ status: 'ok' });
    const file = join(dataDir, 'wenda.db');
    expect(integrityOf(file), `cycle ${cycle}`).toBe('ok');
    expect(missingFrom(file, acked), `cycle ${cycle}: acknowledged writes missing`).toEqual({ quotes: [], feedback: [], diagnostics_reports: [] });
  }
  console.log(`${CYCLES} kills; ${acked.count()} acknowledged writes, all present`);
});
