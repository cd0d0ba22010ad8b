import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, test } from 'vitest';
import { testApi } from '../support/api.ts';

let api: ReturnType<typeof testApi>;
afterEach(() => api?.close());

const sampleReport = {
  summary: '弹出窗口被拦截',
  browser: { name: 'Chrome', version: '131', engine: 'Blink', os: 'Windows 11' },
  checks: [
    { id: 'cookies', status: 'pass', finding: 'Cookie 可用' },
    { id: 'popups', status: 'fail', finding: '弹出窗口被拦截', fix: '在地址栏右侧允许弹出窗口' },
  ],
};

describe('diagnostics reports', () => {
  test('a report gets an eight-digit reference that admin reads back unchanged', async () => {
    api = testApi();
    const res = await api.post('/diagnostics/reports', sampleReport);
    expect(res.status).toBe(201);
    const { id } = await res.json();
    expect(id).toMatch(/^[1-9]\d{7}$/);
    const back = await api.get(`/admin/diagnostics/reports/${id}`, api.adminHeaders);
    expect(back.status).toBe(200);
    expect((await back.json()).report).toEqual(sampleReport);
  });

  test('personal fields are refused', async () => {
    api = testApi();
    const res = await api.post('/diagnostics/reports', { ...sampleReport, phone: '13800000000' });
    expect(res.status).toBe(400);
    expect((await res.json()).error.fields[0].path).toBe('phone');
  });

  test('an unknown reference → 404', async () => {
    api = testApi();
    expect((await api.get('/admin/diagnostics/reports/12345678', api.adminHeaders)).status).toBe(404);
  });
});

describe('admin access', () => {
  const paths = [
    '/admin/feedback',
    '/admin/feedback/export',
    '/admin/search-misses',
    '/admin/search-misses/export',
    '/admin/quotes',
    '/admin/quotes/export',
    '/admin/diagnostics/reports/12345678',
  ];

  test.each(paths)('%s does not exist while no token is configured', async (path) => {
    api = testApi({ adminToken: undefined });
    const res = await api.get(path, { Authorization: 'Bearer anything' });
    expect(res.status).toBe(404);
  });

  test.each(paths)('%s refuses a missing or wrong token with 401', async (path) => {
    api = testApi();
    expect((await api.get(path)).status).toBe(401);
    const wrong = await api.get(path, { Authorization: 'Bearer test-admin-token-012345678X' });
    expect(wrong.status).toBe(401);
    expect((await wrong.json()).error.code).toBe('unauthorized');
  });

  test('saved quotes are listed newest first', async () => {
    api = testApi();
    const first = await (await api.post('/robot-quota/quotes', { robots: 1, monthlyConversations: 1000 })).json();
    const second = await (await api.post('/robot-quota/quotes', { robots: 3, monthlyConversations: 9000 })).json();
    const { quotes } = await (await api.get('/admin/quotes', api.adminHeaders)).json();
    expect(quotes.map((q: { id: string }) => q.id)).toEqual([second.id, first.id]);
  });

  test('paging is validated', async () => {
    api = testApi();
    const res = await api.get('/admin/quotes?limit=0', api.adminHeaders);
    expect(res.status).toBe(400);
    expect((await res.json()).error.fields[0].path).toBe('limit');
  });

  test.each(['/admin/quotes/export?limit=10', '/admin/search-misses/export?offset=5', '/admin/feedback/export?limit=1'])('%s: a whole list takes no paging', async (path) => {
    api = testApi();
    const res = await api.get(path, api.adminHeaders);
    expect(res.status).toBe(400);
    expect((await res.json()).error.fields[0].message).toBe('不支持这个字段');
  });
});

describe('long lists', () => {
  const ndjson = async (res: Response) => {
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('application/x-ndjson; charset=utf-8');
    const text = await res.text();
    return text ? text.trimEnd().split('\n').map((line) => JSON.parse(line)) : [];
  };

  test('130 saved quotes: a page says the total, the next page has the other 30, the export has all 130 in the same order', async () => {
    api = testApi();
    for (let i = 1; i <= 130; i++) expect((await api.post('/robot-quota/quotes', { robots: 1 + (i % 5), monthlyConversations: 1000 * i })).status).toBe(201);
    const first = await (await api.get('/admin/quotes', api.adminHeaders)).json();
    expect(first.quotes).toHaveLength(100);
    expect(first.total).toBe(130);
    const second = await (await api.get('/admin/quotes?offset=100', api.adminHeaders)).json();
    expect(second.quotes).toHaveLength(30);
    expect(second.total).toBe(130);
    const paged = [...first.quotes, ...second.quotes];
    expect(new Set(paged.map((q: { id: string }) => q.id)).size).toBe(130);
    expect(paged[0].input.monthlyConversations).toBe(130_000);
    expect(paged.at(-1).input.monthlyConversations).toBe(1000);
    expect(await ndjson(await api.get('/admin/quotes/export', api.adminHeaders))).toEqual(paged);
  });

  test('130 failed searches: the same, most frequent first', async () => {
    api = testApi();
    for (let i = 1; i <= 130; i++) await api.post('/search-misses', { query: `查询 ${i}` });
    await api.post('/search-misses', { query: '查询 77' });
    const first = await (await api.get('/admin/search-misses', api.adminHeaders)).json();
    expect([first.misses.length, first.total, first.misses[0]]).toEqual([100, 130, expect.objectContaining({ query: '查询 77', count: 2 })]);
    const second = await (await api.get('/admin/search-misses?offset=100&limit=100', api.adminHeaders)).json();
    expect([second.misses.length, second.total]).toEqual([30, 130]);
    const all = await ndjson(await api.get('/admin/search-misses/export', api.adminHeaders));
    expect(all).toEqual([...first.misses, ...second.misses]);
    expect(new Set(all.map((m: { query: string }) => m.query)).size).toBe(130);
  });

  test('130 voted pages (any site path, as a spammer may send): the same, most recent vote first, votes and comments summed per page', async () => {
    api = testApi();
    for (let i = 1; i <= 130; i++) expect((await api.post('/feedback', { page: `/spam/${i}/`, helpful: i % 3 > 0 })).status).toBe(201);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await api.post('/feedback', { page: '/spam/7/', helpful: false, comment: '又来了' });
    const first = await (await api.get('/admin/feedback', api.adminHeaders)).json();
    expect([first.pages.length, first.total]).toEqual([100, 130]);
    expect(first.pages[0]).toMatchObject({ page: '/spam/7/', helpful: 1, notHelpful: 1, latestComments: [{ comment: '又来了', helpful: false }] });
    const second = await (await api.get('/admin/feedback?offset=100', api.adminHeaders)).json();
    expect([second.pages.length, second.total]).toEqual([30, 130]);
    const all = await ndjson(await api.get('/admin/feedback/export', api.adminHeaders));
    expect(all).toEqual([...first.pages, ...second.pages]);
    expect(new Set(all.map((p: { page: string }) => p.page)).size).toBe(130);
    // Most recent vote first throughout.
    const times = all.map((p: { lastVoteAt: string }) => p.lastVoteAt);
    expect(times).toEqual([...times].sort().reverse());
  });

  test('an empty list: total 0, an empty export', async () => {
    api = testApi();
    expect(await (await api.get('/admin/quotes', api.adminHeaders)).json()).toEqual({ quotes: [], total: 0 });
    expect(await (await api.get('/admin/feedback', api.adminHeaders)).json()).toEqual({ pages: [], total: 0 });
    expect(await ndjson(await api.get('/admin/search-misses/export', api.adminHeaders))).toEqual([]);
    expect(await ndjson(await api.get('/admin/feedback/export', api.adminHeaders))).toEqual([]);
  });

  test('a HEAD to an export gets the headers alone and leaves no reader open, so the log can still be checkpointed', async () => {
    api = testApi();
    for (let i = 0; i < 3; i++) {
      await api.store.saveQuote({ input: { robots: i }, estimate: { totalCost: i }, priceListVersion: 'v1' });
      await api.store.recordSearch({ query: `q${i}`, outcome: 'none', results: 0 });
      await api.store.addFeedback({ page: `/p/${i}/`, helpful: true });
    }
    for (const path of ['/admin/quotes/export', '/admin/search-misses/export', '/admin/feedback/export']) {
      for (let i = 0; i < 3; i++) {
        const res = await api.app.request(`/api/v1${path}`, { method: 'HEAD', headers: api.adminHeaders });
        expect(res.status, path).toBe(200);
        expect(res.headers.get('Content-Type')).toBe('application/x-ndjson; charset=utf-8');
        expect(res.body).toBeNull();
      }
    }
    await api.store.recordSearch({ query: 'after', outcome: 'none', results: 0 });
    const other = new DatabaseSync(join(api.dataDir, 'wenda.db'));
    // busy = 1 while a reader still holds a snapshot older than the write.
    expect(other.prepare('PRAGMA wal_checkpoint(TRUNCATE)').get()).toEqual({ busy: 0, log: 0, checkpointed: 0 });
    other.close();
  });

  test('a store that cannot be read gives the usual error answer, not a 200 that breaks off', async () => {
    api = testApi();
    rmSync(api.dataDir, { recursive: true });
    const res = await api.get('/admin/quotes/export', api.adminHeaders);
    expect(res.status).toBe(500);
    expect((await res.json()).error.code).toBe('internal');
  });
});
