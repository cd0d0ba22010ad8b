// Field messages: one per field at fault, in Chinese words, never a type name or a pattern.
import { afterEach, describe, expect, test } from 'vitest';
import { testApi } from '../support/api.ts';

let api: ReturnType<typeof testApi>;
afterEach(() => api?.close());

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
