// Whether a query's results answer it, or only share stray characters with it, judged on
// the hits' own text rather than on Pagefind's marks: Pagefind marks 二维码 as 二, 维 and
// 码, and for the typo 下崽 it finds every article saying 下面 or 以下. Such a search is a
// failed search for the operator's list, and the visitor is told the results are partial
// (and offered a likelier query, when the hits' titles and aliases hold one).

/** Unless one hit holds more than this share of the query's characters, the results are partial. */
export const PARTIAL_UP_TO = 0.5;

/** The query's words: lower-case runs of letters and digits (spaces and punctuation part them). */
export const queryWords = (query: string): string[] => query.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/**
 * The runs of `word` that `has` accepts: from each position the longest one, of at least
 * two characters (one for a one-character word), as [from, to) within the word. A Latin
 * word counts only whole (the "om" of chrome says nothing).
 */
function pieces(word: string, has: (piece: string) => boolean): [number, number][] {
  const min = /^[\x00-\x7f]+$/.test(word) ? word.length : Math.min(2, word.length);
  const found: [number, number][] = [];
  for (let from = 0; from + min <= word.length; from++) {
    let to = from + min;
    if (!has(word.slice(from, to))) continue;
    while (to < word.length && has(word.slice(from, to + 1))) to++;
    found.push([from, to]);
  }
  return found;
}

/**
 * The share of the query's letters, digits and CJK characters that stand in `texts` as
 * part of a run of two or more query characters. A single character (发 of 发票 in 发起)
 * says nothing; adjacent characters are judged together, however Pagefind split them.
 */
export function queryCoverage(query: string, texts: readonly string[]): number {
  // White space aside: Pagefind puts spaces around bold and linked words.
  const text = texts.join('\n').toLowerCase().replace(/\s+/g, '');
  let total = 0;
  let covered = 0;
  for (const word of queryWords(query)) {
    const hit = new Array<boolean>(word.length).fill(false);
    for (const [from, to] of pieces(word, (piece) => text.includes(piece))) hit.fill(true, from, to);
    total += word.length;
    covered += hit.filter(Boolean).length;
  }
  return total ? covered / total : 0;
}

/**
 * True when no hit holds more than half of the query (see queryCoverage): one character of
 * two, or 客服 of 客服电话, is partial. `textsPerHit` gives each hit's title, text and
 * aliases. A one-character query is never judged.
 */
export function isPartialMatch(query: string, textsPerHit: readonly (readonly string[])[]): boolean {
  if (queryWords(query).join('').length < 2 || !textsPerHit.length) return false;
  return Math.max(...textsPerHit.map((texts) => queryCoverage(query, texts))) <= PARTIAL_UP_TO;
}

/**
 * Where to highlight the query in `text`, as sorted [from, to) ranges: the query's words,
 * or their longest runs of two or more characters, wherever they stand; words apart by
 * white space only (App Store) make one range.
 */
export function highlightRanges(text: string, query: string): [number, number][] {
  // Lower case character by character, so positions stay those of `text`.
  const lower = Array.from(text, (c) => (c.toLowerCase().length === c.length ? c.toLowerCase() : c)).join('');
  const found = queryWords(query)
    .flatMap((word) => pieces(word, (piece) => lower.includes(piece)).map(([from, to]) => word.slice(from, to)))
    .sort((a, b) => b.length - a.length);
  const ranges: [number, number][] = [];
  for (let at = 0; found.length && at < lower.length; ) {
    const piece = found.find((p) => lower.startsWith(p, at));
    if (!piece) {
      at++;
      continue;
    }
    const last = ranges[ranges.length - 1];
    if (last && !lower.slice(last[1], at).trim()) last[1] = at + piece.length;
    else ranges.push([at, at + piece.length]);
    at += piece.length;
  }
  return ranges;
}

/** Whether `a` becomes `b` by one insertion, deletion or substitution. */
export function oneEditApart(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (a[i] === b[i]) i++;
  const rest = (s: string, skip: number) => s.slice(i + skip);
  return rest(a, 1) === rest(b, 1) || rest(a, 0) === rest(b, 1) || rest(a, 1) === rest(b, 0);
}

/**
 * A likelier query for a one-word query with partial results (下崽 → 下载): the word one
 * edit away from it that the most of `phrases` (the hits' titles and aliases) contain, in
 * at least two of them, so that one stray phrase suggests nothing. Chinese has no spaces
 * between words, so any run of its characters is a candidate; a Latin word is one whole.
 */
export function suggestQuery(query: string, phrases: readonly string[]): string | undefined {
  const words = queryWords(query);
  const q = words[0];
  if (words.length !== 1 || !q || q.length < 2) return undefined;
  const phrasesWith = new Map<string, number>();
  for (const phrase of phrases) {
    const candidates = new Set<string>();
    for (const run of queryWords(phrase)) {
      if (/^[\x00-\x7f]+$/.test(run)) candidates.add(run);
      else
        for (let length = Math.max(2, q.length - 1); length <= q.length + 1; length++)
          for (let at = 0; at + length <= run.length; at++) candidates.add(run.slice(at, at + length));
    }
    for (const word of candidates) if (oneEditApart(q, word)) phrasesWith.set(word, (phrasesWith.get(word) ?? 0) + 1);
  }
  let best: string | undefined;
  for (const [word, count] of phrasesWith) if (count >= 2 && count > (best ? phrasesWith.get(best)! : 0)) best = word;
  return best;
}

/** Long enough that fewer words may find more: over four Chinese characters or Latin words. */
export const isLongQuery = (query: string): boolean => (query.match(/\p{Script=Han}|[a-z0-9]+/giu) ?? []).length > 4;
