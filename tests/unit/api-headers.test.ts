// The API's own headers, as the app gives them (what `app.request()` sees is what clients
// get): security headers and no-store on every kind of answer, CORS, HSTS; and its
// answers compressed for clients that take br or gzip. The built server's answers:
// tests/server/security.test.ts and tests/server/compression.test.ts.
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, test } from 'vitest';
import { testApi } from '../support/api.ts';
import { API_BASE } from '../../src/lib/api-paths.ts';
import { chooseEncoding } from '../../src/server/adapters/compression.ts';
import type { Store } from '../../src/store/types.ts';

let api: ReturnType<typeof testApi>;
afterEach(() => api?.close());

const estimateInput = { robots: 3, monthlyConversations: 120_000, monthlyGrowthPercent: 5, years: 3, carryOverBalance: 20_000 };

const SECURITY = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'cache-control': 'no-store',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'cross-origin-resource-policy': 'same-origin',
};
const securityOf = (res: Response) => Object.fromEntries(Object.keys(SECURITY).map((name) => [name, res.headers.get(name)]));

describe('the API’s headers', () => {
  test('every kind of answer carries the security headers and Cache-Control: no-store', async () => {
    const failing = new Proxy({} as Store, {
      get: (_, prop) => (prop === 'kind' ? 'broken' : prop === 'close' ? () => {} : () => Promise.reject(new Error('disk on fire'))),
    });
    const broken = testApi({ store: failing });
    api = testApi({ writesPerMinute: 1 });
    const preflight = { method: 'OPTIONS', headers: { Host: 'help.example.com', Origin: 'https://partner.example.com', 'Access-Control-Request-Method': 'POST' } };
    const original = console.error;
    console.error = () => {};
    try {
      const answers: [string, Response, number][] = [
        ['health', await api.get('/health'), 200],
        ['price list', await api.get('/robot-quota/price-list'), 200],
        ['estimate', await api.post('/robot-quota/estimate', estimateInput), 200],
        ['stored', await api.post('/search-misses', { query: '发票' }), 202],
        ['limited', await api.post('/search-misses', { query: '发票' }), 429],
        ['invalid', await api.post('/robot-quota/estimate', { robots: -1 }), 400],
        ['not JSON', await api.post('/feedback', 'x', { 'Content-Type': 'text/plain' }), 415],
        ['too large', await api.post('/feedback', { page: '/faq/a/', helpful: true, comment: 'x'.repeat(40_000) }), 413],
        ['other site', await api.post('/feedback', { page: '/faq/a/', helpful: true }, { Origin: 'https://evil.example' }), 403],
        ['no route', await api.get('/nothing-here'), 404],
        ['wrong method', await api.app.request(`${API_BASE}/robot-quota/estimate`, { method: 'DELETE' }), 405],
        ['no token', await api.get('/admin/quotes'), 401],
        ['admin list', await api.get('/admin/quotes', api.adminHeaders), 200],
        ['export', await api.get('/admin/quotes/export', api.adminHeaders), 200],
        ['export HEAD', await api.app.request(`${API_BASE}/admin/quotes/export`, { method: 'HEAD', headers: api.adminHeaders }), 200],
        ['preflight', await api.app.request(`${API_BASE}/feedback`, preflight), 204],
        ['document', await api.get('/openapi.json'), 200],
        ['fault', await broken.post('/feedback', { page: '/faq/a/', helpful: true }), 500],
      ];
      for (const [name, res, status] of answers) {
        expect(res.status, name).toBe(status);
        expect(securityOf(res), name).toEqual(SECURITY);
        if (status !== 204) expect(res.headers.get('content-type'), name).toMatch(/^application\/(json|x-ndjson)/);
        await res.body?.cancel();
      }
    } finally {
      console.error = original;
      broken.close();
    }
  });

  test('admin API answers never allow any origin; public reads do', async () => {
    api = testApi();
    const read = async (path: string) => (await api.get(path, { ...api.adminHeaders, Origin: 'https://other.example' })).headers;
    expect((await read('/health')).get('Access-Control-Allow-Origin')).toBe('*');
    expect((await read('/health')).get('Access-Control-Expose-Headers')).toBe('Date, X-Request-Id');
    expect((await read('/admin/feedback')).get('Access-Control-Allow-Origin')).toBeNull();
    expect((await read('/admin/quotes/export')).get('Access-Control-Allow-Origin')).toBeNull();
    // Without an Origin (not a browser's cross-site read) there is nothing to allow.
    expect((await api.get('/health')).headers.get('Access-Control-Allow-Origin')).toBeNull();
  });

  test('an allowed site’s write names it in every answer, the ready-made estimate and refusals too', async () => {
    api = testApi();
    const partner = { Origin: 'https://partner.example.com' };
    for (const res of [
      await api.post('/robot-quota/estimate', estimateInput, partner),
      await api.post('/robot-quota/estimate', estimateInput, partner),
      await api.post('/robot-quota/estimate', { robots: -1 }, partner),
      await api.post('/feedback', { page: '/faq/a/', helpful: true }, partner),
    ]) {
      expect(res.headers.get('Access-Control-Allow-Origin')).toBe('https://partner.example.com');
      expect(res.headers.get('Access-Control-Expose-Headers')).toBe('Date, X-Request-Id');
      expect(res.headers.get('Vary')).toContain('Origin');
    }
  });

  test('HSTS on every answer when the site is served over HTTPS: its address says so, or a trusted proxy does', async () => {
    api = testApi();
    expect((await api.get('/health')).headers.get('Strict-Transport-Security')).toBeNull();
    expect((await api.get('/health', { 'X-Forwarded-Proto': 'https' })).headers.get('Strict-Transport-Security')).toBeNull();
    api.close();
    api = testApi({ siteUrlIsHttps: true });
    for (const res of [await api.get('/health'), await api.get('/nope'), await api.post('/search-misses', { query: 'q' })]) {
      expect(res.headers.get('Strict-Transport-Security')).toBe('max-age=63072000');
    }
    api.close();
    api = testApi({ trustProxy: true });
    expect((await api.get('/health', { 'X-Forwarded-Proto': 'https' })).headers.get('Strict-Transport-Security')).toBe('max-age=63072000');
    expect((await api.get('/health', { 'X-Forwarded-Proto': 'http' })).headers.get('Strict-Transport-Security')).toBeNull();
  });
});

describe('compression', () => {
  const decode = { br: brotliDecompressSync, gzip: gunzipSync };

  test.each(['br', 'gzip'] as const)('an answer of 1 KB or more goes out as %s to a client that takes it, the same JSON', async (encoding) => {
    api = testApi();
    const plain = await api.post('/robot-quota/estimate', estimateInput);
    const text = await plain.text();
    expect(text.length).toBeGreaterThan(1024);
    expect(plain.headers.get('Content-Encoding')).toBeNull();
    expect(plain.headers.get('Vary')).toBe('Accept-Encoding');
    for (let i = 0; i < 2; i++) {
      const res = await api.post('/robot-quota/estimate', estimateInput, { 'Accept-Encoding': encoding === 'br' ? 'gzip, deflate, br' : 'gzip, deflate' });
      expect(res.headers.get('Content-Encoding')).toBe(encoding);
      expect(res.headers.get('Vary')).toBe('Accept-Encoding');
      const bytes = Buffer.from(await res.arrayBuffer());
      expect(bytes.length).toBeLessThan(text.length / 2);
      expect(decode[encoding](bytes).toString('utf8')).toBe(text);
    }
  });

  test('an answer under 1 KB goes out as it is, whatever the client takes', async () => {
    api = testApi();
    for (const path of ['/health', '/robot-quota/price-list', '/nothing-here']) {
      const res = await api.get(path, { 'Accept-Encoding': 'br, gzip' });
      expect(res.headers.get('Content-Encoding'), path).toBeNull();
      expect(res.headers.get('Vary'), path).toBeNull();
      expect(JSON.parse(await res.text()), path).toBeTruthy();
    }
  });

  test('a whole list as NDJSON is compressed as it is made; its HEAD says how it would be', async () => {
    api = testApi();
    for (let i = 0; i < 40; i++) expect((await api.post('/search-misses', { query: `发票 ${i}` })).status).toBe(202);
    const plain = await (await api.get('/admin/search-misses/export', api.adminHeaders)).text();
    expect(plain.trimEnd().split('\n')).toHaveLength(40);
    const res = await api.get('/admin/search-misses/export', { ...api.adminHeaders, 'Accept-Encoding': 'br' });
    expect(res.headers.get('Content-Encoding')).toBe('br');
    expect(res.headers.get('Content-Type')).toBe('application/x-ndjson; charset=utf-8');
    expect(brotliDecompressSync(Buffer.from(await res.arrayBuffer())).toString('utf8')).toBe(plain);
    const head = await api.app.request(`${API_BASE}/admin/search-misses/export`, { method: 'HEAD', headers: { ...api.adminHeaders, 'Accept-Encoding': 'gzip' } });
    expect(head.headers.get('Content-Encoding')).toBe('gzip');
  });

  test.each([
    [undefined, undefined],
    ['', undefined],
    ['identity', undefined],
    ['gzip', 'gzip'],
    ['gzip, deflate, br', 'br'],
    ['br;q=0, gzip', 'gzip'],
    ['br;q=0.5, gzip;q=0.8', 'gzip'],
    ['GZIP;Q=0.1', 'gzip'],
    ['*', 'br'],
    ['*;q=0', undefined],
    ['gzip;q=0, *', 'br'],
    ['deflate, zstd', undefined],
  ])('Accept-Encoding %j → %s', (header, chosen) => {
    expect(chooseEncoding(header)).toBe(chosen);
  });
});
