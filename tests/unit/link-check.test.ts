// The build's check of links to this site (src/integrations/link-check.ts), on a small
// built site written here; tests/build/content-validation.test.ts builds the real project with an
// article removed.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DeadLinksError, findDeadLinks } from '../../src/integrations/link-check.ts';

let dir: string;

const page = (body: string) => `<!doctype html><html><head><link rel="stylesheet" href="/_astro/site.css"></head><body>${body}</body></html>`;

const site: Record<string, string> = {
  '_astro/site.css': 'body{}',
  'logo.svg': '<svg/>',
  'robots.txt': '',
  '404.html': page('<a href="/">首页</a>'),
  'faq/a/index.html': page('<h2 id="steps">步骤</h2><a name="old-anchor"></a><a href="../b/">相对链接，失效</a><a href="./#steps">本页</a>'),
  '中文/index.html': page('<a href="/%E4%B8%AD%E6%96%87/">自己</a>'),
  'index.html': page(`
    <a href="#main">跳到正文</a><main id="main">
    <a href="/faq/a/">有</a> <a href="/faq/a">无斜杠</a> <a href="/faq/a/index.html">文件名</a>
    <a href="/faq/a/#steps">片段</a> <a href="/faq/a/#old-anchor">a 的 name</a> <a href="/faq/a/?from=home#steps">查询</a>
    <a href="/faq/gone/">删掉的文章</a> <a href="/faq/a/#nope">没有的片段</a> <a href="#nowhere">本页没有的片段</a>
    <img src="/logo.svg" alt=""> <img src="/missing.png" alt=""> <a href="/robots.txt">文件</a>
    <form action="/search/"></form> <a href="/%E4%B8%AD%E6%96%87/">中文路径</a>
    <a href="http://help.example.com/faq/a/">本站完整网址</a> <link rel="canonical" href="http://help.example.com/faq/gone/">
    <a href="https://other.example.com/nothing/">别的网站</a> <a href="mailto:a@example.com">邮件</a> <a href="tel:95716">电话</a>
    <a href="/api/v1/health">接口</a> <a href="/admin/">管理页（按需渲染）</a> <a href="/admin/export/votes.csv">导出</a>
    <a href="/a&amp;b/">实体</a> <a href="">空</a> <a href="#">井号</a>
    <script>const html = '<a href="/faq/in-script/">';</script><!-- <a href="/faq/in-comment/"> -->
    <div data-href="/faq/data-attribute/"></div></main>`),
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'wenda-links-'));
  for (const [file, text] of Object.entries(site)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const options = { site: 'http://help.example.com', serverPaths: ['/api/'], onDemandRoutes: [/^\/admin\/?$/, /^\/admin\/export\/([^/]+?)\.csv\/?$/] };

describe('link check', () => {
  test('finds each link to this site with nothing built there, and each missing fragment', async () => {
    const { dead } = await findDeadLinks(dir, options);
    expect(dead).toEqual([
      { page: '/faq/a/', href: '../b/' },
      { page: '/', href: '/faq/gone/' },
      { page: '/', href: '/faq/a/#nope', missingFragment: 'nope' },
      { page: '/', href: '#nowhere', missingFragment: 'nowhere' },
      { page: '/', href: '/missing.png' },
      { page: '/', href: '/search/' },
      { page: '/', href: 'http://help.example.com/faq/gone/' },
      { page: '/', href: '/a&b/' },
    ]);
  });

  test('without the server paths and on-demand routes, links to them are dead too', async () => {
    const { dead } = await findDeadLinks(dir, { site: options.site });
    expect(dead.map((d) => d.href)).toEqual(expect.arrayContaining(['/api/v1/health', '/admin/', '/admin/export/votes.csv']));
  });

  test('the error lists page → link in Chinese, without a stack trace', async () => {
    const { dead } = await findDeadLinks(dir, options);
    const error = new DeadLinksError(dead);
    expect(error.message).toContain('构建出的页面里有 8 个失效的站内链接');
    expect(error.message).toContain('  - / → /faq/gone/\n');
    expect(error.message).toContain('  - / → /faq/a/#nope（页面存在，但没有 id 为「nope」的位置）');
    expect(error.message).toContain('  - /faq/a/ → ../b/');
    expect(error.stack).toBe('');
  });
});
