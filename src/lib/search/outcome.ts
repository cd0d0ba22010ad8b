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
