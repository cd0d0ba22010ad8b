// The OpenAPI document is generated from the same zod schemas as validation; this checks
// that every route's real answers conform to what the document promises.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { testApi } from '../support/api.ts';

let api: ReturnType<typeof testApi>;
let doc: { openapi: string; paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);

beforeAll(async () => {
  api = testApi();
  doc = await (await api.get('/openapi.json')).json();
  ajv.addSchema(doc, 'openapi');
});
afterAll(() => api.close());

const pointer = (...parts: string[]) => parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');

async function conforms(method: string, docPath: string, res: Response) {
  const status = String(res.status);
  const operation = doc.paths[docPath]?.[method];
  expect(operation, `${method} ${docPath} is documented`).toBeTruthy();
  expect(Object.keys(operation!.responses), `${method} ${docPath} documents ${status}`).toContain(status);
  // NDJSON (a whole list): each line is one of what the document describes.
  const type = res.headers.get('Content-Type')?.split(';')[0] === 'application/x-ndjson' ? 'application/x-ndjson' : 'application/json';
  const validate = ajv.compile({ $ref: `openapi#/${pointer('paths', docPath, method, 'responses', status, 'content', type, 'schema')}` });
  const bodies = type === 'application/json' ? [await res.json()] : (await res.text()).trimEnd().split('\n').map((line) => JSON.parse(line));
  expect(bodies.length, `${method} ${docPath} answers something`).toBeGreaterThan(0);
  for (const body of bodies) expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
}

describe('OpenAPI document', () => {
  test('is OpenAPI 3.1 and lists every route', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).sort()).toEqual(
      [
        '/api/v1/health',
        '/api/v1/health/live',
        '/api/v1/health/ready',
        '/api/v1/admin/metrics',
        '/api/v1/robot-quota/price-list',
        '/api/v1/robot-quota/estimate',
        '/api/v1/robot-quota/quotes',
        '/api/v1/robot-quota/quotes/{id}',
        '/api/v1/feedback',
        '/api/v1/search',
        '/api/v1/search-misses',
        '/api/v1/searches',
        '/api/v1/search-clicks',
        '/api/v1/admin/search-analytics',
        '/api/v1/admin/search-analytics/queries',
        '/api/v1/admin/search-analytics/queries/export',
        '/api/v1/admin/search-analytics/articles',
        '/api/v1/admin/search-analytics/articles/export',
        '/api/v1/diagnostics/reports',
        '/api/v1/admin/feedback',
        '/api/v1/admin/feedback/export',
        '/api/v1/admin/search-misses',
        '/api/v1/admin/search-misses/export',
        '/api/v1/admin/diagnostics/reports',
        '/api/v1/admin/diagnostics/reports/{id}',
        '/api/v1/admin/quotes',
        '/api/v1/admin/quotes/export',
      ].sort(),
    );
  });

  test('every route answers as documented, errors included', async () => {
    const input = { robots: 3, monthlyConversations: 40_000, monthlyGrowthPercent: 8, years: 3 };
    await conforms('get', '/api/v1/health', await api.get('/health'));
    await conforms('get', '/api/v1/health/live', await api.get('/health/live'));
    await conforms('get', '/api/v1/health/ready', await api.get('/health/ready'));
    await conforms('get', '/api/v1/robot-quota/price-list', await api.get('/robot-quota/price-list'));
    await conforms('post', '/api/v1/robot-quota/estimate', await api.post('/robot-quota/estimate', input));
    await conforms('post', '/api/v1/robot-quota/estimate', await api.post('/robot-quota/estimate', { robots: 0 }));
    const created = await api.post('/robot-quota/quotes', input);
    const quote = await created.clone().json();
    await conforms('post', '/api/v1/robot-quota/quotes', created);
    await conforms('get', '/api/v1/robot-quota/quotes/{id}', await api.get(`/robot-quota/quotes/${quote.id}`));
    await conforms('get', '/api/v1/robot-quota/quotes/{id}', await api.get('/robot-quota/quotes/nope'));
    await conforms('post', '/api/v1/feedback', await api.post('/feedback', { page: '/faq/a/', helpful: false, comment: '没看懂' }));
    // 200: tests/unit/api-search.test.ts checks answers against the schema the document is made from.
    await conforms('get', '/api/v1/search', await api.get('/search?q=%E5%8F%91%E7%A5%A8'));
    await conforms('get', '/api/v1/search', await api.get('/search?limit=0'));
    await conforms('post', '/api/v1/search-misses', await api.post('/search-misses', { query: '发票' }));
    await conforms('post', '/api/v1/searches', await api.post('/searches', { query: '发票', outcome: 'results', results: 3, click: { page: '/faq/invoice/', position: 1 } }));
    await conforms('post', '/api/v1/searches', await api.post('/searches', { query: '发票', outcome: 'sure', results: 3 }));
    await conforms('post', '/api/v1/search-clicks', await api.post('/search-clicks', { query: '发票', page: '/faq/tax/', position: 2 }));
    await conforms('post', '/api/v1/search-clicks', await api.post('/search-clicks', { query: '没搜过', page: '/faq/tax/', position: 2 }));
    await conforms('post', '/api/v1/search-clicks', await api.post('/search-clicks', { query: '发票', page: '/faq/tax/', position: 0 }));
    const report = await api.post('/diagnostics/reports', {
      browser: { name: 'Edge', version: '131' },
      checks: [{ id: 'cookies', status: 'pass', finding: 'Cookie 可用' }],
    });
    const { id } = await report.clone().json();
    await conforms('post', '/api/v1/diagnostics/reports', report);
    await conforms('get', '/api/v1/admin/feedback', await api.get('/admin/feedback', api.adminHeaders));
    await conforms('get', '/api/v1/admin/search-misses', await api.get('/admin/search-misses', api.adminHeaders));
    await conforms('get', '/api/v1/admin/diagnostics/reports/{id}', await api.get(`/admin/diagnostics/reports/${id}`, api.adminHeaders));
    await conforms('get', '/api/v1/admin/diagnostics/reports', await api.get('/admin/diagnostics/reports', api.adminHeaders));
    await conforms('get', '/api/v1/admin/quotes', await api.get('/admin/quotes', api.adminHeaders));
    await conforms('get', '/api/v1/admin/quotes', await api.get('/admin/quotes'));
    await conforms('get', '/api/v1/admin/quotes', await api.get('/admin/quotes?limit=0', api.adminHeaders));
    await conforms('get', '/api/v1/admin/search-misses', await api.get('/admin/search-misses?page=2', api.adminHeaders));
    await conforms('get', '/api/v1/admin/feedback', await api.get('/admin/feedback?limit=5', api.adminHeaders));
    await conforms('get', '/api/v1/admin/feedback', await api.get('/admin/feedback?offset=x', api.adminHeaders));
    await conforms('get', '/api/v1/admin/feedback/export', await api.get('/admin/feedback/export', api.adminHeaders));
    await conforms('get', '/api/v1/admin/feedback/export', await api.get('/admin/feedback/export?offset=1', api.adminHeaders));
    await conforms('get', '/api/v1/admin/search-misses/export', await api.get('/admin/search-misses/export', api.adminHeaders));
    await conforms('get', '/api/v1/admin/quotes/export', await api.get('/admin/quotes/export', api.adminHeaders));
    await conforms('get', '/api/v1/admin/quotes/export', await api.get('/admin/quotes/export?limit=5', api.adminHeaders));
    await conforms('get', '/api/v1/admin/search-analytics', await api.get('/admin/search-analytics', api.adminHeaders));
    await conforms('get', '/api/v1/admin/search-analytics', await api.get('/admin/search-analytics?days=90', api.adminHeaders));
    await conforms('get', '/api/v1/admin/search-analytics', await api.get('/admin/search-analytics?days=3', api.adminHeaders));
    await conforms('get', '/api/v1/admin/search-analytics', await api.get('/admin/search-analytics'));
    await conforms('get', '/api/v1/admin/search-analytics/queries', await api.get('/admin/search-analytics/queries?days=30&filter=no-click', api.adminHeaders));
    await conforms('get', '/api/v1/admin/search-analytics/queries', await api.get('/admin/search-analytics/queries?filter=all&limit=1', api.adminHeaders));
    await conforms('get', '/api/v1/admin/search-analytics/queries', await api.get('/admin/search-analytics/queries?filter=x', api.adminHeaders));
    await conforms('get', '/api/v1/admin/search-analytics/queries/export', await api.get('/admin/search-analytics/queries/export?days=7', api.adminHeaders));
    await conforms('get', '/api/v1/admin/search-analytics/articles', await api.get('/admin/search-analytics/articles?days=7', api.adminHeaders));
    await conforms('get', '/api/v1/admin/search-analytics/articles/export', await api.get('/admin/search-analytics/articles/export', api.adminHeaders));
    await conforms('get', '/api/v1/admin/search-analytics/articles/export', await api.get('/admin/search-analytics/articles/export?limit=1', api.adminHeaders));
  });
});
