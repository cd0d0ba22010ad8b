// The search benchmark's query set (tests/fixtures/search-queries.json) keeps its rules
// (docs/developing/search-benchmark.md): it names only pages that exist, covers every
// article and tool page, holds enough queries no page answers, and never copies the words
// search is given for a page (a title or an alias), which would measure nothing.
import { afterEach, describe, expect, test } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { shippedArticles, shippedToolPages } from '../support/content.ts';
import { QUERY_KINDS, loadSearchQueries } from '../support/search-queries.ts';

const queries = loadSearchQueries();
const articles = shippedArticles();
const tools = shippedToolPages();
const articlePaths = articles.map((a) => `/faq/${a.slug}/`);
const toolPaths = tools.map((t) => t.path);
const answering = (path: string) => queries.filter((q) => q.answers.includes(path));

/** Case, white space and punctuation aside: 「换管理员？」 copies 换管理员. */
const bare = (text: string) => text.toLowerCase().replace(/[\s\p{P}]/gu, '');

describe('search benchmark query set', () => {
  test('holds at least 150 queries, each once', () => {
    expect(queries.length).toBeGreaterThanOrEqual(150);
    const seen = new Map<string, string>();
    const repeated = queries.filter((q) => seen.has(bare(q.q)) || !seen.set(bare(q.q), q.q));
    expect(repeated.map((q) => q.q)).toEqual([]);
  });

  test('names only pages that exist: the articles and the tool pages', () => {
    const known = new Set([...articlePaths, ...toolPaths]);
    expect(articlePaths.length).toBeGreaterThan(0);
    expect(queries.flatMap((q) => q.answers.filter((p) => !known.has(p)).map((p) => `${q.q} → ${p}`))).toEqual([]);
  });

  test('has at least 10 queries for every article and 3 for every tool page', () => {
    const short = [
      ...articlePaths.filter((p) => answering(p).length < 10).map((p) => `${p}: ${answering(p).length}`),
      ...toolPaths.filter((p) => answering(p).length < 3).map((p) => `${p}: ${answering(p).length}`),
    ];
    expect(short).toEqual([]);
  });

  test('has at least 20 queries that no page answers', () => {
    expect(queries.filter((q) => !q.answers.length).length).toBeGreaterThanOrEqual(20);
  });

  test('uses every kind of query', () => {
    expect(new Set(queries.map((q) => q.kind))).toEqual(new Set(QUERY_KINDS));
  });

  test('copies no title and no alias of any page', () => {
    const given = new Map<string, string>();
    for (const a of articles) for (const words of [a.title, ...a.aliases]) given.set(bare(words), `/faq/${a.slug}/`);
    for (const t of tools) for (const words of [t.title, ...t.aliases]) given.set(bare(words), t.path);
    // The readers of titles and aliases must have found them, or this test checks nothing.
    expect(articles.every((a) => a.title && a.aliases.length >= 5)).toBe(true);
    expect(tools.every((t) => t.title && t.aliases.length >= 3)).toBe(true);
    expect(queries.filter((q) => given.has(bare(q.q))).map((q) => `${q.q} (given to ${given.get(bare(q.q))})`)).toEqual([]);
  });
});

describe('the query set loader', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });
  const file = (content: unknown) => {
    dir = mkdtempSync(join(tmpdir(), 'wenda-search-queries-'));
    const path = join(dir, 'queries.json');
    writeFileSync(path, JSON.stringify(content));
    return pathToFileURL(path);
  };

  test('refuses an unknown kind, naming the entry and field', () => {
    expect(() => loadSearchQueries(file({ queries: [{ q: '发票', answers: [], kind: 'slang' }] }))).toThrow(/queries\.0\.kind/);
  });

  test('refuses an answer that is not a site path, and a field it does not know', () => {
    expect(() => loadSearchQueries(file({ queries: [{ q: '发票', answers: ['faq/x'], kind: 'short' }] }))).toThrow(/queries\.0\.answers\.0/);
    expect(() => loadSearchQueries(file({ queries: [{ q: '发票', answer: [], kind: 'short' }] }))).toThrow(/queries\.0/);
  });
});
