// Whether a query's results answer it, or only share stray words with it: with Chinese
// segmentation, 发票怎么开 finds every article that says 怎么 or 开. Such a search is a
// failed search for the operator's list, and the visitor is told the results are partial.

/** Below this share of the query's characters matched, results count as partial. */
export const PARTIAL_BELOW = 0.5;
/** Shorter queries are judged by Pagefind alone: one or two characters match or not. */
const MIN_JUDGED_LENGTH = 3;

const significant = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/**
 * The share of the query's letters, digits and CJK characters that fall inside a matched
 * word of two or more characters that is itself part of the query. A single matched
 * character (发 of 发票 found in 发起) says nothing.
 */
export function queryCoverage(query: string, matchedWords: readonly string[]): number {
  const q = significant(query);
  if (!q) return 0;
  const covered = new Array<boolean>(q.length).fill(false);
  for (const word of new Set(matchedWords.map(significant))) {
    if (word.length < 2) continue;
    for (let at = q.indexOf(word); at !== -1; at = q.indexOf(word, at + 1)) covered.fill(true, at, at + word.length);
  }
  return covered.filter(Boolean).length / q.length;
}

/** True when no result matched at least half of the query in words of its own. */
export function isPartialMatch(query: string, matchedWordsPerHit: readonly (readonly string[])[]): boolean {
  if (significant(query).length < MIN_JUDGED_LENGTH || !matchedWordsPerHit.length) return false;
  return Math.max(...matchedWordsPerHit.map((words) => queryCoverage(query, words))) < PARTIAL_BELOW;
}
