// Cross-cutting behaviour of the API: one error shape, limits, origins, headers.
import { afterEach, describe, expect, test } from 'vitest';
import { testApi } from '../support/api.ts';
import { STORING_WRITES } from '../../src/api/app.ts';
import { API_BASE } from '../../src/lib/api-paths.ts';
import type { Store } from '../../src/store/types.ts';

let api: ReturnType<typeof testApi>;
afterEach(() => api?.close());

const validInput = { robots: 2, monthlyConversations: 12000 };

describe('errors', () => {
  test.each([
    { name: 'malformed JSON', body: '{"robots": 2,', status: 400, code: 'invalid_request', path: '(body)' },
    { name: 'a wrong type', body: { ...validInput, robots: '两个' }, status: 400, code: 'invalid_request', path: 'robots' },
    { name: 'out of range', body: { ...validInput, years: 9 }, status: 400, code: 'invalid_request', path: 'years' },
    { name: 'an unknown field', body: { ...validInput, discount: 50 }, status: 400, code: 'invalid_request', path: 'discount' },
    { name: 'a missing field', body: { robots: 1 }, status: 400, code: 'invalid_request', path: 'monthlyConversations' },
  ])('$name → $status naming $path', async ({ body, status, code, path }) => {
    api = testApi();
    const res = await api.post('/robot-quota/estimate', body);
    expect(res.status).toBe(status);
    const json = await res.json();
    expect(json.error.code).toBe(code);
    expect(json.error.fields.map((f: { path: string }) => f.path)).toContain(path);
    expect(json.error.message).toMatch(/[\u4e00-\u9fff]/);
    for (const field of json.error.fields) expect(field.message).toMatch(/[\u4e00-\u9fff]/);
  });

  test('a body over 32 KB → 413', async () => {
    api = testApi();
    const res = await api.post('/feedback', { page: '/faq/a/', helpful: true, comment: 'x'.repeat(40_000) });
    expect(res.status).toBe(413);
    expect((await res.json()).error).toMatchObject({ code: 'payload_too_large', message: '请求体太大，最多 32 KB。' });
  });

  test('a body that is not JSON → 415', async () => {
    api = testApi();
    const res = await api.post('/feedback', 'page=/faq/a/', { 'Content-Type': 'application/x-www-form-urlencoded' });
    expect(res.status).toBe(415);
    expect((await res.json()).error.code).toBe('unsupported_media_type');
  });

  test('an unknown route → 404 JSON', async () => {
    api = testApi();
    const res = await api.get('/nothing-here');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect((await res.json()).error.code).toBe('not_found');
  });

  test('a wrong method → 405 with Allow', async () => {
    api = testApi();
    const res = await api.app.request('/api/v1/robot-quota/estimate', { method: 'GET' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('POST');
    expect((await res.json()).error.code).toBe('method_not_allowed');
    const del = await api.app.request('/api/v1/robot-quota/price-list', { method: 'DELETE' });
    expect(del.status).toBe(405);
    expect(del.headers.get('allow')).toContain('GET');
  });

  test('an internal fault answers {code: internal, requestId} and logs that id, without details', async () => {
    const failing = new Proxy({} as Store, {
      get: (_, prop) => (prop === 'kind' ? 'broken' : prop === 'close' ? () => {} : () => Promise.reject(new Error('disk on fire'))),
    });
    api = testApi({ store: failing });
    const logged: unknown[][] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => logged.push(args);
    try {
      const res = await api.post('/feedback', { page: '/faq/a/', helpful: true });
      expect(res.status).toBe(500);
      const json = await res.json();
      expect(json.error.code).toBe('internal');
      expect(json.error.requestId).toMatch(/\w{8,}/);
      expect(JSON.stringify(json)).not.toContain('disk on fire');
      expect(logged.flat().join(' ')).toContain(json.error.requestId);
    } finally {
      console.error = original;
    }
  });
});

describe('paths', () => {
  test.each(['/health/', '/openapi.json/', '/robot-quota/quotes/abc/', '/admin/quotes/'])('%s (a trailing slash) → 404, not a 405 that allows GET', async (path) => {
    api = testApi();
    const res = await api.get(path, api.adminHeaders);
    expect(res.status).toBe(404);
    expect(res.headers.get('allow')).toBeNull();
  });

  test('a preflight of a path the API does not have → 404, from any origin', async () => {
    api = testApi();
    for (const origin of ['https://partner.example.com', 'https://evil.example']) {
      const res = await api.app.request(`${API_BASE}/nope`, {
        method: 'OPTIONS',
        headers: { Host: 'help.example.com', Origin: origin, 'Access-Control-Request-Method': 'POST' },
      });
      expect(res.status).toBe(404);
      expect((await res.json()).error.code).toBe('not_found');
    }
  });
});

describe('bodies: every write reads them the same way', () => {
  const writes = [
    ['/robot-quota/estimate', validInput, 200],
    ['/robot-quota/quotes', validInput, 201],
    ['/feedback', { page: '/faq/a/', helpful: true }, 201],
    ['/search-misses', { query: '发票' }, 202],
    ['/searches', { query: '发票', outcome: 'results', results: 3 }, 202],
    ['/search-clicks', { query: '发票', page: '/faq/a/', position: 1 }, 202],
    ['/diagnostics/reports', { browser: { name: 'Chrome' }, checks: [{ id: 'cookies', status: 'pass', finding: 'Cookie 可用' }] }, 201],
  ] as const;

  test.each(['application/json ; charset=utf-8', 'application/json;', 'Application/JSON; charset=UTF-8', 'application/merge-patch+json'])(
    'Content-Type %s is JSON on every write',
    async (type) => {
      api = testApi();
      for (const [path, body, status] of writes) expect((await api.post(path, body, { 'Content-Type': type })).status, path).toBe(status);
    },
  );

  test('text/plain or no Content-Type → 415 on every write', async () => {
    api = testApi();
    for (const [path, body] of writes) {
      expect((await api.post(path, body, { 'Content-Type': 'text/plain' })).status, path).toBe(415);
      const untyped = await api.app.request(`${API_BASE}${path}`, { method: 'POST', headers: { Host: 'help.example.com' }, body: JSON.stringify(body) });
      expect(untyped.status, path).toBe(415);
    }
  });
});

describe('field messages', () => {
  test.each([
    { path: '/robot-quota/estimate', body: { robots: 1e26, monthlyConversations: 1 }, field: 'robots' },
    { path: '/robot-quota/estimate', body: { robots: 1.5, monthlyConversations: 1 }, field: 'robots' },
    { path: '/robot-quota/estimate', body: { monthlyConversations: 1 }, field: 'robots' },
    { path: '/search-misses', body: { query: 3 }, field: 'query' },
    { path: '/search-misses', body: [], field: '(body)' },
    { path: '/searches', body: { query: '发票', outcome: 'great', results: 1 }, field: 'outcome' },
    { path: '/searches', body: { query: '发票', outcome: 'none', results: -1 }, field: 'results' },
    { path: '/searches', body: { query: '发票', outcome: 'none' }, field: 'results' },
    { path: '/searches', body: { query: '发票', outcome: 'results', results: 2, click: { page: '/faq/a/', position: 1.5 } }, field: 'click.position' },
    { path: '/searches', body: { query: '发票', outcome: 'results', results: 2, visitor: 'x' }, field: 'visitor' },
    { path: '/search-clicks', body: { query: '发票', page: 'faq/a', position: 1 }, field: 'page' },
    { path: '/search-clicks', body: { query: '发票', page: '/faq/a/', position: 0 }, field: 'position' },
    { path: '/search-clicks', body: { page: '/faq/a/', position: 1 }, field: 'query' },
    { path: '/diagnostics/reports', body: { browser: { name: 'Chrome' }, checks: [{ id: 'No Such', status: 'pass', finding: 'x' }] }, field: 'checks[0].id' },
    { path: '/diagnostics/reports', body: { browser: { name: 'Chrome' }, checks: [{ id: 'cookies', status: 'great', finding: 'x' }] }, field: 'checks[0].status' },
    { path: '/diagnostics/reports', body: { browser: { name: 'Chrome' }, checks: [] }, field: 'checks' },
  ])('$field of $body: one message, in Chinese words, no type names or patterns', async ({ path, body, field }) => {
    api = testApi();
    const res = await api.post(path, body);
    expect(res.status).toBe(400);
    const { fields } = (await res.json()).error as { fields: { path: string; message: string }[] };
    const mine = fields.filter((f) => f.path === field);
    expect(mine).toHaveLength(1);
    expect(mine[0]!.message).toMatch(/[\u4e00-\u9fff]/);
    expect(mine[0]!.message).not.toMatch(/string|number|undefined|boolean|object|array|NaN|\/\^/);
  });

  test.each([
    ['a NUL character', { query: 'a\u0000b' }, '控制字符'],
    ['a lone surrogate', { query: '\ud800' }, '无效的字符'],
    ['only spaces', { query: '   ' }, '不能为空'],
  ])('stored text with %s is refused, nothing kept', async (_, body, message) => {
    api = testApi();
    const res = await api.post('/search-misses', body);
    expect(res.status).toBe(400);
    expect((await res.json()).error.fields).toEqual([{ path: 'query', message: expect.stringContaining(message) }]);
    expect((await (await api.get('/admin/search-misses', api.adminHeaders)).json()).misses).toEqual([]);
  });

  test('a diagnostics report with a blank browser name or finding is refused', async () => {
    api = testApi();
    const res = await api.post('/diagnostics/reports', { browser: { name: '  ' }, checks: [{ id: 'cookies', status: 'pass', finding: ' ' }] });
    expect(res.status).toBe(400);
    expect((await res.json()).error.fields.map((f: { path: string }) => f.path)).toEqual(['browser.name', 'checks[0].finding']);
  });

  test.each([
    ['', 200, undefined],
    ['?limit=', 200, undefined],
    ['?limit=2&offset=1', 200, undefined],
    ['?limit=Infinity', 400, '必须是整数'],
    ['?limit=1e2', 400, '必须是整数'],
    ['?limit=0x10', 400, '必须是整数'],
    ['?limit=1&limit=2', 400, '只能给一个值'],
    ['?limit=-1', 400, '不能小于 1'],
    ['?limit=501', 400, '不能大于 500'],
    ['?offset=-1', 400, '不能小于 0'],
    ['?offset=1000000000', 200, undefined],
    ['?offset=1000000001', 400, '不能大于 1000000000'],
    ['?offset=99999999999', 400, '不能大于 1000000000'],
    [`?offset=${'9'.repeat(400)}`, 400, '不能大于 1000000000'],
    ['?limit=00000000000000000007', 200, undefined],
    ['?page=2', 400, '不支持这个字段'],
  ])('admin list query %s → %i', async (query, status, message) => {
    api = testApi();
    for (const list of ['/admin/feedback', '/admin/quotes', '/admin/search-misses']) {
      const res = await api.get(`${list}${query}`, api.adminHeaders);
      expect(res.status, list).toBe(status);
      if (message) expect((await res.json()).error.fields[0].message).toBe(message);
    }
  });
});

describe('health', () => {
  test('says ok, the version and the store while the store answers', async () => {
    api = testApi();
    const res = await api.get('/health');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(await res.json()).toEqual({ status: 'ok', version: 'test', store: 'sqlite' });
  });

  test.each([
    { name: 'says it is down', ping: () => Promise.resolve(false) },
    { name: 'fails', ping: () => Promise.reject(new Error('disk on fire')) },
  ])('503 in Chinese when the store $name, and the answer is kept for a second', async ({ ping }) => {
    let pings = 0;
    const store = { kind: 'broken', close() {}, ping: () => (pings++, ping()) } as unknown as Store;
    api = testApi({ store });
    for (let i = 0; i < 3; i++) {
      const res = await api.get('/health');
      expect(res.status).toBe(503);
      expect(res.headers.get('content-type')).toBe('application/json');
      const json = await res.json();
      expect(json.error.code).toBe('unavailable');
      expect(json.error.message).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(pings).toBe(1);
  });

  test('503 restart_needed once the site was rebuilt under the running server, while the rest of the API answers', async () => {
    let replaced = false;
    api = testApi({ siteBuild: { replaced: () => replaced } });
    expect((await api.get('/health')).status).toBe(200);
    replaced = true;
    // The last check is trusted for a second: within it the answer is still the old one.
    expect((await api.get('/health')).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const res = await api.get('/health');
    expect(res.status).toBe(503);
    const json = await res.json();
    expect(json.error.code).toBe('restart_needed');
    expect(json.error.message).toMatch(/重启/);
    expect((await api.get('/robot-quota/price-list')).status).toBe(200);
  });
});

describe('origins', () => {
  test('a browser POST from another site is refused', async () => {
    api = testApi();
    const res = await api.post('/feedback', { page: '/faq/a/', helpful: true }, { Origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe('forbidden_origin');
  });

  test('the site itself and configured origins may POST; CORS names exactly the caller', async () => {
    api = testApi();
    const own = await api.post('/feedback', { page: '/faq/a/', helpful: true }, { Origin: 'https://help.example.com' });
    expect(own.status).toBe(201);
    expect(own.headers.get('access-control-allow-origin')).toBeNull();
    const partner = await api.post('/feedback', { page: '/faq/a/', helpful: true }, { Origin: 'https://partner.example.com' });
    expect(partner.status).toBe(201);
    expect(partner.headers.get('access-control-allow-origin')).toBe('https://partner.example.com');
  });

  test.each([
    ['HELP.example.com', 'https://help.example.com'],
    ['help.example.com:443', 'https://help.example.com'],
    ['help.example.com:80', 'http://help.example.com'],
  ])('Host %s is the same site as Origin %s', async (host, origin) => {
    api = testApi();
    expect((await api.post('/search-misses', { query: 'q' }, { Host: host, Origin: origin })).status).toBe(202);
    expect((await api.post('/search-misses', { query: 'q' }, { Host: host, Origin: 'https://evil.example' })).status).toBe(403);
  });

  test('preflight: allowed origin gets 204 with methods, others 403', async () => {
    api = testApi();
    const preflight = (origin: string) =>
      api.app.request('/api/v1/feedback', {
        method: 'OPTIONS',
        headers: { Host: 'help.example.com', Origin: origin, 'Access-Control-Request-Method': 'POST' },
      });
    const ok = await preflight('https://partner.example.com');
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-methods')).toContain('POST');
    expect((await preflight('https://evil.example')).status).toBe(403);
  });

  test('reads pass no origin check; their CORS headers come from the server in front', async () => {
    api = testApi();
    const res = await api.get('/robot-quota/price-list', { Origin: 'https://evil.example' });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('rate limit on writes', () => {
  test('every POST route but the estimate stores something and is limited; one budget for all of them', async () => {
    api = testApi({ writesPerMinute: 2 });
    const posts = api.app.routes.filter((r) => r.method === 'POST' && !r.path.endsWith('*')).map((r) => r.path.slice(API_BASE.length));
    expect(new Set(posts)).toEqual(new Set([...STORING_WRITES, '/robot-quota/estimate']));
    expect((await api.post('/feedback', { page: '/faq/a/', helpful: true })).status).toBe(201);
    expect((await api.post('/search-misses', { query: '发票' })).status).toBe(202);
    expect((await api.post('/robot-quota/quotes', { robots: 1, monthlyConversations: 1000 })).status).toBe(429);
    for (let i = 0; i < 5; i++) expect((await api.post('/robot-quota/estimate', { robots: 1, monthlyConversations: 1000 + i })).status).toBe(200);
  });

  test('behind a trusted proxy the client is the right-most X-Forwarded-For entry: a forged left part changes nothing', async () => {
    api = testApi({ writesPerMinute: 2, trustProxy: true });
    const statuses = [];
    for (let i = 0; i < 4; i++) {
      statuses.push((await api.post('/search-misses', { query: `q${i}` }, { 'X-Forwarded-For': `9.9.9.${i}, 203.0.113.7` })).status);
    }
    expect(statuses).toEqual([202, 202, 429, 429]);
  });

  test('the write after the limit gets 429 with Retry-After; reads are not limited', async () => {
    api = testApi({ writesPerMinute: 3 });
    for (let i = 0; i < 3; i++) expect((await api.post('/search-misses', { query: `q${i}` })).status).toBe(202);
    const limited = await api.post('/search-misses', { query: 'q4' });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await limited.json()).error.code).toBe('rate_limited');
    expect((await api.get('/health')).status).toBe(200);
  });
});
