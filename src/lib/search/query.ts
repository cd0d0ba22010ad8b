// A search query as support counts it: the browser's "already reported" key and the
// API's stored spelling are the same rule, so one query is one row however it was typed.

/** The longest query the API stores, in UTF-16 units. */
export const MAX_QUERY_LENGTH = 100;

/** One spelling per query: trimmed, inner spaces folded, Latin letters lowercased. */
export const normaliseQuery = (query: string) => query.trim().replace(/\s+/g, ' ').toLowerCase();
