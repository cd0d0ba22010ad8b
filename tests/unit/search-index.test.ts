// The build's search index (src/integrations/pagefind.ts): real Pagefind over small built
// sites written here, which must hold exactly the articles and tool pages.
import { afterEach, describe, expect, test } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { SearchIndexError, buildSearchIndex, searchablePages } from '../../src/integrations/pagefind.ts';
import { TOOL_PAGES } from '../../src/lib/content/tools.ts';

let dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

function written(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'wenda-search-index-'));
  dirs.push(dir);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  return dir;
}

const page = (main: string) =>
  `<!doctype html><html lang="zh-CN"><head><title>帮助中心</title></head><body><header>企点客服帮助中心 搜索</header><main>${main}</main></body></html>`;
const article = (title: string, body: string) => page(`<article data-pagefind-body><h1>${title}</h1><p>${body}</p></article>`);
const tool = (title: string) => page(`<div data-pagefind-body data-pagefind-meta="category:自助工具"><h1>${title}</h1></div><section data-pagefind-ignore>工具</section>`);

/** A built site as Astro writes it: two articles, a tool page, and pages search leaves out. */
const site = {
  'index.html': page('<h1>常见问题</h1><a href="/faq/change-admin/">如何更换管理员</a>'),
  '404.html': page('<h1>这个页面不存在</h1>'),
  'search/index.html': page('<h1>搜索帮助文章</h1><script>const s = "<div data-pagefind-body>";</script><!-- <div data-pagefind-body> -->'),
  'faq/change-admin/index.html': article('如何更换管理员账号？', '在企业联系人里修改 QQ 账号即可，需要新旧账号的密码。'),
  'faq/message-records/index.html': article('聊天记录保存多久？', '会话消息默认保存三年，可以在管理后台导出。'),
  'tools/diagnostics/index.html': tool('浏览器检测'),
};
const expected = { articles: ['/faq/change-admin/', '/faq/message-records/'], tools: ['/tools/diagnostics/'] };

async function refusal(dir: string, pages = expected): Promise<SearchIndexError> {
  const error = await buildSearchIndex(dir, pages).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SearchIndexError);
  return error as SearchIndexError;
}

describe('search index', { timeout: 30_000 }, () => {
  test('indexes the articles and tool pages, and writes the index', async () => {
    const dir = written(site);
    await expect(buildSearchIndex(dir, expected)).resolves.toEqual({ indexed: 3 });
    const entry = JSON.parse(readFileSync(join(dir, 'pagefind/pagefind-entry.json'), 'utf8'));
    expect(Object.values(entry.languages)).toEqual([expect.objectContaining({ page_count: 3 })]);
    expect(existsSync(join(dir, 'pagefind/pagefind.js'))).toBe(true);
  });

  test('an article without data-pagefind-body fails, naming it, although Pagefind read every page', async () => {
    const dir = written({ ...site, 'faq/message-records/index.html': page('<article><h1>聊天记录保存多久？</h1><p>三年。</p></article>') });
    const error = await refusal(dir);
    expect(error.gaps).toMatchObject({ indexed: 2, missing: ['/faq/message-records/'], unlisted: [] });
    expect(error.message).toContain('应收录 3 页（content/faq/ 的 2 篇文章和 1 个工具页），Pagefind 实际收录了 2 页');
    expect(error.message).toContain('data-pagefind-body');
    expect(error.message).toContain('\n  - /faq/message-records/');
    expect(error.stack).toBe('');
  });

  test('an article never built is named', async () => {
    const error = await refusal(written(site), { ...expected, articles: [...expected.articles, '/faq/gone/'] });
    expect(error.gaps).toMatchObject({ indexed: 3, missing: ['/faq/gone/'], unlisted: [] });
  });

  test('with no page marked, Pagefind indexes every page, and the check still fails naming each one it wanted', async () => {
    const unmarked = Object.fromEntries(Object.entries(site).map(([file, html]) => [file, html.replace(/ data-pagefind-body/g, '')]));
    const error = await refusal(written(unmarked));
    expect(error.gaps.indexed).toBeGreaterThan(3);
    expect(error.gaps.missing).toEqual(['/faq/change-admin/', '/faq/message-records/', '/tools/diagnostics/']);
  });

  test('a page marked for search that is neither an article nor a tool page is named, so the sitemap cannot miss it', async () => {
    const error = await refusal(written({ ...site, 'tools/new/index.html': tool('新工具') }));
    expect(error.gaps).toMatchObject({ indexed: 4, missing: [], unlisted: ['/tools/new/'] });
    expect(error.message).toContain('TOOL_PAGES');
    expect(error.message).toContain('\n  - /tools/new/');
  });

  test('the pages to index are the .mdx files of the articles folder and every tool page', () => {
    const faq = written({ 'b-article.mdx': '', 'a-article.mdx': '', 'notes.txt': '' });
    expect(searchablePages(faq)).toEqual({ articles: ['/faq/a-article/', '/faq/b-article/'], tools: Object.values(TOOL_PAGES) });
  });
});
