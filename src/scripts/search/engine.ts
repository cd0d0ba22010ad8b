// Talks to Pagefind (the index built by src/integrations/pagefind.ts): loads it once and
// turns its results into plain hits for the search views.

import { isPartialMatch, suggestQuery } from './relevance.ts';
import { toHit, type PagefindResultData, type SearchHit } from './results.ts';

export type { SearchHit } from './results.ts';

export interface SearchOutcome {
  query: string;
  total: number;
  hits: SearchHit[];
  /** The hits hold only stray characters of the query (src/scripts/search/relevance.ts). */
  partial: boolean;
  /** With partial hits: a likelier query from their titles and aliases (下崽 → 下载). */
  suggestion?: string | undefined;
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
  return { query: trimmed, total: found.results.length, hits: data.map((d) => toHit(d, trimmed)), partial, suggestion };
}
