// Talks to Pagefind (the index built by src/integrations/pagefind.ts): loads it once and
// turns its results into plain hits for the search views.

import { ALIASES_ANCHOR } from '../../lib/content/urls.ts';
import { isPartialMatch, suggestQuery } from './relevance.ts';

/** One article found by a query. */
export interface SearchHit {
  url: string;
  title: string;
  /** Text with the matched words inside `<mark>` (Pagefind's excerpt markup). */
  excerpt: string;
  category?: string;
  /** Set when only the article's aliases matched: the words customers typed. */
  matchedAlias?: string;
}

export interface SearchOutcome {
  query: string;
  total: number;
  hits: SearchHit[];
  /** The hits hold only stray characters of the query (src/scripts/search/relevance.ts). */
  partial: boolean;
  /** With partial hits: a likelier query from their titles and aliases (下崽 → 下载). */
  suggestion?: string | undefined;
}

interface PagefindSubResult {
  url: string;
  excerpt: string;
}
interface PagefindResultData {
  url: string;
  excerpt: string;
  /** The page's indexed text. */
  content?: string;
  /** title, category, summary, and aliases (joined by "，", from SearchAliases.astro). */
  meta: Record<string, string | undefined>;
  sub_results?: PagefindSubResult[];
}
interface Pagefind {
  options(opts: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  debouncedSearch(query: string, opts?: object, ms?: number): Promise<{ results: { data(): Promise<PagefindResultData> }[] } | null>;
}

const PAGEFIND_URL = '/pagefind/pagefind.js';
let pagefind: Promise<Pagefind> | undefined;

/** Starts loading the index (on first focus), so the first results come sooner. */
export function preloadSearchIndex(): void {
  loadPagefind().catch(() => {
    /* reported when a search runs */
  });
}

function loadPagefind(): Promise<Pagefind> {
  pagefind ??= import(/* @vite-ignore */ PAGEFIND_URL).then(async (module: Pagefind) => {
    // termFrequency 0: rank by where words match (title, aliases) rather than how often
    // they repeat, so 换管理员 finds the article about changing the administrator first.
    await module.options({ excerptLength: 36, ranking: { termFrequency: 0 } });
    await module.init();
    return module;
  });
  pagefind.catch(() => (pagefind = undefined));
  return pagefind;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const markedWords = (excerpt: string) => [...excerpt.matchAll(/<mark>(.*?)<\/mark>/g)].map((m) => m[1]!);

/** Drops the first `count` characters of text from excerpt markup, keeping `<mark>` tags balanced. */
function dropLeadingText(html: string, count: number): string {
  let i = 0;
  let open = false;
  while (count > 0 && i < html.length) {
    if (html.startsWith('<mark>', i)) (open = true), (i += 6);
    else if (html.startsWith('</mark>', i)) (open = false), (i += 7);
    else {
      const entity = html[i] === '&' ? html.indexOf(';', i) : -1;
      i = entity > i ? entity + 1 : i + 1;
      count--;
    }
  }
  let rest = html.slice(i);
  if (open && rest.startsWith('</mark>')) (rest = rest.slice(7)), (open = false);
  rest = rest.trimStart();
  return open ? `<mark>${rest}` : rest;
}

/**
 * Pagefind's excerpt window often opens inside the page title, which the hit shows
 * already: drop that piece of the title (unless only it holds the matched words), and
 * mark a cut-off end with an ellipsis.
 */
export function tidyExcerpt(excerpt: string, title: string): string {
  const text = excerpt.replace(/<\/?mark>/g, '');
  let tidy = excerpt;
  for (let k = title.length; k >= 2; k--) {
    if (text.startsWith(`${title.slice(-k)} `)) {
      const rest = dropLeadingText(excerpt, k);
      // Keep the title piece when the matched words stand only there.
      if (rest.includes('<mark>') || !excerpt.includes('<mark>')) tidy = rest;
      break;
    }
  }
  return /[。！？.!?]$/.test(tidy.replace(/<\/?mark>/g, '').trim()) ? tidy : `${tidy}…`;
}

/**
 * A hit from Pagefind's data. Matches inside the hidden aliases section rank the article
 * but never show as its excerpt: the summary is shown instead, with the alias named.
 */
export function toHit(data: PagefindResultData): SearchHit {
  const isAlias = (s: PagefindSubResult) => s.url.endsWith(`#${ALIASES_ANCHOR}`);
  const subs = data.sub_results ?? [];
  const inText = subs.find((s) => !isAlias(s) && s.excerpt.includes('<mark>')) ?? subs.find((s) => !isAlias(s));
  const base = { url: data.url, title: data.meta.title ?? data.url, category: data.meta.category };
  if (inText || !subs.some(isAlias)) return { ...base, excerpt: tidyExcerpt(inText?.excerpt ?? data.excerpt, base.title) };
  const aliasWords = markedWords(subs.find(isAlias)!.excerpt);
  return {
    ...base,
    excerpt: escapeHtml(data.meta.summary ?? ''),
    matchedAlias: [...new Set(aliasWords)].join(' '),
  };
}

/**
 * Searches the help articles. Resolves to `null` when a newer query superseded this one
 * while it waited, so a slow answer never overwrites a newer one.
 */
export async function searchArticles(query: string, limit: number): Promise<SearchOutcome | null> {
  const trimmed = query.trim();
  if (!trimmed) return { query: trimmed, total: 0, hits: [], partial: false };
  const engine = await loadPagefind();
  const found = await engine.debouncedSearch(trimmed, {}, 120);
  if (!found) return null;
  const data = await Promise.all(found.results.slice(0, limit).map((r) => r.data()));
  // Judged on the best few (Pagefind ranks the best first), on their text with the aliases.
  const partial = isPartialMatch(trimmed, data.slice(0, 3).map((d) => [d.meta.title ?? '', d.content ?? d.excerpt]));
  const suggestion = partial ? suggestQuery(trimmed, data.flatMap((d) => [d.meta.title ?? '', ...(d.meta.aliases ?? '').split('，')])) : undefined;
  return { query: trimmed, total: found.results.length, hits: data.map(toHit), partial, suggestion };
}
