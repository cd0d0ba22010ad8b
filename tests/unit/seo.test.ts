import { describe, expect, test } from 'vitest';
import { faqPageJsonLd, jsonForScript, markdownToPlainText } from '../../src/lib/seo/faq-jsonld.ts';
import { SITEMAP_URL_LIMIT, sitemapPartPath, sitemapRoot, sitemapXml, splitSitemap } from '../../src/lib/seo/sitemap.ts';
import { absoluteUrl, articlePath, categoryPath, searchPath } from '../../src/lib/content/urls.ts';

describe('markdownToPlainText', () => {
  test.each([
    { mdx: '## 以 IE 为例\n\n1. 打开 **Internet 选项**。', text: '以 IE 为例\n打开 Internet 选项。' },
    { mdx: '把 `*.qq.com` 从受限站点删除', text: '把 *.qq.com 从受限站点删除' },
    { mdx: '<Callout type="caution">\n\n需要新旧两个 QQ 的密码。\n\n</Callout>', text: '需要新旧两个 QQ 的密码。' },
    { mdx: '详见 [如何下载客户端](/faq/download-client/)。', text: '详见 如何下载客户端。' },
    { mdx: '| 来源 | 期限 |\n| --- | --- |\n| 群消息 | 30 天 |', text: '来源 期限\n群消息 30 天' },
  ])('$mdx', ({ mdx, text }) => {
    expect(markdownToPlainText(mdx)).toBe(text);
  });
});

describe('FAQPage JSON-LD', () => {
  test('one Question per item with its accepted answer', () => {
    const data = faqPageJsonLd([{ question: '如何更换管理员账号？', answer: '在企业联系人里修改。', url: 'https://h.example/faq/a/' }]);
    expect(data['@type']).toBe('FAQPage');
    expect(data.mainEntity[0]).toMatchObject({ '@type': 'Question', name: '如何更换管理员账号？', acceptedAnswer: { text: '在企业联系人里修改。' } });
  });

  test('script JSON cannot close its own tag', () => {
    expect(jsonForScript({ a: '</script><script>alert(1)</script>' })).not.toContain('</script>');
  });
});

describe('URLs', () => {
  test.each([
    [articlePath('change-administrator'), '/faq/change-administrator/'],
    [categoryPath('accounts'), '/categories/accounts/'],
    [searchPath('换 管理员'), '/search/?q=%E6%8D%A2%20%E7%AE%A1%E7%90%86%E5%91%98'],
    [absoluteUrl('/faq/a/', 'https://help.example.com'), 'https://help.example.com/faq/a/'],
    [absoluteUrl('/faq/a/', 'https://example.com/help/'), 'https://example.com/faq/a/'],
  ])('%s', (actual, expected) => {
    expect(actual).toBe(expected);
  });
});

describe('sitemap', () => {
  test('lists each URL with its last change, escaped', () => {
    const xml = sitemapXml([{ loc: 'https://h.example/?a=1&b=2' }, { loc: 'https://h.example/faq/a/', lastmod: new Date('2024-01-19') }]);
    expect(xml).toContain('<loc>https://h.example/?a=1&#38;b=2</loc>');
    expect(xml).toContain('<lastmod>2024-01-19</lastmod>');
    expect(xml.startsWith('<?xml')).toBe(true);
  });
});

describe('sitemap index', () => {
  const urls = Array.from({ length: 7 }, (_, i) => ({ loc: `https://h.example/faq/a${i}/` }));
  const absolute = (path: string) => `https://h.example${path}`;

  test('up to the limit, sitemap.xml is the URL set itself', () => {
    expect(splitSitemap(urls, 7).parts).toEqual([]);
    const xml = sitemapRoot(urls, absolute, 7);
    expect(xml).toContain('<urlset');
    expect(xml.match(/<url>/g)).toHaveLength(7);
  });

  test('past the limit, sitemap.xml indexes parts of at most the limit, every URL in exactly one', () => {
    const { parts } = splitSitemap(urls, 3);
    expect(parts.map((p) => p.length)).toEqual([3, 3, 1]);
    expect(parts.flat()).toEqual(urls);
    const xml = sitemapRoot(urls, absolute, 3);
    expect(xml).toContain('<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    expect([...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1])).toEqual([1, 2, 3].map((n) => `https://h.example${sitemapPartPath(n)}`));
    expect(xml).not.toContain('<url>');
  });

  test("the default limit is the protocol's 50,000", () => {
    expect(SITEMAP_URL_LIMIT).toBe(50_000);
  });
});
