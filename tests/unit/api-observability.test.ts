// What operators see of the API: every answer names its request (X-Request-Id), the
// trusted proxy's id is kept, and the Prometheus metrics are behind the admin token.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, onTestFinished, test } from 'vitest';
import { testApi } from '../support/api.ts';
import { createLog } from '../../src/server/log.ts';
import { apiRouteLabeler, createMetrics } from '../../src/server/metrics.ts';
import { StoreUnavailableError } from '../../src/store/errors.ts';
import { openSqliteStore } from '../../src/store/sqlite.ts';
import type { Store } from '../../src/store/types.ts';

let api: ReturnType<typeof testApi>;
afterEach(() => api?.close());

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('request ids', () => {
  test('every answer carries a new id, reads, writes, refusals and 404s alike', async () => {
    api = testApi();
    const answers = [
      await api.get('/health'),
      await api.get('/robot-quota/price-list'),
      await api.post('/robot-quota/estimate', { robots: 1, monthlyConversations: 1 }),
      await api.post('/robot-quota/estimate', { robots: 0 }),
      await api.get('/no-such-thing'),
      await api.get('/admin/feedback'),
    ];
    const ids = answers.map((res) => res.headers.get('X-Request-Id'));
    for (const id of ids) expect(id).toMatch(UUID);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test('a proxy’s X-Request-Id is kept only when the proxy is trusted, and only when it is usable', async () => {
    api = testApi();
    const untrusted = await api.get('/health', { 'X-Request-Id': 'proxy-id-1' });
    expect(untrusted.headers.get('X-Request-Id')).toMatch(UUID);
    api.close();

    api = testApi({ trustProxy: true });
    expect((await api.get('/health', { 'X-Request-Id': 'proxy-id-1' })).headers.get('X-Request-Id')).toBe('proxy-id-1');
    expect((await api.get('/health', { 'X-Request-Id': '7f3a9c2e5b1d4f60a8e2c4b6d8f0a1b3' })).headers.get('X-Request-Id')).toBe('7f3a9c2e5b1d4f60a8e2c4b6d8f0a1b3');
    // Too long, or with characters no proxy puts in an id: replaced by a new one.
    for (const bad of ['x'.repeat(129), 'a b', 'id"}{']) {
      expect((await api.get('/health', { 'X-Request-Id': bad })).headers.get('X-Request-Id'), bad).toMatch(UUID);
    }
  });

  test('another site reading the API may read the id (CORS exposes it)', async () => {
    api = testApi();
    const res = await api.get('/health', { Origin: 'https://elsewhere.example.com' });
    expect(res.headers.get('Access-Control-Expose-Headers')).toBe('Date, X-Request-Id');
  });

  test('a store outage is logged as a warning with the request’s id, and counted', async () => {
    const down = new Proxy({} as Store, {
      get: (_, prop) => (prop === 'kind' ? 'postgresql' : prop === 'close' ? () => {} : prop === 'ping' ? () => Promise.resolve(false) : () => Promise.reject(new StoreUnavailableError('connect ECONNREFUSED'))),
    });
    const logged: string[] = [];
    api = testApi({ store: down, log: createLog('info', { write: (line: string) => void logged.push(line) }) });
    const res = await api.post('/feedback', { page: '/faq/a/', helpful: true });
    expect(res.status).toBe(503);
    const line = JSON.parse(logged[0]!);
    expect(line).toMatchObject({ level: 40, requestId: res.headers.get('X-Request-Id'), method: 'POST', path: '/api/v1/feedback', msg: 'store unavailable' });
    const metrics = await (await api.get('/admin/metrics', api.adminHeaders)).text();
    expect(metrics).toContain('wenda_store_errors_total{store="postgresql"} 1');
    expect(metrics).toContain('wenda_store_up{store="postgresql"} 0');
  });
});

describe('metrics', () => {
  test('refused without the admin token (401), or with a wrong one; absent while admin is off (404)', async () => {
    api = testApi();
    const anonymous = await api.get('/admin/metrics');
    expect(anonymous.status).toBe(401);
    expect((await anonymous.json()).error.code).toBe('unauthorized');
    expect(anonymous.headers.get('WWW-Authenticate')).toContain('Bearer');
    expect((await api.get('/admin/metrics', { Authorization: 'Bearer wrong-token-0123456789' })).status).toBe(401);
    api.close();
    api = testApi({ adminToken: undefined });
    expect((await api.get('/admin/metrics')).status).toBe(404);
  });

  test('with the token: Prometheus text with the requests, the store and the price list', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wenda-metrics-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const store = openSqliteStore(dir);
    const metrics = createMetrics({ store, priceListVersion: () => '2026-01', version: '9.9.9', poolSize: 10 });
    api = testApi({ store, metrics });
    metrics.requestDone('GET', '/api/v1/robot-quota/quotes/:id', 200, 0.003);
    metrics.requestDone('GET', '/api/v1/robot-quota/quotes/:id', 404, 0.002);
    const res = await api.get('/admin/metrics', api.adminHeaders);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const text = await res.text();
    for (const expected of [
      '# TYPE wenda_http_request_duration_seconds histogram',
      'wenda_http_request_duration_seconds_count{method="GET",route="/api/v1/robot-quota/quotes/:id",status="200"} 1',
      'wenda_http_request_duration_seconds_count{method="GET",route="/api/v1/robot-quota/quotes/:id",status="404"} 1',
      'wenda_http_request_duration_seconds_bucket{le="0.0025",method="GET",route="/api/v1/robot-quota/quotes/:id",status="200"} 0',
      'wenda_http_request_duration_seconds_bucket{le="0.005",method="GET",route="/api/v1/robot-quota/quotes/:id",status="200"} 1',
      'wenda_store_up{store="sqlite"} 1',
      'wenda_store_pool_size{store="sqlite"} 10',
      'wenda_store_errors_total{store="sqlite"} 0',
      'wenda_price_list_info{version="2026-01"} 1',
      'wenda_build_info{version="9.9.9"} 1',
    ]) {
      expect(text).toContain(expected);
    }
  });

  test('API paths are counted by their route’s pattern, so ids make no series of their own', () => {
    api = testApi();
    const route = apiRouteLabeler(api.app.routes);
    expect(route('/api/v1/health')).toBe('/api/v1/health');
    expect(route('/api/v1/health/ready')).toBe('/api/v1/health/ready');
    expect(route('/api/v1/robot-quota/quotes/Q7x2abc')).toBe('/api/v1/robot-quota/quotes/:id');
    expect(route('/api/v1/admin/diagnostics/reports/R-123')).toBe('/api/v1/admin/diagnostics/reports/:id');
    expect(route('/api/v1/no/such/path')).toBe('api-unmatched');
    expect(route('/api/v1/health/')).toBe('api-unmatched');
  });
});
