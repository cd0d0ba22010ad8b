// A search query as support counts it: the browser's "already reported" key and the
// API's stored spelling are the same rule, so one query is one row however it was typed.
// And the limits of a search the API answers, which the search box keeps to.

/** The longest query the API stores, in UTF-16 units. */
export const MAX_QUERY_LENGTH = 100;

/** The longest query the API searches (GET /search); the search box searches a longer one in the page. */
export const MAX_SEARCHED_QUERY = 200;
/** Most hits one search answer lists: the search page shows 10 more at a time, up to this. */
export const MAX_SEARCH_HITS = 100;

/** One spelling per query: trimmed, inner spaces folded, Latin letters lowercased. */
export const normaliseQuery = (query: string) => query.trim().replace(/\s+/g, ' ').toLowerCase();
