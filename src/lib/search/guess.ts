// The second search, for a question put in other words (普通员工怎么进后台): its words
// worth searching for (words.ts), each with its synonyms (synonyms.ts), and the pages
// ranked by how many of the words they hold, a word in the title or the aliases weighing
// more than one in the text. Pure: src/lib/search/engine.ts runs the searches.

import { expandWord, type SynonymIndex } from './synonyms.ts';
import { queryTerms, type WordSegmenter } from './words.ts';

const isOneHan = (form: string) => /^\p{Script=Han}$/u.test(form);

/** Most forms searched per word: a big synonym group costs no more than this. */
export const MAX_FORMS = 8;
/**
 * Most words of a query searched, its first: a question holds a handful, and each word
 * costs up to MAX_FORMS searches of the whole index (a pasted paragraph would cost hundreds).
 */
export const MAX_TERMS = 6;

/** One word of the query and the forms that count as it (itself first, then its synonyms). */
export interface GuessTerm {
  word: string;
  forms: readonly string[];
}

/**
 * The words of `query` to search for, each with its forms: its synonyms, and for a word a
 * lone character was joined to (管理员 of 管理/员), the segmenter's shorter word and its
 * synonyms too. A single character counts only through its synonyms (换 → 更换, 转让):
 * alone it would match nearly every page.
 */
export function guessTerms(query: string, synonyms: SynonymIndex, segmenter?: WordSegmenter | null): GuessTerm[] {
  return queryTerms(query, { segmenter, keepSingle: (c) => synonyms.has(c) }).slice(0, MAX_TERMS).map(({ word, shorter }) => ({
    word,
    forms: [...new Set([...expandWord(word, synonyms), ...(shorter ? expandWord(shorter, synonyms) : [])])].filter((form) => !isOneHan(form)).slice(0, MAX_FORMS),
  }));
}

/** A page found by some form, or by the query as typed, with the texts it is judged on. */
export interface GuessPage {
  url: string;
  title: string;
  /** Its aliases (what customers call it), joined. */
  aliases: string;
  /** Its indexed text. */
  text: string;
  /** Its best place among the searches' results (0 first): breaks ties. */
  order: number;
  /** Found by the query as typed, its hits judged to answer it: kept whatever words it holds. */
  strict?: boolean;
}

/** Weights of where a word stands in a page. */
export const WEIGHT = { title: 3, aliases: 3, text: 1 } as const;

/** A word held by more than this share of all pages (客服 on a customer-service site) says little. */
export const COMMON_SHARE = 0.5;

export interface RankedGuess {
  url: string;
  /** Sum over the query's words of the weight of the best place one of its forms holds, times the word's rarity. */
  score: number;
  /** The forms found, to highlight: one per term the page holds. */
  found: string[];
}

/**
 * Whether the best page is a best guess at the question (可能相关的文章) rather than a
 * page sharing a word or two with it: it holds more than half of the query's words.
 */
export const isBestGuess = (best: RankedGuess | undefined, terms: readonly GuessTerm[]): boolean => !!best && best.found.length * 2 > terms.length;

/** How much a page holds of one term: the weight of its best place, and the form found there. */
function termScore(term: GuessTerm, page: { title: string; aliases: string; text: string }): [number, string | undefined] {
  let best: [number, string | undefined] = [0, undefined];
  for (const form of term.forms) {
    const weight = page.title.includes(form) ? WEIGHT.title : page.aliases.includes(form) ? WEIGHT.aliases : page.text.includes(form) ? WEIGHT.text : 0;
    if (weight > best[0]) best = [weight, form];
  }
  return best;
}

/** How much each term weighs, from how many pages hold it: ln(1 + pages / pages holding it), 1 when unknown. */
export const termRarity = (holding: readonly number[], pageCount?: number): number[] => holding.map((n) => (pageCount && n ? Math.log(1 + pageCount / n) : 1));

/**
 * The most a page holding the terms `held` (indexes into the query's terms) can score in
 * rankGuesses: each in the title. Lets the search read only the pages that may be shown.
 */
export const scoreBound = (held: Iterable<number>, rarity: readonly number[]): number => [...held].reduce((sum, t) => sum + Math.max(...Object.values(WEIGHT)) * rarity[t]!, 0);

/**
 * The pages holding at least one term (a whole word or synonym, never a stray character),
 * best first: by score, then by how many terms they hold, then by `order`. Texts are
 * compared in lower case. With `pageCount` (all pages of the site) a word weighs by its
 * rarity, ln(1 + pages / pages holding it): 次数 on three pages tells more than 机器人 on
 * six; and a term held by more than COMMON_SHARE of the pages still adds to a page's
 * score, but a page holding only such terms is left out (客服热线 finds nothing on a site
 * where every page says 客服), unless it is a `strict` hit. For a one-word query the strict
 * hits come first, in their own order. `holdingOnSite`: how many of the site's pages hold
 * each term, when the caller knows (from the searches' results); else counted among `pages`.
 */
export function rankGuesses(terms: readonly GuessTerm[], pages: readonly GuessPage[], pageCount?: number, holdingOnSite?: readonly number[]): RankedGuess[] {
  const scoredPages = pages.map((page) => {
    const lower = { title: page.title.toLowerCase(), aliases: page.aliases.toLowerCase(), text: page.text.toLowerCase() };
    return { page, scored: terms.map((term) => termScore(term, lower)) };
  });
  const holding = holdingOnSite ?? terms.map((_, t) => scoredPages.filter(({ scored }) => scored[t]![0] > 0).length);
  const common = holding.map((n) => !!pageCount && n > COMMON_SHARE * pageCount);
  const rarity = termRarity(holding, pageCount);
  // One word cannot be held more or less often: the strict hits keep Pagefind's order,
  // which weighs headings and the words' places (公众号: the article with a section on it).
  const oneWord = terms.length < 2;
  return scoredPages
    .filter(({ page, scored }) => page.strict || scored.some(([score], t) => score > 0 && !common[t]))
    .map(({ page, scored }) => {
      const found = scored.flatMap(([, form]) => (form ? [form] : []));
      return { url: page.url, score: scored.reduce((sum, [s], t) => sum + s * rarity[t]!, 0), held: found.length, order: page.order, strict: !!page.strict, found };
    })
    .sort((a, b) =>
      oneWord && (a.strict || b.strict) ? +b.strict - +a.strict || a.order - b.order : b.score - a.score || b.held - a.held || a.order - b.order,
    )
    .map(({ url, score, found }) => ({ url, score, found }));
}
