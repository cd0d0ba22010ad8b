// The support API through a real socket: the built server with its SQLite file, as
// operators run it. What only a process shows: restarts, reloads, start-up errors.
import { afterEach, describe, expect, test } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { siteConfig } from '../../src/config/site.ts';
import { migrations } from '../../src/store/migrations.ts';
import { openSqliteStore } from '../../src/store/sqlite.ts';
import { SESSION_COOKIE, createSession } from '../../src/server/adapters/admin-session.ts';
import { defaultEchoUrl } from '../../src/browser/diagnostics/browser-environment.ts';
import { descendantPids, isRunning } from '../support/processes.ts';
import { copyOfProject, spawnServer, startServer, type RunningServer } from '../support/server.ts';

const ADMIN = 'server-test-admin-token';
const admin = { Authorization: `Bearer ${ADMIN}` };
const sample = JSON.parse(readFileSync(new URL('../../content/price-list.sample.json', import.meta.url), 'utf8'));
let servers: RunningServer[] = [];
let temps: string[] = [];

async function start(env: Record<string, string> = {}, dataDir?: string, root?: string) {
  const server = await startServer({ env: { WENDA_ADMIN_TOKEN: ADMIN, ...env }, ...(dataDir ? { dataDir } : {}), ...(root ? { root } : {}) });
  servers.push(server);
  return server;
}
const post = (server: RunningServer, path: string, body: unknown) =>
  fetch(`${server.url}/api/v1${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
const getJson = async (server: RunningServer, path: string, headers: Record<string, string> = {}) =>
  (await fetch(`${server.url}/api/v1${path}`, { headers })).json();
/**
 * Writes `text` to the server on a raw socket and collects what comes back, until the
 * server closes or `hangUpAfterMs` passes (then this side hangs up).
 */
async function rawExchange(server: RunningServer, text: string, hangUpAfterMs = 1000): Promise<string> {
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
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'wenda-srv-'));
  temps.push(dir);
  return dir;
};

afterEach(async () => {
  for (const s of servers) await s.stop();
  for (const d of temps) rmSync(d, { recursive: true, force: true });
  servers = [];
  temps = [];
});

describe('the support API on the built server', { timeout: 30_000 }, () => {
  test('health names the version and the store', async () => {
    const server = await start();
    expect(await getJson(server, '/health')).toEqual({ status: 'ok', version: expect.any(String), store: 'sqlite' });
  });

  test('every endpoint answers through the socket', async () => {
    const server = await start();
    expect((await getJson(server, '/robot-quota/price-list')).version).toBe(sample.version);
    const estimate = await post(server, '/robot-quota/estimate', { robots: 1, monthlyConversations: 80_000 });
    expect(estimate.status).toBe(200);
    const quote = await (await post(server, '/robot-quota/quotes', { robots: 1, monthlyConversations: 80_000 })).json();
    expect((await getJson(server, `/robot-quota/quotes/${quote.id}`)).estimate).toEqual(await estimate.json());
    expect((await post(server, '/feedback', { page: '/faq/change-administrator/', helpful: true })).status).toBe(201);
    expect((await post(server, '/search-misses', { query: '发票' })).status).toBe(202);
    const report = await post(server, '/diagnostics/reports', { browser: { name: 'Chrome' }, checks: [{ id: 'cookies', status: 'pass', finding: '正常' }] });
    expect(report.status).toBe(201);
    const { id } = await report.json();
    expect((await getJson(server, `/admin/diagnostics/reports/${id}`, admin)).id).toBe(id);
    expect((await getJson(server, '/openapi.json')).openapi).toBe('3.1.0');
  });

  test('error classes through the socket: 400, 401, 403, 404, 405, 413, 415, all JSON', async () => {
    const server = await start();
    const raw = (init: RequestInit & { path: string }) => fetch(`${server.url}/api/v1${init.path}`, init);
    const cases = [
      { res: await raw({ path: '/feedback', method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{oops' }), status: 400 },
      { res: await raw({ path: '/nope' }), status: 404 },
      { res: await raw({ path: '/feedback', method: 'GET' }), status: 405 },
      { res: await raw({ path: '/feedback', method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ page: '/a', helpful: true, comment: 'x'.repeat(50_000) }) }), status: 413 },
      { res: await raw({ path: '/feedback', method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: 'hi' }), status: 415 },
      { res: await raw({ path: '/admin/feedback', headers: { Authorization: 'Bearer wrong-token-wrong-token' } }), status: 401 },
      {
        res: await raw({ path: '/feedback', method: 'POST', headers: { 'Content-Type': 'application/json', Origin: 'https://evil.example' }, body: JSON.stringify({ page: '/a', helpful: true }) }),
        status: 403,
      },
    ];
    for (const { res, status } of cases) {
      expect(res.status).toBe(status);
      expect(res.headers.get('content-type')).toContain('application/json');
      expect((await res.json()).error.code).toBeTruthy();
    }
  });

  test('a restart keeps quotes and feedback', async () => {
    const dataDir = tempDir();
    const first = await start({}, dataDir);
    const quote = await (await post(first, '/robot-quota/quotes', { robots: 2, monthlyConversations: 30_000 })).json();
    await post(first, '/feedback', { page: '/faq/message-records/', helpful: false, comment: '重启后还在' });
    expect(await first.stop({ keepData: true })).toBe(0);
    servers = servers.filter((s) => s !== first);
    const second = await start({}, dataDir);
    expect(await getJson(second, `/robot-quota/quotes/${quote.id}`)).toEqual(quote);
    const { pages } = await getJson(second, '/admin/feedback', admin);
    expect(pages).toEqual([expect.objectContaining({ page: '/faq/message-records/', notHelpful: 1, latestComments: [expect.objectContaining({ comment: '重启后还在' })] })]);
  });

  test('50 parallel writes are all stored', async () => {
    const server = await start();
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => post(server, '/feedback', { page: '/faq/download-client/', helpful: i % 2 === 0 })),
    );
    expect(results.map((r) => r.status)).toEqual(Array(50).fill(201));
    const { pages } = await getJson(server, '/admin/feedback', admin);
    expect(pages[0]).toMatchObject({ page: '/faq/download-client/', helpful: 25, notHelpful: 25 });
  });

  test('the rate limit answers 429 with Retry-After', async () => {
    const server = await start({ WENDA_WRITE_RATE_LIMIT: '2' });
    await post(server, '/search-misses', { query: 'a' });
    await post(server, '/search-misses', { query: 'b' });
    const limited = await post(server, '/search-misses', { query: 'c' });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
  });

  test('the price list reloads on change; a bad edit keeps the last good list and logs the field', async () => {
    const file = join(tempDir(), 'prices.json');
    writeFileSync(file, JSON.stringify(sample));
    const server = await start({ WENDA_PRICE_LIST: file });
    writeFileSync(file, JSON.stringify({ ...sample, version: 'v2', robotLicencePerYear: 12000 }));
    await expect.poll(async () => (await getJson(server, '/robot-quota/price-list')).version, { timeout: 8000, interval: 200 }).toBe('v2');
    writeFileSync(file, JSON.stringify({ ...sample, version: 'v3', currency: 'USD' }));
    await expect.poll(() => server.output(), { timeout: 8000, interval: 200 }).toContain('currency');
    expect((await getJson(server, '/robot-quota/price-list')).version).toBe('v2');
    const estimate = await (await post(server, '/robot-quota/estimate', { robots: 1, monthlyConversations: 0 })).json();
    expect(estimate.years[0].licenceCost).toBe(12000);
  });

  test('estimate bodies: chunked ones are read and limited too; a client that hangs up mid-body costs nothing', async () => {
    const server = await start();
    const { port } = new URL(server.url);
    const { request } = await import('node:http');
    /** POSTs `chunks` without a Content-Length, so Node sends them chunked. */
    const chunked = (chunks: string[]) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = request(`${server.url}/api/v1/robot-quota/estimate`, { method: 'POST', headers: { 'Content-Type': 'application/json' } }, (res) => {
          let body = '';
          res.setEncoding('utf8').on('data', (d: string) => (body += d));
          res.on('end', () => resolve({ status: res.statusCode!, body }));
        });
        req.on('error', reject);
        for (const chunk of chunks) req.write(chunk);
        req.end();
      });

    const small = await chunked(['{"robots": 2, ', '"monthlyConversations": 90000}']);
    expect(small.status).toBe(200);
    expect(JSON.parse(small.body)).toEqual(await (await post(server, '/robot-quota/estimate', { robots: 2, monthlyConversations: 90_000 })).json());
    const large = await chunked(['{"robots": 2, "pad": "', 'x'.repeat(40_000), '"}']);
    expect(large.status).toBe(413);
    expect(JSON.parse(large.body).error.code).toBe('payload_too_large');

    // Declares 200 bytes, sends half of them, hangs up.
    const { connect } = await import('node:net');
    await new Promise<void>((resolve) => {
      const socket = connect(Number(port), '127.0.0.1', () => {
        socket.write('POST /api/v1/robot-quota/estimate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n{"robots": 1, "monthlyConve');
        setTimeout(() => socket.destroy(), 200);
      });
      socket.on('close', () => resolve());
    });
    expect((await post(server, '/robot-quota/estimate', { robots: 1, monthlyConversations: 1 })).status).toBe(200);
    expect(server.output()).not.toMatch(/internal|Error/);
  });

  test('every write: a chunked body cut short is not logged as a fault; a byte-order mark is skipped', async () => {
    const server = await start({ WENDA_WRITE_RATE_LIMIT: '0' });
    const writes = ['/robot-quota/estimate', '/robot-quota/quotes', '/feedback', '/searches', '/search-clicks', '/search-misses', '/diagnostics/reports'];
    for (const path of writes) {
      const head = `POST /api/v1${path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n`;
      expect(await rawExchange(server, `${head}5\r\n{"rob\r\n`, 200)).toBe('');
    }
    expect((await getJson(server, '/health')).status).toBe('ok');
    expect(server.output()).not.toMatch(/internal|Error/);

    // Notepad on Windows saves UTF-8 with a BOM; curl --data-binary @file sends it as is.
    const bom = (json: string) => new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(json)]);
    for (const [path, json, status] of [
      ['/robot-quota/estimate', '{"robots":1,"monthlyConversations":1}', 200],
      ['/search-misses', '{"query":"带 BOM 的搜索"}', 202],
    ] as const) {
      const res = await fetch(`${server.url}/api/v1${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: bom(json) });
      expect(res.status, path).toBe(status);
    }
  });

  test('requests Node or the adapter refuse get a JSON error with the security headers, never an empty answer', async () => {
    const server = await start();
    const malformed = await rawExchange(server, 'GET /api/v1/health HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n');
    expect(malformed).toMatch(/^HTTP\/1\.1 400 /);
    expect(malformed).toMatch(/\r\nX-Content-Type-Options: nosniff\r\n/);
    expect(JSON.parse(malformed.split('\r\n\r\n')[1]!).error.code).toBe('invalid_request');

    const badHost = await rawExchange(server, 'GET /api/v1/health HTTP/1.1\r\nHost: a b\r\nConnection: close\r\n\r\n');
    expect(badHost).toMatch(/^HTTP\/1\.1 400 /);
    expect(JSON.parse(badHost.split('\r\n\r\n')[1]!).error.fields[0].path).toBe('Host');

    // HTTP/1.0 has no Host header: the request is taken as addressed to this server.
    const old = await rawExchange(server, 'GET /api/v1/health HTTP/1.0\r\n\r\n');
    expect(old).toMatch(/^HTTP\/1\.1 200 /);
    expect(JSON.parse(old.split('\r\n\r\n')[1]!).status).toBe('ok');
    expect(server.output()).not.toMatch(/internal|Error/);
  });

  test('a malformed upgrade target cannot crash the server; other Upgrade requests get an ordinary answer', async () => {
    const server = await start();
    const { port } = new URL(server.url);
    const { connect } = await import('node:net');
    await new Promise<void>((resolve) => {
      const socket = connect(Number(port), '127.0.0.1', () => {
        socket.write('GET http://a:b:c/ HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n');
      });
      socket.on('close', () => resolve());
      socket.on('error', () => resolve());
      setTimeout(() => socket.destroy(), 1000);
    });
    expect((await getJson(server, '/health')).status).toBe('ok');
    const { request } = await import('node:http');
    const h2cStatus = await new Promise<number | undefined>((resolve) => {
      const req = request(`${server.url}/api/v1/health`, { headers: { Connection: 'Upgrade', Upgrade: 'h2c' } }, (res) => {
        res.resume();
        resolve(res.statusCode);
      });
      req.on('error', () => resolve(undefined));
      req.end();
    });
    expect(h2cStatus).toBe(200);
  });

  test('the WebSocket echo answers where the diagnostics look for it', async () => {
    const server = await start();
    const url = defaultEchoUrl(server.url);
    expect(url).toBe(`${server.url.replace('http', 'ws')}/api/v1/diagnostics/ws`);
    const socket = new WebSocket(url);
    const echoed = await new Promise((resolve, reject) => {
      socket.onopen = () => socket.send('你好');
      socket.onmessage = (e) => resolve(e.data);
      socket.onerror = reject;
    });
    socket.close();
    expect(echoed).toBe('你好');
  });

  test('SIGTERM stops the server cleanly', async () => {
    const server = await start();
    expect(await server.stop()).toBe(0);
    servers = [];
    expect(server.output()).toContain('SIGTERM');
  });

  test('npm start stops on a SIGTERM sent to npm alone (as Docker, pm2 and supervisord send it), and frees the port', async () => {
    const { spawn } = await import('node:child_process');
    const npm = spawn('npm', ['start'], {
      cwd: new URL('../../', import.meta.url),
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', WENDA_DATA_DIR: tempDir() },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    npm.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    npm.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    const npmExited = new Promise((resolve) => npm.once('exit', resolve));
    let pids: number[] = [];
    try {
      await expect.poll(() => /Wenda 已启动：(http:\S+)/.exec(output)?.[1], { timeout: 20_000, interval: 50 }).toBeTruthy();
      const url = /Wenda 已启动：(http:\S+)/.exec(output)![1]!;
      pids = descendantPids(npm.pid!);
      expect(pids.length).toBeGreaterThan(0);
      npm.kill('SIGTERM');
      await npmExited;
      await expect.poll(() => pids.filter(isRunning), { timeout: 10_000, interval: 100 }).toEqual([]);
      expect(output).toContain('收到 SIGTERM');
      await expect(fetch(url)).rejects.toThrow();
    } finally {
      // Whatever the outcome, nothing this test started keeps running.
      for (const pid of [npm.pid!, ...pids]) if (isRunning(pid)) process.kill(pid, 'SIGKILL');
    }
  });

  test('once the build on disk changes (npm run build), pages and health answer a 503 asking for a restart, logged once; the rest of the API carries on', async () => {
    const root = copyOfProject();
    temps.push(root);
    const server = await start({}, undefined, root);
    expect((await fetch(`${server.url}/`)).status).toBe(200);
    // A rebuild names the page chunks anew; Astro loads the operator page's only when first asked.
    const entry = readFileSync(join(root, 'dist/server/entry.mjs'), 'utf8');
    const pageVar = /\["src\/pages\/admin\/index\.astro", (\w+)\]/.exec(entry)?.[1];
    const chunk = new RegExp(`var ${pageVar} = \\(\\) => import\\("\\./(chunks/[^"]+)"\\)`).exec(entry)?.[1];
    expect(chunk).toBeTruthy();
    renameSync(join(root, 'dist/server', chunk!), join(root, 'dist/server', `${chunk}.old`));

    for (const path of ['/admin/', '/admin/', '/', '/faq/change-administrator/']) {
      const res = await fetch(`${server.url}${path}`);
      expect(res.status, path).toBe(503);
      expect(res.headers.get('content-type')).toContain('text/html');
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(await res.text()).toMatch(/重新构建[\s\S]*重启/);
    }
    // Health says so too (its last check is trusted for a second), so a load balancer takes
    // the server out and a monitor raises the alarm; the rest of the API carries on.
    await expect.poll(async () => (await fetch(`${server.url}/api/v1/health`)).status, { timeout: 3000, interval: 200 }).toBe(503);
    expect((await getJson(server, '/health')).error.code).toBe('restart_needed');
    expect((await getJson(server, '/robot-quota/price-list')).currency).toBe('CNY');
    const logged = server.output().split('\n').filter((line) => line.includes('重新构建'));
    expect(logged).toHaveLength(1);
    expect(logged[0]).toContain('重启');
    expect(server.output()).not.toMatch(/ERR_MODULE_NOT_FOUND|\n\s+at .+:\d+:\d+/);
  });

  test('SIGTERM with a request still open: says at once it waits at most 10 s, and at 10 s that it gave up', async () => {
    const server = await start();
    const { connect } = await import('node:net');
    // A write whose body never finishes arriving keeps its request in progress.
    const socket = connect(Number(new URL(server.url).port), '127.0.0.1');
    socket.on('error', () => {});
    await new Promise((resolve) => socket.write('POST /api/v1/feedback HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"page"', resolve));
    await new Promise((resolve) => setTimeout(resolve, 200));
    const signalled = Date.now();
    const exited = new Promise<number | null>((resolve) => server.process.once('exit', resolve));
    server.process.kill('SIGTERM');
    await expect.poll(() => server.output(), { timeout: 2000, interval: 50 }).toContain('最多等 10 秒');
    expect(server.output()).not.toContain('强制退出');
    expect(await exited).toBe(1);
    expect(Date.now() - signalled).toBeGreaterThanOrEqual(9_500);
    expect(server.output()).toContain('等了 10 秒仍有请求未完成，强制退出。');
    expect(server.output()).not.toContain('秒后强制退出');
    socket.destroy();
  });

  test('reads are public to any site, writes only from the site and allowed origins', async () => {
    const server = await start({ WENDA_ALLOWED_ORIGINS: 'https://partner.example.com' });
    const api = `${server.url}/api/v1`;
    const read = await fetch(`${api}/robot-quota/price-list`, { headers: { Origin: 'https://any.example' } });
    expect(read.status).toBe(200);
    expect(read.headers.get('access-control-allow-origin')).toBe('*');
    expect(read.headers.get('access-control-expose-headers')).toBe('Date');
    expect(read.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect((await fetch(`${api}/health`)).headers.get('access-control-allow-origin')).toBeNull();

    const write = (origin: string) =>
      fetch(`${api}/feedback`, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: origin }, body: JSON.stringify({ page: '/faq/change-administrator/', helpful: true }) });
    const refused = await write('https://any.example');
    expect(refused.status).toBe(403);
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    const partner = await write('https://partner.example.com');
    expect(partner.status).toBe(201);
    expect(partner.headers.get('access-control-allow-origin')).toBe('https://partner.example.com');

    // A read with Authorization (the admin API) needs a preflight, which other sites fail.
    const preflight = (origin: string) =>
      fetch(`${api}/admin/feedback`, { method: 'OPTIONS', headers: { Origin: origin, 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization' } });
    expect((await preflight('https://any.example')).status).toBe(403);
  });

  test('writes from the configured site address are the site’s own, even when a proxy rewrote Host', async () => {
    // A proxy that passes its upstream's Host (nginx's default) makes Host 127.0.0.1:port
    // while the browser's Origin is the public address.
    const server = await start({ WENDA_SITE_URL: 'https://help.example.com' });
    const write = (origin: string) =>
      fetch(`${server.url}/api/v1/search-misses`, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: origin }, body: JSON.stringify({ query: '发票怎么开' }) });
    expect((await write('https://help.example.com')).status).toBe(202);
    expect((await write('https://other.example.com')).status).toBe(403);
  });

  test('pages and the API carry security headers', async () => {
    const server = await start();
    const page = await fetch(`${server.url}/faq/change-administrator/`);
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'self'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    const api = await fetch(`${server.url}/api/v1/health`);
    expect(api.headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  test('a page path that cannot be decoded gets the 404 page with its headers, and no error in the log', async () => {
    const server = await start();
    for (const path of ['/faq/%ff', '/%e4%b8', '/tools/%zz/?q=1']) {
      const res = await fetch(`${server.url}${path}`);
      expect(res.status, path).toBe(404);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(await res.text()).toContain('<title>页面不存在');
    }
    const unknown = await fetch(`${server.url}/faq/no-such-article/`);
    expect(unknown.status).toBe(404);
    expect(server.output()).not.toMatch(/ERROR|Error/);
  });
});

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

describe('start-up errors name what to fix', { timeout: 30_000 }, () => {
  test.each([
    {
      // Root may write anywhere, so the directory is made impossible: it would sit under a file.
      name: 'a data directory that cannot be written',
      env: () => {
        const file = join(tempDir(), 'not-a-directory');
        writeFileSync(file, '');
        return { WENDA_DATA_DIR: join(file, 'data') };
      },
      expected: ['not-a-directory/data', '不可写'],
    },
    {
      name: 'a price list with a bad field',
      env: () => {
        const file = join(tempDir(), 'bad.json');
        writeFileSync(file, JSON.stringify({ ...sample, packs: [{ ...sample.packs[0], price: -1 }] }));
        return { WENDA_PRICE_LIST: file };
      },
      expected: ['packs[0].price'],
    },
    { name: 'a bad environment variable', env: () => ({ WENDA_WRITE_RATE_LIMIT: 'lots' }), expected: ['WENDA_WRITE_RATE_LIMIT'] },
    // The server reads the site's address from the site config, checked as at build.
    { name: 'a bad site address', env: () => ({ WENDA_SITE_URL: 'help.example.com' }), expected: ['WENDA_SITE_URL', 'http'] },
  ])('$name', async ({ env, expected }) => {
    const { exited, output } = spawnServer({ WENDA_DATA_DIR: tempDir(), ...env() });
    expect(await exited).toBe(1);
    for (const text of expected) expect(output()).toContain(text);
    expect(output()).not.toMatch(/\n\s+at .+:\d+:\d+/);
  });

  /** Starts the server and expects it to stop with exactly one line that contains `expected`. */
  async function expectOneLineFailure(env: Record<string, string>, expected: string[]) {
    const { child, exited, output } = spawnServer({ WENDA_DATA_DIR: tempDir(), ...env });
    try {
      const stillRunning = new Promise((resolve) => setTimeout(() => resolve('still running'), 15_000));
      expect(await Promise.race([exited, stillRunning]), output()).toBe(1);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    const lines = output().trim().split('\n');
    expect(lines, output()).toHaveLength(1);
    for (const text of expected) expect(lines[0]).toContain(text);
  }

  test('a port already in use: the port and PORT are named', async () => {
    const { createServer } = await import('node:net');
    const holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    const port = String((holder.address() as { port: number }).port);
    try {
      await expectOneLineFailure({ PORT: port }, [`端口 ${port}`, 'PORT']);
    } finally {
      holder.close();
    }
  });

  test.each([
    { name: 'a HOST that cannot be resolved', host: 'wenda-no-such-host.invalid' },
    { name: 'a HOST that is not an address of this machine', host: '192.0.2.1' },
  ])('$name: HOST is named', async ({ host }) => {
    await expectOneLineFailure({ HOST: host }, ['HOST', host]);
  });

  test('a data file that is not a SQLite database: the file is named and left as it was', async () => {
    const dataDir = tempDir();
    const file = join(dataDir, 'wenda.db');
    const content = 'not a database, just some text someone saved here\n'.repeat(200);
    writeFileSync(file, content);
    await expectOneLineFailure({ WENDA_DATA_DIR: dataDir }, [file, '不是 SQLite 数据库', '没有改动']);
    expect(readFileSync(file, 'utf8')).toBe(content);
    expect(readdirSync(dataDir)).toEqual(['wenda.db']);
  });

  test('a database written by a newer Wenda (a schema version this build does not know) is refused', async () => {
    const dataDir = tempDir();
    const store = openSqliteStore(dataDir);
    store.close();
    const { DatabaseSync } = await import('node:sqlite');
    const newer = migrations.at(-1)!.version + 1;
    const db = new DatabaseSync(join(dataDir, 'wenda.db'));
    db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(newer, 'from the future', new Date().toISOString());
    db.close();
    await expectOneLineFailure({ WENDA_DATA_DIR: dataDir }, [join(dataDir, 'wenda.db'), `结构版本是 ${newer}`]);
  });
});
