// GET /search over a real Pagefind index built here (src/integrations/pagefind.ts), searched
// as the server does: by Pagefind in a worker thread (src/server/search-thread.ts over
// src/server/pagefind-on-server.ts).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { buildSearchIndex } from '../../src/integrations/pagefind.ts';
import { searchAnswerSchema } from '../../src/api/routes/search.ts';
import { pagefindOnServer } from '../../src/server/pagefind-on-server.ts';
import { SearchBusyError, searchThread } from '../../src/server/search-thread.ts';
import { testApi } from '../support/api.ts';

const quiet = { error() {}, warn() {}, info() {} } as never;
const page = (main: string) => `<!doctype html><html lang="zh-CN"><head><title>帮助中心</title></head><body><main>${main}</main></body></html>`;
const article = (title: string, body: string, aliases = '') =>
  page(`<article data-pagefind-body><h1 data-pagefind-meta="title">${title}</h1><p>${body}</p>${aliases ? `<p data-pagefind-meta="aliases" hidden>${aliases}</p>` : ''}</article>`);
const site = {
  'faq/change-admin/index.html': article('如何更换管理员账号？', '在企业联系人里修改 QQ 账号即可，需要新旧账号的密码。', '换管理员'),
  'faq/message-records/index.html': article('聊天记录保存多久？', '会话消息默认保存三年，可以在管理后台导出聊天记录。'),
  'faq/download-client/index.html': article('如何下载客户端？', '电脑和手机的客户端都可以在下载页面找到，按系统选择即可下载。'),
};

let dir: string;
let api: ReturnType<typeof testApi>;
let search: ReturnType<typeof searchThread>;
/** Searches the API asked the worker for (answers given again are not searched again). */
let searched: string[] = [];
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'wenda-api-search-'));
  for (const [file, html] of Object.entries(site)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), html);
  }
  await buildSearchIndex(dir, { articles: ['/faq/change-admin/', '/faq/download-client/', '/faq/message-records/'], tools: [] });
  search = searchThread(join(dir, 'pagefind'));
  api = testApi({
    searchArticles: (query, limit, options) => {
      searched.push(`${query} ${limit}`);
      return search.search(query, limit, options);
    },
  });
}, 30_000);
afterAll(async () => {
  api?.close();
  await search?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The answer to `?query`; a 200 is checked against the schema the OpenAPI document shows. */
const get = async (query: string) => {
  const res = await api.get(`/search?${query}`);
  const body = await res.json();
  if (res.status === 200) expect(searchAnswerSchema.strict().parse(body)).toEqual(body);
  return { status: res.status, body };
};

describe('GET /search', () => {
  test('answers the best hits of a query, with the site paths of the pages', async () => {
    const { status, body } = await get(`q=${encodeURIComponent('聊天记录')}`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ typed: '聊天记录', query: '聊天记录', kind: 'results', total: 1 });
    expect(body.hits).toEqual([expect.objectContaining({ url: '/faq/message-records/', title: '聊天记录保存多久？', excerpt: expect.objectContaining({ text: expect.stringContaining('聊天记录') }) })]);
  });

  test('splits a Chinese query as Pagefind in a Chinese page does, so the words it holds answer it', async () => {
    // 下 崽 客户 端 in a page; unsplit, Pagefind looks for one word 下崽客户端, and only the
    // search of its parts finds 客户端 (partial).
    const { body } = await get(`q=${encodeURIComponent('下崽客户端')}&limit=1`);
    expect(body).toMatchObject({ kind: 'results', hits: [expect.objectContaining({ url: '/faq/download-client/' })] });
  });

  test('lists at most `limit` hits, and says how many there are', async () => {
    const { body } = await get(`q=${encodeURIComponent('账号')}&limit=1`);
    expect(body.hits).toHaveLength(1);
    expect(body.total).toBeGreaterThanOrEqual(1);
  });

  test('a query nothing holds settles as none', async () => {
    expect((await get('q=qwertyzxcv')).body).toEqual({ typed: 'qwertyzxcv', query: 'qwertyzxcv', kind: 'none', total: 0, hits: [] });
  });

  test.each([
    ['', ['q']],
    ['q=%20%20', ['q']],
    [`q=${'字'.repeat(201)}`, ['q']],
    ['q=a&limit=0', ['limit']],
    ['q=a&limit=101', ['limit']],
    ['q=a&limit=ten', ['limit']],
    ['q=a&literal=yes', ['literal']],
    ['q=a&page=2', ['page']],
  ])('?%s is refused, naming %j', async (query, fields) => {
    const { status, body } = await get(query);
    expect(status).toBe(400);
    expect(body.error.fields.map((f: { path: string }) => f.path)).toEqual(fields);
  });

  test('without an index, or with one a new build replaced, it answers 503 (the page then searches by itself)', async () => {
    const bare = testApi();
    const rebuilt = testApi({ searchArticles: search.search, siteBuild: { replaced: () => true } });
    try {
      expect((await bare.get('/search?q=a')).status).toBe(503);
      const res = await rebuilt.get('/search?q=a');
      expect(res.status).toBe(503);
      expect((await res.json()).error.code).toBe('restart_needed');
    } finally {
      bare.close();
      rebuilt.close();
    }
  });

  test('an answer given before is given again without searching', async () => {
    searched = [];
    const first = await get(`q=${encodeURIComponent('聊天记录保存')}&limit=3`);
    const again = await get(`q=${encodeURIComponent('聊天记录保存')}&limit=3`);
    const more = await get(`q=${encodeURIComponent('聊天记录保存')}&limit=4`);
    expect(again).toEqual(first);
    expect(more.body.hits).toEqual(first.body.hits);
    expect(searched).toEqual(['聊天记录保存 3', '聊天记录保存 4']);
  });

  test('the worker refuses searches beyond those it lets wait, and the API says 503', async () => {
    const narrow = searchThread(join(dir, 'pagefind'), { maxWaiting: 1 });
    const busy = testApi({ searchArticles: narrow.search });
    try {
      const settled = await Promise.allSettled(['账号', '密码', '客户端'].map((q) => narrow.search(q, 5)));
      expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'rejected']);
      expect((settled[1] as PromiseRejectedResult).reason).toBeInstanceOf(SearchBusyError);
      const [answered, refused] = await Promise.all([busy.get('/search?q=a'), busy.get('/search?q=b')]);
      expect([answered.status, refused.status]).toEqual([200, 503]);
      expect((await refused.json()).error).toMatchObject({ code: 'unavailable', message: '站内搜索正忙，请稍后再试。' });
    } finally {
      busy.close();
      await narrow.close();
    }
  });

  test('a worker that does not answer in time is stopped and its searches failed', async () => {
    const hasty = searchThread(join(dir, 'pagefind'), { stuckMs: 1 });
    try {
      await expect(hasty.search('聊天记录', 1)).rejects.toThrow(/exited/);
    } finally {
      await hasty.close();
    }
  });

  test('a closed worker is started again by the next search', async () => {
    const thread = searchThread(join(dir, 'pagefind'));
    try {
      expect((await thread.search('聊天记录', 1)).hits).toHaveLength(1);
      await thread.close();
      expect((await thread.search('聊天记录', 1)).hits).toHaveLength(1);
    } finally {
      await thread.close();
    }
  });

  test('an index gone from disk is a 503, not a 500', async () => {
    const gone = testApi({ searchArticles: pagefindOnServer(join(dir, 'nope')).search, log: quiet });
    try {
      const res = await gone.get('/search?q=a');
      expect(res.status).toBe(503);
      expect((await res.json()).error.code).toBe('unavailable');
    } finally {
      gone.close();
    }
  });
});
