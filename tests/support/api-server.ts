// The built server in tests, as api-server, server-process and api-exports tests use it:
// servers started with the admin token and temporary directories, both cleaned up after
// each test; requests through the socket, raw ones too.
import { afterEach } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer } from './server.ts';

export const ADMIN = 'server-test-admin-token';
export const admin = { Authorization: `Bearer ${ADMIN}` };
export const sample = JSON.parse(readFileSync(new URL('../../content/price-list.sample.json', import.meta.url), 'utf8'));

/** `start()` and `tempDir()` for a test file; what they made (`fx.servers`, `fx.temps`) goes after each test. */
export function useServerFixtures() {
  const fx = {
    servers: [] as RunningServer[],
    temps: [] as string[],
    async start(env: Record<string, string> = {}, dataDir?: string, root?: string) {
      const server = await startServer({ env: { WENDA_ADMIN_TOKEN: ADMIN, ...env }, ...(dataDir ? { dataDir } : {}), ...(root ? { root } : {}) });
      fx.servers.push(server);
      return server;
    },
    tempDir() {
      const dir = mkdtempSync(join(tmpdir(), 'wenda-srv-'));
      fx.temps.push(dir);
      return dir;
    },
  };
  afterEach(async () => {
    for (const s of fx.servers) await s.stop();
    for (const d of fx.temps) rmSync(d, { recursive: true, force: true });
    fx.servers = [];
    fx.temps = [];
  });
  return fx;
}

export const post = (server: RunningServer, path: string, body: unknown) =>
  fetch(`${server.url}/api/v1${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
export const getJson = async (server: RunningServer, path: string, headers: Record<string, string> = {}) =>
  (await fetch(`${server.url}/api/v1${path}`, { headers })).json();
/**
 * Writes `text` to the server on a raw socket and collects what comes back, until the
 * server closes or `hangUpAfterMs` passes (then this side hangs up).
 */
export async function rawExchange(server: RunningServer, text: string, hangUpAfterMs = 1000): Promise<string> {
  const { connect } = await import('node:net');
  return new Promise((resolve) => {
    let answer = '';
    const socket = connect(Number(new URL(server.url).port), '127.0.0.1', () => socket.write(text));
    socket.setEncoding('utf8').on('data', (d: string) => (answer += d));
    socket.on('close', () => resolve(answer));
    socket.on('error', () => {});
    setTimeout(() => socket.destroy(), hangUpAfterMs);
  });
}
