import { afterEach, describe, expect, test } from 'vitest';
import { fileURLToPath } from 'node:url';
import { testApi } from '../support/api.ts';
import { votablePagesOfContent } from '../../src/server/adapters/votable-pages.ts';

let api: ReturnType<typeof testApi>;
afterEach(() => api?.close());

describe('feedback', () => {
  test('only the site’s articles and tool pages take votes: others get 400 naming page, stored votes stay', async () => {
    const pages = votablePagesOfContent(fileURLToPath(new URL('../../content/faq/', import.meta.url)));
    api = testApi({ votablePage: (path) => pages.has(path) });
    await api.store.addFeedback({ page: '/made-up/', helpful: true });
    expect((await api.post('/feedback', { page: '/faq/change-administrator/', helpful: true })).status).toBe(201);
    expect((await api.post('/feedback', { page: '/tools/diagnostics/', helpful: false })).status).toBe(201);
    for (const page of ['/faq/not-an-article/', '/made-up/', '/faq/change-administrator', '/categories/account/']) {
      const res = await api.post('/feedback', { page, helpful: true });
      expect(res.status, page).toBe(400);
      expect((await res.json()).error.fields).toEqual([{ path: 'page', message: '不是本站的文章或工具页面，不能对它投票' }]);
    }
    const { pages: stored } = await (await api.get('/admin/feedback', api.adminHeaders)).json();
    expect(stored.map((p: { page: string }) => p.page).sort()).toEqual(['/faq/change-administrator/', '/made-up/', '/tools/diagnostics/']);
  });

  test('votes are stored and summed per page with the latest comments', async () => {
    api = testApi();
    expect((await api.post('/feedback', { page: '/faq/a/', helpful: true })).status).toBe(201);
    await api.post('/feedback', { page: '/faq/a/', helpful: false, comment: '步骤里少了一步' });
    await api.post('/feedback', { page: '/faq/b/', helpful: false });
    const { pages } = await (await api.get('/admin/feedback', api.adminHeaders)).json();
    const a = pages.find((p: { page: string }) => p.page === '/faq/a/');
    expect(a).toMatchObject({ helpful: 1, notHelpful: 1, latestComments: [{ comment: '步骤里少了一步', helpful: false }] });
    expect(pages.find((p: { page: string }) => p.page === '/faq/b/')).toMatchObject({ helpful: 0, notHelpful: 1 });
  });

  test.each([
    [{ page: 'faq/a', helpful: true }, 'page'],
    [{ page: '/faq/a/', helpful: 'yes' }, 'helpful'],
    [{ page: '/faq/a/', helpful: true, comment: '长'.repeat(501) }, 'comment'],
  ])('refuses %j naming %s', async (body, path) => {
    api = testApi();
    const res = await api.post('/feedback', body);
    expect(res.status).toBe(400);
    expect((await res.json()).error.fields[0].path).toBe(path);
  });
});

describe('search misses', () => {
  test('are grouped by normalised query with counts, most frequent first', async () => {
    api = testApi();
    for (const query of ['发票', ' 发票 ', '退款  流程', 'VIP', 'vip', '发票']) {
      expect((await api.post('/search-misses', { query })).status).toBe(202);
    }
    const { misses } = await (await api.get('/admin/search-misses', api.adminHeaders)).json();
    expect(misses.map((m: { query: string; count: number }) => [m.query, m.count])).toEqual([
      ['发票', 3],
      ['vip', 2],
      ['退款 流程', 1],
    ]);
  });

  test('an empty query is refused', async () => {
    api = testApi();
    expect((await api.post('/search-misses', { query: '   ' })).status).toBe(400);
  });
});

describe('changing a vote', () => {
  test('the same browser’s second vote on a page replaces its first', async () => {
    api = testApi();
    const voter = 'browser-0123456789';
    await api.post('/feedback', { page: '/faq/a/', helpful: true, voter });
    await api.post('/feedback', { page: '/faq/a/', helpful: false, comment: '其实没解决', voter });
    await api.post('/feedback', { page: '/faq/a/', helpful: true, voter: 'another-browser-42' });
    const { pages } = await (await api.get('/admin/feedback', api.adminHeaders)).json();
    expect(pages[0]).toMatchObject({ page: '/faq/a/', helpful: 1, notHelpful: 1, latestComments: [{ comment: '其实没解决' }] });
  });

  test('a changed vote answers with its own row id', async () => {
    api = testApi();
    const first = await (await api.post('/feedback', { page: '/faq/a/', helpful: true, voter: 'voter-one-1234' })).json();
    await api.post('/feedback', { page: '/faq/c/', helpful: true });
    const changed = await (await api.post('/feedback', { page: '/faq/a/', helpful: false, voter: 'voter-one-1234' })).json();
    expect(changed.id).toBe(first.id);
  });
});
