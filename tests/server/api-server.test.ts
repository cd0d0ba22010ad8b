// The support API through a real socket: the built server with its SQLite file, as
// operators run it. Stopping, restarting and start-up errors: server-process.test.ts;
// whole-list exports and the sign-in throttle: api-exports.test.ts.
import { describe, expect, test } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultEchoUrl } from '../../src/browser/diagnostics/browser-environment.ts';
import { admin, getJson, post, rawExchange, sample, useServerFixtures } from '../support/api-server.ts';

const fx = useServerFixtures();
const { start, tempDir } = fx;

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
    fx.servers = fx.servers.filter((s) => s !== first);
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

  test('reads are public to any site, writes only from the site and allowed origins', async () => {
    const server = await start({ WENDA_ALLOWED_ORIGINS: 'https://partner.example.com' });
    const api = `${server.url}/api/v1`;
    const read = await fetch(`${api}/robot-quota/price-list`, { headers: { Origin: 'https://any.example' } });
    expect(read.status).toBe(200);
    expect(read.headers.get('access-control-allow-origin')).toBe('*');
    expect(read.headers.get('access-control-expose-headers')).toBe('Date, X-Request-Id');
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
