// A help center of 2,000 generated articles (tests/bench/corpus.ts) built once with
// `npm run build` in a throw-away copy: category pages paginate with the count and rel
// links, every article is reachable from its category's pages and the site map, no page
// passes the HTML budget, and the search finds a generated article by an alias only it
// carries. One build; its time is what this file costs (npm run bench:scale for figures).
// The articles are plain Markdown (.md), which builds at half the cost of MDX: what is
// checked here does not depend on the format, and the shipped articles are MDX.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { generateCorpus, projectCopy, type Corpus } from '../bench/corpus.ts';
import { PAGE_HTML_BUDGET } from '../bench/built-files.ts';
import { pagefindOnServer } from '../../src/server/pagefind-on-server.ts';
import { CATEGORY_PAGE_SIZE, HOME_QUESTIONS_PER_CATEGORY, SITEMAP_PAGE_SIZE } from '../../src/lib/content/navigation.ts';

const ARTICLES = 2000;
let corpus: Corpus;
let client: string;

const page = (path: string) => readFileSync(join(client, path, 'index.html'), 'utf8');
const exists = (path: string) => existsSync(join(client, path, 'index.html'));
const faqLinks = (html: string) => new Set([...html.matchAll(/href="\/faq\/([^/"]+)\/"/g)].map((m) => m[1]!));
/** The article links of a category page's question list (not the header, related or footer links). */
const listed = (html: string) => faqLinks(/<ul class="article-list[^"]*"[^>]*>([\s\S]*?)<\/ul>/.exec(html)?.[1] ?? "");

beforeAll(async () => {
  const dir = projectCopy();
  corpus = generateCorpus(dir, ARTICLES, { markdown: true });
  client = join(dir, 'dist/client');
  const child = spawn(process.execPath, ['src/build/staged-build.ts'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  let log = '';
  child.stdout.on('data', (c: Buffer) => (log += c.toString()));
  child.stderr.on('data', (c: Buffer) => (log += c.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
  if (code !== 0) throw new Error(`the build of ${ARTICLES} articles failed:\n${log.slice(-4000)}`);
}, 900_000);

afterAll(() => {
  if (corpus) rmSync(corpus.dir, { recursive: true, force: true });
}, 120_000);

describe(`a help center of ${ARTICLES} articles`, () => {
  test('category pages paginate, with the count and rel prev/next', () => {
    for (const { id, articles } of corpus.categories) {
      const pages = Math.ceil(articles.length / CATEGORY_PAGE_SIZE);
      expect(pages).toBeGreaterThan(2);
      for (let n = 1; n <= pages; n++) expect(exists(n === 1 ? `categories/${id}` : `categories/${id}/${n}`)).toBe(true);
      expect(exists(`categories/${id}/${pages + 1}`)).toBe(false);
      const first = page(`categories/${id}`);
      const second = page(`categories/${id}/2`);
      const last = page(`categories/${id}/${pages}`);
      expect(first).toContain(`共 ${articles.length} 个问题`);
      expect(first).not.toContain('rel="prev"');
      expect(first).toContain(`<link rel="next" href="/categories/${id}/2/">`);
      expect(second).toContain(`<link rel="prev" href="/categories/${id}/">`);
      expect(second).toContain(`<link rel="next" href="/categories/${id}/3/">`);
      expect(second).toContain(`第 2 / ${pages} 页`);
      expect(last).not.toContain('rel="next"');
      expect(listed(first).size).toBe(CATEGORY_PAGE_SIZE);
    }
  });

  test("every article is reachable from its category's pages and from the site map", () => {
    for (const { id, articles } of corpus.categories) {
      const pages = Math.ceil(articles.length / CATEGORY_PAGE_SIZE);
      const reached = new Set<string>();
      for (let n = 1; n <= pages; n++) for (const slug of listed(page(n === 1 ? `categories/${id}` : `categories/${id}/${n}`))) reached.add(slug);
      expect([...reached].sort()).toEqual([...articles].sort());

      const mapped = new Set<string>();
      for (let n = 1; n <= Math.ceil(articles.length / SITEMAP_PAGE_SIZE); n++) for (const slug of faqLinks(page(n === 1 ? `sitemap/${id}` : `sitemap/${id}/${n}`))) mapped.add(slug);
      for (const slug of articles) expect(mapped.has(slug)).toBe(true);
    }
    const sitemapXml = readFileSync(join(client, 'sitemap.xml'), 'utf8');
    for (const { slug } of corpus.articles) expect(sitemapXml).toContain(`/faq/${slug}/</loc>`);
  });

  test('the home page shows each category’s first questions, its count and 查看全部', () => {
    const home = page('');
    for (const { id, articles } of corpus.categories) {
      expect(home).toContain(`href="/categories/${id}/"`);
      expect(home).toContain(`查看全部 ${articles.length} 个问题`);
    }
    expect(faqLinks(home).size).toBeLessThanOrEqual(HOME_QUESTIONS_PER_CATEGORY * (corpus.categories.length + 5) + 10);
  });

  test(`no page's HTML is over ${PAGE_HTML_BUDGET / 1024} KB gzipped`, () => {
    const html = readdirSync(client, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html') && !f.startsWith('pagefind'));
    expect(html.length).toBeGreaterThan(ARTICLES);
    const over = html.map((f) => ({ f, gz: gzipSync(readFileSync(join(client, f)), { level: 9 }).length })).filter(({ gz }) => gz > PAGE_HTML_BUDGET);
    expect(over).toEqual([]);
  }, 120_000); // gzips some 2,100 pages

  test('the search finds a generated article by the alias only it carries', async () => {
    // As the server searches for GET /api/v1/search: the built index's own Pagefind, in Node.
    const { search } = pagefindOnServer(join(client, 'pagefind'));
    for (const article of [corpus.articles[7]!, corpus.articles[ARTICLES - 1]!]) {
      const { kind, hits } = await search(article.code, 5);
      expect(kind).toBe('results');
      expect(hits[0]?.url).toBe(`/faq/${article.slug}/`);
    }
  });
});
