// Whole lists through the socket: the API's NDJSON and the operator page's CSV, with
// health still prompt; and the operator sign-in throttle behind a proxy.
import { describe, expect, test } from 'vitest';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { siteConfig } from '../../src/config/site.ts';
import { SESSION_COOKIE, createSession } from '../../src/server/adapters/admin-session.ts';
import type { RunningServer } from '../support/server.ts';
import { ADMIN, admin, post, useServerFixtures } from '../support/api-server.ts';

const fx = useServerFixtures();
const { start } = fx;

/**
 * Posts a token to the operator page as a browser at the site's own address would (Host
 * is the site's host name, so Astro would believe X-Forwarded-* if they reached it);
 * resolves with the status, the cookie set and how long the answer took.
 */
async function signIn(server: RunningServer, token: string, headers: Record<string, string>) {
  const { request } = await import('node:http');
  const { port } = new URL(server.url);
  const host = `${new URL(siteConfig.siteUrl).hostname}:${port}`;
  const started = Date.now();
  const answer = await new Promise<{ status?: number; cookie?: string }>((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path: '/admin/', method: 'POST', headers: { Host: host, Origin: `http://${host}`, 'Content-Type': 'application/x-www-form-urlencoded', ...headers } },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode, cookie: res.headers['set-cookie']?.join('; ') }));
      },
    );
    req.on('error', reject);
    req.end(`action=sign-in&token=${encodeURIComponent(token)}`);
  });
  return { ...answer, ms: Date.now() - started };
}
const wrongSignIn = (server: RunningServer, headers: Record<string, string>) => signIn(server, 'wrong-token-wrong-token', headers);

/** The quotes table filled straight through SQLite: `n` copies of one quote saved through the API. */
async function storeQuotes(server: RunningServer, n: number) {
  expect((await post(server, '/robot-quota/quotes', { robots: 2, monthlyConversations: 5000 })).status).toBe(201);
  const db = new DatabaseSync(join(server.dataDir, 'wenda.db'));
  try {
    db.exec('PRAGMA busy_timeout = 5000');
    const one = db.prepare('SELECT * FROM quotes').get() as Record<string, string>;
    const insert = db.prepare('INSERT INTO quotes (id, input, estimate, price_list_version, created_at) VALUES (?, ?, ?, ?, ?)');
    db.exec('BEGIN');
    for (let i = 0; i < n; i++) insert.run(`bulk${String(i).padStart(8, '0')}`, one.input!, one.estimate!, one.price_list_version!, new Date(Date.UTC(2024, 0, 1) + i * 1000).toISOString());
    db.exec('COMMIT');
  } finally {
    db.close();
  }
}

/**
 * GETs `path` through the socket, taking the body no faster than `bytesPerSecond` (after
 * each piece, reading stops for as long as that piece takes at that pace); resolves with
 * the status, the body's size and its line count.
 */
async function download(server: RunningServer, path: string, headers: Record<string, string>, bytesPerSecond = Infinity) {
  const { request } = await import('node:http');
  return new Promise<{ status: number; bytes: number; lines: number }>((resolve, reject) => {
    const { hostname, port } = new URL(server.url);
    const req = request({ host: hostname, port, path, headers }, (res) => {
      let bytes = 0;
      let lines = 0;
      res.on('data', (piece: Buffer) => {
        bytes += piece.length;
        for (let at = piece.indexOf(10); at !== -1; at = piece.indexOf(10, at + 1)) lines++;
        if (bytesPerSecond === Infinity) return;
        res.pause();
        setTimeout(() => res.resume(), (1000 * piece.length) / bytesPerSecond);
      });
      res.on('end', () => resolve({ status: res.statusCode!, bytes, lines }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('whole-list exports: the API’s NDJSON and the operator page’s CSV', { timeout: 60_000 }, () => {
  const exports = [
    ['/api/v1/admin/quotes/export', admin],
    ['/api/v1/admin/search-misses/export', admin],
    ['/api/v1/admin/feedback/export', admin],
  ] as const;
  const operator = () => ({ Cookie: `${SESSION_COOKIE}=${createSession(ADMIN, Date.now())}` });
  const csvPaths = ['/admin/export/quotes.csv', '/admin/export/search-misses.csv', '/admin/export/feedback.csv'];

  test('a HEAD answers the headers alone and leaves no database reader behind: the log can still be checkpointed', async () => {
    const server = await start();
    for (let i = 0; i < 3; i++) {
      expect((await post(server, '/robot-quota/quotes', { robots: 1, monthlyConversations: 1000 })).status).toBe(201);
      expect((await post(server, '/search-misses', { query: `搜索词 ${i}` })).status).toBe(202);
      expect((await post(server, '/feedback', { page: ['/faq/change-administrator/', '/faq/message-records/', '/tools/diagnostics/'][i]!, helpful: true })).status).toBe(201);
    }
    for (let i = 0; i < 5; i++) {
      for (const [path, headers] of exports) {
        const res = await fetch(`${server.url}${path}`, { method: 'HEAD', headers });
        expect(res.status, path).toBe(200);
        expect(res.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
      }
      for (const path of csvPaths) {
        const res = await fetch(`${server.url}${path}`, { method: 'HEAD', headers: operator() });
        expect(res.status, path).toBe(200);
        expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
        expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename=".+\.csv"$/);
      }
    }
    // HEAD is refused like GET without a session.
    expect((await fetch(`${server.url}${csvPaths[0]}`, { method: 'HEAD' })).status).toBe(401);
    // A write, then a checkpoint from another connection: the log is emptied only if no
    // reader still holds a snapshot from before the write (then busy is 1).
    expect((await post(server, '/search-misses', { query: '之后' })).status).toBe(202);
    const db = new DatabaseSync(join(server.dataDir, 'wenda.db'));
    expect(db.prepare('PRAGMA wal_checkpoint(TRUNCATE)').get()).toEqual({ busy: 0, log: 0, checkpointed: 0 });
    db.close();
  });

  // The store is synchronous (node:sqlite): an export that never gives the event loop a
  // turn holds every other request until it has made the whole file. A block of B ms
  // delays each probe sent during it (one every 100 ms); one slow answer is allowed
  // for a machine busy with other work.
  test('health answers promptly while 120,000 quotes are downloaded: as CSV by a slow client, as NDJSON by a fast one', async () => {
    const server = await start();
    const rows = 120_000;
    await storeQuotes(server, rows);
    const health = async () => {
      const started = performance.now();
      await (await fetch(`${server.url}/api/v1/health`)).text();
      return Math.round(performance.now() - started);
    };
    for (const [path, headers, pace, lines] of [
      ['/admin/export/quotes.csv', operator(), 2 * 1024 * 1024, rows + 2],
      ['/api/v1/admin/quotes/export', admin, Infinity, rows + 1],
    ] as const) {
      let downloading = true;
      const answers: Promise<number>[] = [];
      const probing = (async () => {
        while (downloading) {
          answers.push(health());
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      })();
      const got = await download(server, path, headers, pace);
      downloading = false;
      await probing;
      const times = await Promise.all(answers);
      expect(got.status, path).toBe(200);
      // Every row (and the CSV's header): nothing was cut short for the pace.
      expect(got.lines, path).toBe(lines);
      expect(times.length, path).toBeGreaterThanOrEqual(5);
      expect(times.filter((ms) => ms >= 500).length, `${path}: health took ${times.join(', ')} ms`).toBeLessThanOrEqual(1);
    }
  });
});

describe('the operator sign-in throttle and X-Forwarded-For', { timeout: 30_000 }, () => {
  // Ten wrong tokens from one address, then it is refused (429) for 15 minutes.
  test('without WENDA_TRUST_PROXY a client cannot escape it by changing X-Forwarded-For', async () => {
    const server = await start();
    const answers = [];
    for (let i = 1; i <= 11; i++) answers.push(await wrongSignIn(server, { 'X-Forwarded-For': `10.0.0.${i}` }));
    expect(answers.map((a) => a.status)).toEqual([...Array(10).fill(401), 429]);
  });

  test('with WENDA_TRUST_PROXY only the right-most entry, the one the proxy added, names the client', async () => {
    const server = await start({ WENDA_TRUST_PROXY: '1' });
    const viaProxy = (forged: string, client: string) => wrongSignIn(server, { 'X-Forwarded-For': `${forged}, ${client}` });
    for (let i = 1; i <= 10; i++) expect((await viaProxy(`10.0.0.${i}`, '203.0.113.7')).status).toBe(401);
    // Another client behind the same proxy is not held back by the first one's failures.
    expect((await viaProxy('10.0.0.9', '203.0.113.8')).status).toBe(401);
    expect((await viaProxy('10.0.0.11', '203.0.113.7')).status).toBe(429);
  });

  test('behind a TLS proxy, signing in needs WENDA_TRUST_PROXY: then X-Forwarded-Proto counts and the cookie is Secure', async () => {
    const siteHost = new URL(siteConfig.siteUrl).hostname;
    const viaTls = { Host: siteHost, Origin: `https://${siteHost}`, 'X-Forwarded-Proto': 'https', 'X-Forwarded-For': '203.0.113.7' };
    const trusted = await start({ WENDA_TRUST_PROXY: '1' });
    const signedIn = await signIn(trusted, ADMIN, viaTls);
    expect(signedIn.status).toBe(303);
    expect(signedIn.cookie).toMatch(/wenda_admin=.+; .*Secure/);
    // Untrusted, the page is taken as plain http: the browser's https Origin does not match.
    const untrusted = await start();
    expect((await signIn(untrusted, ADMIN, viaTls)).status).toBe(403);
  });
});
