// Who may write: browsers from the site itself or configured origins (CORS), and at most so many writes a minute per client.
import { afterEach, describe, expect, test } from 'vitest';
import { testApi } from '../support/api.ts';
import { API_BASE } from '../../src/lib/api-paths.ts';

let api: ReturnType<typeof testApi>;
afterEach(() => api?.close());

/** The POST routes that keep something in the store: each attaches the write limit where it is defined. */
const STORING_WRITES = ['/robot-quota/quotes', '/feedback', '/searches', '/search-clicks', '/search-misses', '/diagnostics/reports'] as const;

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

  test('reads pass no origin check; the API gives them their CORS headers', async () => {
    api = testApi();
    const res = await api.get('/robot-quota/price-list', { Origin: 'https://evil.example' });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
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
    // Every route that stores something shares the spent budget.
    for (const path of STORING_WRITES) expect((await api.post(path, {})).status, path).toBe(429);
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
