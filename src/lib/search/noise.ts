// The noise rule: a hit that shares only single characters with the query is not shown.
// Pagefind matches Chinese character by character, so 发票 finds every article saying 发起
// or 票据, and 客服电话 every article with 电. A hit counts when it holds two or more
// adjacent characters of the query (or a whole Latin word), function words aside: 怎么
// alone ties 普通员工怎么进后台 to nothing.

import { isFunctionWord } from './function-words.ts';
import { queryCoverage, queryWords } from './relevance.ts';
import { browserSegmenter, segmentWords, type WordSegmenter } from './words.ts';

/** The query with its function words blanked out, so no run of characters crosses them. */
export function contentOfQuery(query: string, segmenter: WordSegmenter | null = browserSegmenter() ?? null): string {
  if (!segmenter) return query;
  const lower = query.toLowerCase();
  let out = '';
  let at = 0;
  for (const word of segmentWords(query, segmenter)) {
    const found = lower.indexOf(word, at);
    if (found < 0) continue;
    // Words next to each other stay together (客/服 → 客服); a space or a function word parts them.
    if (found > at) out += ' ';
    out += isFunctionWord(word) ? ' ' : word;
    at = found + word.length;
  }
  return out.replace(/\s+/g, ' ').trim();
}

/**
 * True when the hit's texts (title, text, aliases) hold no two adjacent characters of the
 * query's content words. A query with no two such characters side by side (票, 怎么开) is
 * never judged.
 */
export function isNoise(query: string, texts: readonly string[], segmenter: WordSegmenter | null = browserSegmenter() ?? null): boolean {
  // A character standing alone between function words (开 of 发票怎么开) ties nothing.
  const content = queryWords(contentOfQuery(query, segmenter))
    .filter((word) => word.length > 1)
    .join(' ');
  if (!content) return false;
  return queryCoverage(content, texts) === 0;
}
