// How a search settled, in the words the search views (data-outcome on the search page's
// list), the bench and the search statistics all use.

export const SEARCH_OUTCOMES = ['results', 'partial', 'guess', 'none'] as const;

/**
 * - `results`: articles that answer the query as typed (or as corrected from a typo);
 * - `partial`: articles holding only part of it, and no better guess;
 * - `guess`: nothing held the query, but articles hold some of its words or their
 *   synonyms (shown under 可能相关的文章);
 * - `none`: nothing.
 */
export type SearchOutcomeKind = (typeof SEARCH_OUTCOMES)[number];

/** What a page is judged on: its title, its aliases (joined) and its indexed text. */
export interface PageTexts {
  title: string;
  aliases: string;
  text: string;
}

/**
 * A query that the best page names exactly once, in its text only (退款 in 「也不能退款」),
 * is no sure answer: the page mentions the word in passing, so it is shown as a best
 * guess (可能相关的文章), with the support lines, not as the answer. A query the text does
 * not hold as typed (a question in the customer's words, found by its words) is judged
 * by the ranking instead.
 */
export function namedOnlyInPassing(query: string, page: PageTexts): boolean {
  const word = query.trim().toLowerCase();
  if (!word || /\s/.test(word)) return false;
  if (page.title.toLowerCase().includes(word) || page.aliases.toLowerCase().includes(word)) return false;
  return page.text.toLowerCase().split(word).length - 1 === 1;
}
