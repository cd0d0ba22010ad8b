// The database may go away (issue 22, item 5): the built server on PostgreSQL under a
// write load, the database stopped and started again under it. While it is down, pages,
// the price list and estimates answer as ever, writes answer 503 `store_unavailable` and
// health 503 with `store: "down"`; once it is back, writes go through again without a
// restart; and every write the server acknowledged is in the database.
import postgres from 'postgres';
import { afterAll, expect, inject, test } from 'vitest';
import { noneAcknowledged, writeLoad } from '../faults/acknowledged-writes.ts';
import { startTestPostgres, type TestPostgres } from '../support/postgres.ts';
import { startServer, type RunningServer } from '../support/server.ts';

let pg: TestPostgres | undefined;
let server: RunningServer | undefined;
afterAll(async () => {
  await server?.stop();
  await pg?.destroy();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** `probe` until it gives true, every 100 ms, for up to `ms`; whether it did. */
async function within(ms: number, probe: () => Promise<boolean>) {
  for (const end = Date.now() + ms; Date.now() < end; await sleep(100)) if (await probe()) return true;
  return false;
}

test('PostgreSQL stopped under load: reads answer, writes 503 store_unavailable, health down; back: writes resume, none acknowledged is lost', async () => {
  pg = await startTestPostgres({ template: inject('postgresTemplate') });
  const url = await pg.createDatabase();
  server = await startServer({ env: { WENDA_DATABASE_URL: url } });
  const api = `${server.url}/api/v1`;
  const vote = () => fetch(`${api}/feedback`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ page: '/faq/change-administrator/', helpful: true }) });
  const estimate = () => fetch(`${api}/robot-quota/estimate`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ robots: 2, monthlyConversations: 3000 }) });
  expect((await fetch(`${api}/health`)).status).toBe(200);

  const acked = noneAcknowledged();
  const load = writeLoad(() => server!.url, acked, 4);
  try {
    expect(await within(10_000, async () => acked.count() >= 30)).toBe(true);
    await pg.stop();

    const refused = await vote();
    expect(refused.status).toBe(503);
    expect(await refused.json()).toEqual({ error: { code: 'store_unavailable', message: expect.any(String) } });
    // Health checks are trusted for a second: within two it says so.
    expect(await within(3000, async () => (await fetch(`${api}/health`)).status === 503)).toBe(true);
    expect(await (await fetch(`${api}/health`)).json()).toMatchObject({ store: 'down' });
    expect((await fetch(`${server.url}/`)).status).toBe(200);
    expect((await fetch(`${server.url}/faq/change-administrator/`)).status).toBe(200);
    expect((await fetch(`${api}/robot-quota/price-list`)).status).toBe(200);
    expect((await estimate()).status).toBe(200);
    const duringOutage = acked.count();

    await pg.start();
    expect(await within(15_000, async () => (await vote()).status === 201)).toBe(true);
    expect(await within(3000, async () => (await fetch(`${api}/health`)).status === 200)).toBe(true);
    expect(await within(10_000, async () => acked.count() >= duringOutage + 30)).toBe(true);
  } finally {
    await load.stop();
  }

  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    for (const [table, ids] of Object.entries(acked.ids)) {
      const found = await sql`SELECT COUNT(*)::int AS n FROM ${sql(table)} WHERE id::text = ANY(${ids.map(String)})`;
      expect(found[0]!.n, table).toBe(ids.length);
    }
  } finally {
    await sql.end();
  }
}, 90_000);
