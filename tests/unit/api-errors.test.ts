// The API's one error shape for every failure: bad bodies, unknown paths and methods, faults; and how every write reads its body.
import { afterEach, describe, expect, test } from 'vitest';
import { testApi } from '../support/api.ts';
import { API_BASE } from '../../src/lib/api-paths.ts';
import type { Store } from '../../src/store/types.ts';
import { createLog } from '../../src/server/log.ts';

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
    const logged: string[] = [];
    api = testApi({ store: failing, log: createLog('info', { write: (line: string) => void logged.push(line) }) });
    const res = await api.post('/feedback', { page: '/faq/a/', helpful: true });
    expect(res.status).toBe(500);
    const json = await res.json();
    expect(json.error.code).toBe('internal');
    expect(json.error.requestId).toMatch(/\w{8,}/);
    expect(res.headers.get('X-Request-Id')).toBe(json.error.requestId);
    expect(JSON.stringify(json)).not.toContain('disk on fire');
    // One JSON line with the same id, the method and path, and what went wrong (for the operator only).
    const lines = logged.map((line) => JSON.parse(line));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 50, requestId: json.error.requestId, method: 'POST', path: '/api/v1/feedback', msg: 'internal error' });
    expect(lines[0].err.message).toBe('disk on fire');
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
