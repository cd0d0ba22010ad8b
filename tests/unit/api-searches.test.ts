// Search analytics through the API (app.request() over a real SQLite file): settled
// searches and result clicks go in, the admin routes give them back per period.
import { afterEach, describe, expect, test } from 'vitest';
import { testApi } from '../support/api.ts';

let api: ReturnType<typeof testApi>;
afterEach(() => api?.close());

const admin = async (path: string) => {
  const res = await api.get(path, api.adminHeaders);
  expect(res.status, path).toBe(200);
  return res.json();
};

describe('recording searches and clicks', () => {
  test('searches are counted per normalised query and outcome; clicks give click-through and average position', async () => {
    api = testApi();
    for (const query of ['发票', ' 发票 ', 'VIP 会员']) expect((await api.post('/searches', { query, outcome: 'results', results: 4 })).status).toBe(202);
    expect(await (await api.post('/searches', { query: 'vip  会员', outcome: 'results', results: 2, click: { page: '/faq/vip/', position: 2 } })).json()).toEqual({ recorded: true });
    expect(await (await api.post('/search-clicks', { query: '发票', page: '/faq/invoice/', position: 1 })).json()).toEqual({ recorded: true });
    expect(await (await api.post('/search-clicks', { query: '发票', page: '/faq/invoice/', position: 3 })).json()).toEqual({ recorded: true });
    await api.post('/searches', { query: '下崽', outcome: 'guess', results: 3 });
    await api.post('/searches', { query: 'zqx', outcome: 'none', results: 0 });
    // An old cached page's failed search: a search that found nothing.
    expect((await api.post('/search-misses', { query: 'ZQX' })).status).toBe(202);

    const totals = await admin('/admin/search-analytics?days=30');
    expect(totals).toMatchObject({ days: 30, searches: 7, queries: 4, clicks: 3, outcomes: { results: 4, partial: 0, guess: 1, none: 2 }, clickThroughRate: 0.429, averagePosition: 2 });
    expect(totals.to).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const { queries, total } = await admin('/admin/search-analytics/queries?days=7');
    expect(total).toBe(4);
    expect(queries.map((q: { query: string; searches: number; clicks: number; clickThroughRate: number; averagePosition: number | null }) => [q.query, q.searches, q.clicks, q.clickThroughRate, q.averagePosition])).toEqual([
      ['发票', 2, 2, 1, 2],
      ['vip 会员', 2, 1, 0.5, 2],
      ['zqx', 2, 0, 0, null],
      ['下崽', 1, 0, 0, null],
    ]);
    expect(queries[1].averageResults).toBe(3);

    const noClick = await admin('/admin/search-analytics/queries?filter=no-click');
    expect(noClick.queries.map((q: { query: string }) => q.query)).toEqual(['下崽']);
    const noAnswer = await admin('/admin/search-analytics/queries?filter=no-answer&days=90');
    expect(noAnswer.queries.map((q: { query: string }) => q.query)).toEqual(['zqx', '下崽']);
    expect(noAnswer.days).toBe(90);

    expect((await admin('/admin/search-analytics/articles')).articles).toEqual([
      { page: '/faq/invoice/', clicks: 2, queries: 1, averagePosition: 2, topQuery: '发票' },
      { page: '/faq/vip/', clicks: 1, queries: 1, averagePosition: 2, topQuery: 'vip 会员' },
    ]);
    // Failed searches of all time: the same rows.
    expect((await admin('/admin/search-misses')).misses.map((m: { query: string; count: number }) => [m.query, m.count])).toEqual([
      ['zqx', 2],
      ['下崽', 1],
    ]);

    const lines = (await (await api.get('/admin/search-analytics/queries/export?days=90&filter=no-answer', api.adminHeaders)).text()).trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toEqual(noAnswer.queries);
    const articles = (await (await api.get('/admin/search-analytics/articles/export', api.adminHeaders)).text()).trim().split('\n');
    expect(articles).toHaveLength(2);
  });

  test('a click on a query never searched is taken but not counted', async () => {
    api = testApi();
    const res = await api.post('/search-clicks', { query: '没搜过', page: '/faq/a/', position: 1 });
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ recorded: false });
    expect(await admin('/admin/search-analytics/articles')).toMatchObject({ articles: [], total: 0 });
  });

  test.each([
    ['/search-analytics?days=14', 'days'],
    ['/search-analytics?days=7&days=30', 'days'],
    ['/search-analytics?limit=5', 'limit'],
    ['/search-analytics/queries?filter=clicked', 'filter'],
    ['/search-analytics/queries?limit=0', 'limit'],
    ['/search-analytics/articles?days=abc', 'days'],
    ['/search-analytics/queries/export?offset=3', 'offset'],
  ])('admin %s is refused naming %s', async (path, field) => {
    api = testApi();
    const res = await api.get(`/admin${path}`, api.adminHeaders);
    expect(res.status).toBe(400);
    expect((await res.json()).error.fields.map((f: { path: string }) => f.path)).toContain(field);
  });

  test('without the admin token: 401, nothing shown', async () => {
    api = testApi();
    expect((await api.get('/admin/search-analytics')).status).toBe(401);
    expect((await api.get('/admin/search-analytics/queries/export')).status).toBe(401);
  });

  test('a refused search keeps nothing', async () => {
    api = testApi();
    expect((await api.post('/searches', { query: '发票', outcome: 'maybe', results: 1 })).status).toBe(400);
    expect((await api.post('/searches', { query: '发票', outcome: 'results', results: 1, click: { page: 'http://evil.example/', position: 1 } })).status).toBe(400);
    expect(await admin('/admin/search-analytics?days=90')).toMatchObject({ searches: 0, clicks: 0 });
  });
});
