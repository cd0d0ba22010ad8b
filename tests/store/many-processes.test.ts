// Many processes on one PostgreSQL database, and the database going away (issue 22,
// items 5 and 7): three built servers on a PostgreSQL server of this file's own, with
// the writes spread over them as a balancer would. The write limit is one for all three;
// with the database stopped under load, pages, the price list and estimates answer,
// writes answer 503 `store_unavailable`, health and readiness 503 with `store: "down"`
// (liveness stays 200) and the metrics say the store is down, on every process, and once it is back writes go through again without a restart; one process
// killed with SIGKILL mid-load leaves the others writing; every write a server
// acknowledged (201 with its id) is in the database. The tests run in order on the same
// servers (starting three costs most of the time).
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { startTestPostgres, type TestPostgres } from '../support/postgres.ts';
import { startServer, type RunningServer } from '../support/server.ts';

const LIMIT = 12;
const ADMIN = 'many-processes-admin-token';
let pg: TestPostgres;
let url: string;
const servers: RunningServer[] = [];
beforeAll(async () => {
  pg = await startTestPostgres({ template: inject('postgresTemplate') });
  url = await pg.createDatabase();
  const env = { WENDA_DATABASE_URL: url, WENDA_WRITE_RATE_LIMIT: String(LIMIT), WENDA_TRUST_PROXY: '1', WENDA_ADMIN_TOKEN: ADMIN };
  // One after another (three at once may not start within startServer's 20 s on a busy
  // 2-core machine): the first migrates, the others find it done.
  for (let i = 0; i < 3; i++) servers.push(await startServer({ env }));
}, 120_000);
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  await pg?.destroy();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** `probe` until it gives true, every 100 ms, for up to `ms`; whether it did. */
async function within(ms: number, probe: () => Promise<boolean>) {
  for (const end = Date.now() + ms; Date.now() < end; await sleep(100)) if (await probe()) return true;
  return false;
}
const WRITES = [
  { path: '/robot-quota/quotes', table: 'quotes', body: (n: number) => ({ robots: 1 + (n % 5), monthlyConversations: 1000 * (1 + (n % 90)) }) },
  { path: '/feedback', table: 'feedback', body: (n: number) => ({ page: '/faq/change-administrator/', helpful: n % 2 === 0, comment: `第 ${n} 票` }) },
  { path: '/diagnostics/reports', table: 'diagnostics_reports', body: (n: number) => ({ browser: { name: 'Chrome' }, checks: [{ id: 'cookies', status: 'pass', finding: `正常 ${n}` }] }) },
] as const;
/** A POST through `server` from `client` (the proxy's X-Forwarded-For: the servers trust it). */
const post = (server: RunningServer, path: string, body: unknown, client: string) =>
  fetch(`${server.url}/api/v1${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': client }, body: JSON.stringify(body) });

const acked: Record<string, (string | number)[]> = { quotes: [], feedback: [], diagnostics_reports: [] };
const ackedCount = () => Object.values(acked).reduce((sum, ids) => sum + ids.length, 0);
/**
 * Writers, each a client of its own (so the limit never stops them), round robin over the
 * servers; acknowledged writes go into `acked`. Other answers are counted by status; a
 * request that fails (a killed server) is neither.
 */
function writeLoad(connections: number) {
  let running = true;
  let n = 0;
  const others: Record<number, number> = {};
  const writer = async (w: number) => {
    for (let i = 0; running; i++) {
      const k = n++;
      const kind = WRITES[k % WRITES.length]!;
      try {
        const res = await post(servers[k % servers.length]!, kind.path, kind.body(k), `10.${w}.${Math.floor(i / 250) % 250}.${i % 250}`);
        const answer = (await res.json()) as { id?: string | number };
        if (res.status === 201 && answer.id !== undefined) acked[kind.table]!.push(answer.id);
        else others[res.status] = (others[res.status] ?? 0) + 1;
      } catch {
        await sleep(20);
      }
    }
  };
  const writers = Array.from({ length: connections }, (_, w) => writer(w));
  return {
    others,
    async stop() {
      running = false;
      await Promise.all(writers);
    },
  };
}

describe('three processes on one database', () => {
  test('one write limit for all three: a client gets its budget once, not three times', async () => {
    const statuses = [];
    for (let i = 0; i < LIMIT + 6; i++) statuses.push((await post(servers[i % 3]!, '/feedback', { page: '/faq/change-administrator/', helpful: true }, '203.0.113.9')).status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(LIMIT);
    expect(statuses.slice(LIMIT)).toEqual([429, 429, 429, 429, 429, 429]);
  });

  test('PostgreSQL stopped under load: reads answer, writes 503 store_unavailable, health down; back: writes resume without a restart', async () => {
    const load = writeLoad(4);
    try {
      expect(await within(10_000, async () => ackedCount() >= 30)).toBe(true);
      await pg.stop();
      // Each process, all at once (a health answer is trusted for a second: one at a time would wait for each).
      await Promise.all(servers.map(async (server) => {
        const api = `${server.url}/api/v1`;
        const refused = await post(server, '/feedback', { page: '/faq/change-administrator/', helpful: true }, '198.51.100.1');
        expect(refused.status).toBe(503);
        expect(await refused.json()).toEqual({ error: { code: 'store_unavailable', message: expect.any(String) } });
        // Health checks are trusted for a second: within two it says so.
        expect(await within(3000, async () => (await fetch(`${api}/health`)).status === 503)).toBe(true);
        expect(await (await fetch(`${api}/health`)).json()).toMatchObject({ store: 'down' });
        // Readiness takes the process out of the balancer; liveness, which does not ask the store, restarts nothing.
        expect((await fetch(`${api}/health/ready`)).status).toBe(503);
        expect((await fetch(`${api}/health/live`)).status).toBe(200);
        // The metrics say so too, and count the writes refused.
        const text = await (await fetch(`${api}/admin/metrics`, { headers: { Authorization: `Bearer ${ADMIN}` } })).text();
        const metrics = text.split('\n').filter((line) => line.startsWith('wenda_store')).join('\n');
        expect(metrics).toContain('wenda_store_up{store="postgresql"} 0');
        expect(metrics).toMatch(/^wenda_store_errors_total\{store="postgresql"\} [1-9]/m);
        expect(metrics).toContain('wenda_store_pool_size{store="postgresql"} 10');
        expect((await fetch(`${server.url}/faq/change-administrator/`)).status).toBe(200);
        expect((await fetch(`${api}/robot-quota/price-list`)).status).toBe(200);
        expect((await post(server, '/robot-quota/estimate', { robots: 2, monthlyConversations: 3000 }, '198.51.100.1')).status).toBe(200);
      }));
      const duringOutage = ackedCount();
      await pg.start();
      await Promise.all(servers.map(async (server) => {
        expect(await within(15_000, async () => (await post(server, '/feedback', { page: '/faq/change-administrator/', helpful: true }, '198.51.100.2')).status === 201)).toBe(true);
        expect(await within(3000, async () => (await fetch(`${server.url}/api/v1/health`)).status === 200)).toBe(true);
      }));
      expect(await within(10_000, async () => ackedCount() >= duringOutage + 30)).toBe(true);
    } finally {
      await load.stop();
    }
    // Refused while the database was down, nothing else.
    expect(Object.keys(load.others).filter((status) => status !== '503')).toEqual([]);
  }, 90_000);

  test('one process killed with SIGKILL mid-load: the others go on; every acknowledged write is in the database', async () => {
    const logFrom = servers.map((s) => s.output().split('\n').length - 1);
    const load = writeLoad(6);
    try {
      const before = ackedCount();
      expect(await within(10_000, async () => ackedCount() >= before + 60)).toBe(true);
      servers[1]!.process.kill('SIGKILL');
      const atKill = ackedCount();
      expect(await within(10_000, async () => ackedCount() >= atKill + 60)).toBe(true);
    } finally {
      await load.stop();
    }
    // Should a write be refused, the message says why: the servers' own log lines of it.
    const refusals = servers.flatMap((s, i) => s.output().split('\n').slice(logFrom[i]).filter((line) => line.includes('"store unavailable"') || line.includes('"internal error"')));
    expect(load.others, refusals.join('\n')).toEqual({});

    const sql = postgres(url, { max: 1, onnotice: () => {} });
    try {
      for (const [table, ids] of Object.entries(acked)) {
        expect(ids.length, table).toBeGreaterThan(0);
        const [found] = await sql`SELECT COUNT(*)::int AS n FROM ${sql(table)} WHERE id::text = ANY(${ids.map(String)})`;
        expect(found!.n, table).toBe(ids.length);
      }
    } finally {
      await sql.end();
    }
  }, 60_000);
});
