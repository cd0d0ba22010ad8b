// Talks to Pagefind (the index built by src/integrations/pagefind.ts): loads it once, and
// settles a query the same way for the header dropdown, the search page and the bench:
// 1. the query as typed; hits sharing only single characters with it are dropped
//    (src/lib/search/noise.ts); if the rest answer it, `results`;
// 2. a typo with a likelier word (下崽 → 下载): that word, at once, if it answers;
// 3. the query's meaningful words and their synonyms (src/lib/search/guess.ts), each
//    searched, the pages ranked by the words they hold: `guess` when the best holds
//    most of the words, `partial` when it holds only some (客服 of 客服电话). Answers of
//    1 or 2 are ranked the same way, among the pages holding the words;
// 4. else the hits of 1 holding part of the query: `partial`; else `none`.
// Each page read costs a download (its Pagefind fragment), so pages are read only as far
// as the list shown needs them: 1 reads hits until `limit` are not noise; 3 knows from the
// searches' results alone which words each page holds, and reads pages best first while
// one may still make the list (guess.ts's scoreBound).

import { COMMON_SHARE, guessTerms, isBestGuess, rankGuesses, scoreBound, termRarity, type GuessPage } from '../../lib/search/guess.ts';
import { isNoise } from '../../lib/search/noise.ts';
import { namedOnlyInPassing, type PageTexts, type SearchOutcomeKind } from '../../lib/search/outcome.ts';
import { isPartialMatch, suggestQuery } from '../../lib/search/relevance.ts';
import { synonymIndex } from '../../lib/search/synonyms.ts';
import { browserSegmenter } from '../../lib/search/words.ts';
import synonymTable from '../../../content/search/synonyms.json';
import { toHit, type PagefindResultData, type SearchHit } from '../../lib/search/results.ts';

export type { SearchHit } from '../../lib/search/results.ts';
export type { SearchOutcomeKind } from '../../lib/search/outcome.ts';

export interface SearchOutcome {
  /** The query as typed (trimmed). */
  typed: string;
  /** The query searched: `typed`, or the likelier word a typo was corrected to. */
  query: string;
  kind: SearchOutcomeKind;
  total: number;
  hits: SearchHit[];
}

export interface SearchOptions {
  /** Search a typo as typed, without trying the likelier word (仍搜索「下崽」). */
  literal?: boolean;
}

interface PagefindResult {
  id: string;
  data(): Promise<PagefindResultData>;
}
interface Pagefind {
  options(opts: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(query: string): Promise<{ results: PagefindResult[] }>;
  debouncedSearch(query: string, opts?: object, ms?: number): Promise<{ results: PagefindResult[] } | null>;
  filters(): Promise<unknown>;
}

const PAGEFIND_URL = '/pagefind/pagefind.js';
/** A performance mark set once the index is ready to search. */
export const SEARCH_READY_MARK = 'wenda:search-ready';
/**
 * Most pages of the query as typed read to find `limit` that are not noise (a query whose
 * hits share only stray characters with it): each page read costs a fragment download.
 */
const STRICT_PAGES = 30;
let pagefind: Promise<Pagefind> | undefined;
const synonyms = synonymIndex(synonymTable.groups);
const segmenter = browserSegmenter() ?? null;

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
    // noWorker: Pagefind searches in the page rather than in a web worker, which would be
    // a second download of its code (pagefind-worker.js, 12 KB compressed) for searches
    // that take milliseconds.
    await module.options({ excerptLength: 36, ranking: { termFrequency: 0 }, noWorker: true });
    await module.init();
    // init() returns before Pagefind holds the index; its first answer comes once it does
    // (filters: none here, nothing fetched). The mark is read by bench:search-transfer.
    await module.filters();
    performance.mark(SEARCH_READY_MARK);
    return module;
  });
  pagefind.catch(() => (pagefind = undefined));
  return pagefind;
}

/** How many pages the index holds (Pagefind's entry file), to tell a word every page holds. */
let pages: Promise<number | undefined> | undefined;
const pageCount = () =>
  (pages ??= fetch('/pagefind/pagefind-entry.json')
    .then((res) => res.json() as Promise<{ languages: Record<string, { page_count: number }> }>)
    .then((entry) => Object.values(entry.languages).reduce((sum, l) => sum + l.page_count, 0))
    .catch(() => undefined));

/** Each result's data loaded once, however many searches find it. */
const loaded = new Map<string, Promise<PagefindResultData>>();
const dataOf = (result: PagefindResult) => {
  let data = loaded.get(result.id);
  if (!data) loaded.set(result.id, (data = result.data()));
  data.catch(() => loaded.delete(result.id));
  return data;
};

/** What a hit is judged on: title, text and aliases. */
const textsOf = (d: PagefindResultData) => [d.meta.title ?? '', d.content ?? d.excerpt, d.meta.aliases ?? ''];

interface Strict {
  /** Hits after the noise rule. */
  kept: PagefindResultData[];
  /** Their Pagefind ids, in the same order. */
  keptIds: string[];
  total: number;
  partial: boolean;
  suggestion: string | undefined;
}

/**
 * Step 1 for `query`: its hits without noise, whether they are partial, a likelier word.
 * Only as many hits are read (each a fragment download) as it takes to find `limit`
 * that are not noise: all of them for a common word, at most STRICT_PAGES (or 2 × limit)
 * when noise is among them.
 */
async function strictSearch(found: { results: PagefindResult[] }, query: string, limit: number): Promise<Strict> {
  const most = Math.min(found.results.length, Math.max(STRICT_PAGES, 2 * limit));
  const data: PagefindResultData[] = [];
  const kept: PagefindResultData[] = [];
  const keptIds: string[] = [];
  while (data.length < most && kept.length < limit) {
    const results = found.results.slice(data.length, Math.min(most, data.length + limit - kept.length));
    const batch = await Promise.all(results.map(dataOf));
    data.push(...batch);
    batch.forEach((d, i) => {
      if (isNoise(query, textsOf(d), segmenter)) return;
      kept.push(d);
      keptIds.push(results[i]!.id);
    });
  }
  const total = kept.length === data.length ? found.results.length : kept.length;
  // Judged on the best few (Pagefind ranks the best first), on their text with the aliases.
  const partial = !kept.length || isPartialMatch(query, kept.slice(0, 3).map(textsOf));
  const suggestion = partial ? suggestQuery(query, data.flatMap((d) => [d.meta.title ?? '', ...(d.meta.aliases ?? '').split('，')])) : undefined;
  return { kept, keptIds, total, partial, suggestion };
}

/**
 * The pages holding the query's words or their synonyms (step 3), with `strict` pages (the
 * answering hits of step 1 or 2) among them whatever words they hold, ranked by the words
 * they hold (src/lib/search/guess.ts).
 */
async function rankedSearch(engine: Pagefind, query: string, strict: Strict | undefined, limit: number): Promise<{ hits: SearchHit[]; total: number; guess: boolean; first?: PageTexts }> {
  const terms = guessTerms(query, synonyms, segmenter);
  const kept = strict?.kept ?? [];
  // One word: its own hits come first, in Pagefind's order (rankGuesses), so when they
  // fill the list, the other words' pages would never be shown: not searched, not read.
  if (terms.length < 2 && kept.length >= limit) {
    const first = kept[0]!;
    return { hits: kept.slice(0, limit).map((d) => toHit(d, query)), total: strict!.total, guess: false, first: { title: first.meta.title ?? '', aliases: first.meta.aliases ?? '', text: first.content ?? first.excerpt } };
  }
  // Each word's forms searched (index chunks, no page read): which pages hold which
  // words, and how many pages hold each word, are known before any page is read.
  const pages = new Map<string, { result?: PagefindResult; data?: PagefindResultData; order: number; held: Set<number>; strict?: boolean }>();
  kept.forEach((data, order) => pages.set(strict!.keptIds[order]!, { data, order, held: new Set(), strict: true }));
  const searched = await Promise.all(terms.map((term) => Promise.all(term.forms.map((form) => engine.search(form)))));
  searched.forEach((forms, t) =>
    forms.forEach(({ results }) =>
      results.forEach((result, order) => {
        const page = pages.get(result.id) ?? pages.set(result.id, { result, order, held: new Set() }).get(result.id)!;
        page.held.add(t);
        page.order = Math.min(page.order, order);
      }),
    ),
  );
  const holding = terms.map((_, t) => [...pages.values()].filter((p) => p.held.has(t)).length);
  const sitePages = await pageCount();
  const rarity = termRarity(holding, sitePages);
  // Pages are read best first (the words they hold, their place in the results), and only
  // while one might still make the list: its best possible score beats the last shown.
  const unread = [...pages.values()]
    .filter((p) => !p.data)
    .map((p) => ({ page: p, bound: scoreBound(p.held, rarity) }))
    .sort((a, b) => b.bound - a.bound || b.page.held.size - a.page.held.size || a.page.order - b.page.order);
  const candidates = () =>
    [...pages.values()].flatMap(({ data, order, strict }): GuessPage[] =>
      data ? [{ url: data.url, title: data.meta.title ?? '', aliases: data.meta.aliases ?? '', text: data.content ?? data.excerpt, order, strict }] : [],
    );
  // Scored as the bounds are (each word weighed by the pages its searches found), to tell
  // when no page left unread can make the list.
  let bounded = rankGuesses(terms, candidates(), sitePages, holding);
  // At most `limit` pages per word read beyond the strict hits, whatever the bounds say.
  for (let read = 0; unread.length && read < limit * Math.max(2, terms.length); ) {
    // Until the list is full, as many as it lacks; then those that could still beat its last.
    const last = bounded.length >= limit ? bounded[limit - 1]!.score : -1;
    const take = bounded.length < limit ? limit - bounded.length : unread.findIndex(({ bound }) => bound <= last);
    const batch = unread.splice(0, take < 0 ? limit : Math.min(take, limit));
    if (!batch.length) break;
    await Promise.all(batch.map(async ({ page }) => (page.data = await dataOf(page.result!))));
    read += batch.length;
    bounded = rankGuesses(terms, candidates(), sitePages, holding);
  }
  // The list itself weighs each word by the pages read that hold it as written: a word's
  // searches also find pages holding one of its characters (人 of 机器人), which would
  // make it look common.
  const ranked = rankGuesses(terms, candidates(), sitePages);
  const common = holding.map((n) => !!sitePages && n > COMMON_SHARE * sitePages);
  // With the pages not read that hold a word that is not common: as many as there may be.
  const total = ranked.length + unread.filter(({ page }) => [...page.held].some((t) => !common[t])).length;
  const found = new Map([...pages.values()].flatMap(({ data, strict }) => (data ? [[data.url, { data, strict }] as const] : [])));
  // Excerpts and highlights for the query, or for the words found when only they are held.
  const hits = ranked.slice(0, limit).map((r) => {
    const page = found.get(r.url)!;
    return toHit(page.data, page.strict || !r.found.length ? query : r.found.join(' '));
  });
  const first = ranked[0] && candidates().find((c) => c.url === ranked[0]!.url);
  return { hits, total, guess: isBestGuess(ranked[0], terms), ...(first && { first }) };
}

/**
 * Searches the help articles (see the top of this file). Resolves to `null` when a newer
 * query superseded this one while it waited, so a slow answer never overwrites a newer one.
 */
export async function searchArticles(query: string, limit: number, { literal = false }: SearchOptions = {}): Promise<SearchOutcome | null> {
  const typed = query.trim();
  if (!typed) return { typed, query: typed, kind: 'none', total: 0, hits: [] };
  const engine = await loadPagefind();
  const found = await engine.debouncedSearch(typed, {}, 120);
  if (!found) return null;
  const strict = await strictSearch(found, typed, limit);
  const answer = async (searched: string, settled: Strict): Promise<SearchOutcome> => {
    const { hits, total, first } = await rankedSearch(engine, searched, settled, limit);
    return { typed, query: searched, kind: first && namedOnlyInPassing(searched, first) ? 'guess' : 'results', hits, total };
  };
  if (!strict.partial) return answer(typed, strict);

  if (strict.suggestion && !literal) {
    const corrected = await strictSearch(await engine.search(strict.suggestion), strict.suggestion, limit);
    if (!corrected.partial) return answer(strict.suggestion, corrected);
  }
  const { hits, total, guess } = await rankedSearch(engine, typed, undefined, limit);
  if (hits.length) return { typed, query: typed, kind: guess ? 'guess' : 'partial', hits, total };
  if (strict.kept.length) return { typed, query: typed, kind: 'partial', total: strict.total, hits: strict.kept.slice(0, limit).map((d) => toHit(d, typed)) };
  return { typed, query: typed, kind: 'none', total: 0, hits: [] };
}
