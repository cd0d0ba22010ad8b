// Settles a query over Pagefind's index (built by src/integrations/pagefind.ts), the same
// way wherever Pagefind runs: in the server for the support API's GET /search
// (src/server/pagefind-on-server.ts), and in the page when the API does not answer
// (src/browser/pagefind-in-page.ts). Each holds one search made by `articleSearch`:
// 1. the query as typed; hits sharing only single characters with it are dropped
//    (src/lib/search/noise.ts); if the rest answer it, `results`;
// 2. a typo with a likelier word (下崽 → 下载): that word, at once, if it answers;
// 3. the query's meaningful words and their synonyms (src/lib/search/guess.ts), each
//    searched, the pages ranked by the words they hold: `guess` when the best holds
//    most of the words, `partial` when it holds only some (客服 of 客服电话). Answers of
//    1 or 2 are ranked the same way, among the pages holding the words;
// 4. else the hits of 1 holding part of the query: `partial`; else `none`.
// Each page read costs a Pagefind fragment (a download in the page, a file read and its
// memory in the server), so pages are read only as far as the list shown needs them: 1 reads hits until `limit` are not noise; 3 knows from the
// searches' results alone which words each page holds, and reads pages best first while
// one may still make the list (guess.ts's scoreBound).

import { COMMON_SHARE, guessTerms, isBestGuess, rankGuesses, scoreBound, termRarity, type GuessPage } from './guess.ts';
import { isNoise } from './noise.ts';
import { namedOnlyInPassing, type PageTexts, type SearchOutcomeKind } from './outcome.ts';
import { isPartialMatch, suggestQuery } from './relevance.ts';
import { synonymIndex } from './synonyms.ts';
import { browserSegmenter } from './words.ts';
import synonymTable from '../../../content/search/synonyms.json' with { type: 'json' };
import { toHit, type PagefindResultData, type SearchHit } from './results.ts';

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

/** What the search uses of a Pagefind result. */
export interface PagefindResult {
  id: string;
  data(): Promise<PagefindResultData>;
}
/** What the search uses of Pagefind (`pagefind.js`, in the page or in the server). */
export interface Pagefind {
  options(opts: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(query: string): Promise<{ results: PagefindResult[] }>;
  filters(): Promise<unknown>;
}

/**
 * Pagefind's options wherever it runs. termFrequency 0: rank by where words match (title,
 * aliases) rather than how often they repeat, so 换管理员 finds the article about changing
 * the administrator first. noWorker: Pagefind searches in its caller rather than in a web
 * worker, which in a page would be a second download of its code (pagefind-worker.js,
 * 12 KB compressed) for searches that take milliseconds.
 */
export const PAGEFIND_OPTIONS = { excerptLength: 36, ranking: { termFrequency: 0 }, noWorker: true } as const;

/** Where a search gets Pagefind from. */
export interface PagefindSource {
  /** Pagefind with its index ready to search; called for every search, so it keeps what it loaded. */
  load(): Promise<Pagefind>;
  /** How many pages the index holds (Pagefind's entry file), to tell a word every page holds. */
  pageCount(): Promise<number | undefined>;
}

/** Searches the help articles (see the top of this file). */
export type ArticleSearch = (query: string, limit: number, options?: SearchOptions) => Promise<SearchOutcome>;

/**
 * Most pages of the query as typed read to find `limit` that are not noise (a query whose
 * hits share only stray characters with it): each page read costs a fragment read.
 */
const STRICT_PAGES = 30;
const synonyms = synonymIndex(synonymTable.groups);
const segmenter = browserSegmenter() ?? null;

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

/** One search's Pagefind, its pages read through the search's cache, and the pages it holds. */
interface Run {
  engine: Pagefind;
  read(result: PagefindResult): Promise<PagefindResultData>;
  sitePages: number | undefined;
}

/**
 * Step 1 for `query`: its hits without noise, whether they are partial, a likelier word.
 * Only as many hits are read (each a fragment read) as it takes to find `limit`
 * that are not noise: all of them for a common word, at most STRICT_PAGES (or 2 × limit)
 * when noise is among them.
 */
async function strictSearch({ read }: Run, found: { results: PagefindResult[] }, query: string, limit: number): Promise<Strict> {
  const most = Math.min(found.results.length, Math.max(STRICT_PAGES, 2 * limit));
  const data: PagefindResultData[] = [];
  const kept: PagefindResultData[] = [];
  const keptIds: string[] = [];
  while (data.length < most && kept.length < limit) {
    const results = found.results.slice(data.length, Math.min(most, data.length + limit - kept.length));
    const batch = await Promise.all(results.map(read));
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
async function rankedSearch({ engine, read, sitePages }: Run, query: string, strict: Strict | undefined, limit: number): Promise<{ hits: SearchHit[]; total: number; guess: boolean; first?: PageTexts }> {
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
  for (let pagesRead = 0; unread.length && pagesRead < limit * Math.max(2, terms.length); ) {
    // Until the list is full, as many as it lacks; then those that could still beat its last.
    const last = bounded.length >= limit ? bounded[limit - 1]!.score : -1;
    const take = bounded.length < limit ? limit - bounded.length : unread.findIndex(({ bound }) => bound <= last);
    const batch = unread.splice(0, take < 0 ? limit : Math.min(take, limit));
    if (!batch.length) break;
    await Promise.all(batch.map(async ({ page }) => (page.data = await read(page.result!))));
    pagesRead += batch.length;
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
 * The search over the index `source` gives. Queries are settled one at a time, each
 * after the one before: Pagefind hands every search the same object for a page, and
 * writes the excerpt of the latest read into it, so two queries reading one page at once
 * could show each other's excerpts.
 */
export function articleSearch(source: PagefindSource): ArticleSearch {
  let last: Promise<unknown> = Promise.resolve();
  const settle: ArticleSearch = async (query, limit, { literal = false } = {}) => {
    const typed = query.trim();
    if (!typed) return { typed, query: typed, kind: 'none', total: 0, hits: [] };
    const [engine, sitePages] = await Promise.all([source.load(), source.pageCount()]);
    // Each result's data read once, however many of this query's searches find it. Not
    // kept across queries: the data holds the excerpt of the search that read it (and
    // Pagefind keeps the fragments it read).
    const loaded = new Map<string, Promise<PagefindResultData>>();
    const read = (result: PagefindResult) => {
      let data = loaded.get(result.id);
      if (!data) loaded.set(result.id, (data = result.data()));
      return data;
    };
    const run: Run = { engine, read, sitePages };
    const strict = await strictSearch(run, await engine.search(typed), typed, limit);
    const answer = async (searched: string, settled: Strict): Promise<SearchOutcome> => {
      const { hits, total, first } = await rankedSearch(run, searched, settled, limit);
      return { typed, query: searched, kind: first && namedOnlyInPassing(searched, first) ? 'guess' : 'results', hits, total };
    };
    if (!strict.partial) return answer(typed, strict);

    if (strict.suggestion && !literal) {
      const corrected = await strictSearch(run, await engine.search(strict.suggestion), strict.suggestion, limit);
      if (!corrected.partial) return answer(strict.suggestion, corrected);
    }
    const { hits, total, guess } = await rankedSearch(run, typed, undefined, limit);
    if (hits.length) return { typed, query: typed, kind: guess ? 'guess' : 'partial', hits, total };
    if (strict.kept.length) return { typed, query: typed, kind: 'partial', total: strict.total, hits: strict.kept.slice(0, limit).map((d) => toHit(d, typed)) };
    return { typed, query: typed, kind: 'none', total: 0, hits: [] };
  };
  return (query, limit, options) => {
    const settled = last.then(() => settle(query, limit, options));
    last = settled.catch(() => undefined);
    return settled;
  };
}
