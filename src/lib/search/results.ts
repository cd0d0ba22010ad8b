// Turns Pagefind's data into hits for the search views: an excerpt that starts and ends at
// a clause, reads as Chinese, and highlights the query itself (Pagefind's own marks fall on
// its segments: 能下 of 就能下载 for 下载). Plain text and ranges, never HTML.

import { ALIASES_ANCHOR } from '../content/urls.ts';
import { highlightRanges, queryCoverage } from './relevance.ts';

/** Text with the ranges to highlight, [from, to) in sorted order. */
export interface Highlighted {
  text: string;
  marks: [number, number][];
}

/** One article found by a query. */
export interface SearchHit {
  url: string;
  title: string;
  excerpt: Highlighted;
  category?: string | undefined;
  /** Set when only the article's aliases hold the query: the alias that does. */
  matchedAlias?: Highlighted;
}

export interface PagefindSubResult {
  url: string;
  title?: string;
  excerpt: string;
}
export interface PagefindResultData {
  url: string;
  excerpt: string;
  /** The page's indexed text, as written (excerpts escape `<` and `>`). */
  content?: string;
  /** title, category, summary, and aliases (joined by "，", from SearchAliases.astro). */
  meta: Record<string, string | undefined>;
  sub_results?: PagefindSubResult[];
  anchors?: { text: string }[];
}

/** An excerpt's text: Pagefind's marks dropped, the `<` and `>` it escapes restored. */
export const plainText = (excerpt: string): string =>
  excerpt.replace(/<\/?mark>/g, '').replace(/&([lg])t;/g, (_, c: string) => (c === 'l' ? '<' : '>'));

/** Ends a clause: Chinese and Latin punctuation, and the spaces Pagefind puts between blocks. */
const BREAK = /[\s。！？；：，、.!?;:,]/;
/** How far an excerpt may grow or shrink to start or end at a clause. */
const REACH = 8;
const isCjk = (c: string | undefined) => !!c && c > '\u2e7f';

/** Where the excerpt comes from: the page's text, its title and its headings. */
export interface ExcerptSource {
  content?: string | undefined;
  title: string;
  headings?: readonly string[];
}

/**
 * Makes Pagefind's excerpt window read well: starts it at the clause it opened inside (or
 * the next one), without leading punctuation; ends it at the sentence if that is near, or
 * with "…"; turns the ". " Pagefind ends headings and other blocks with into "：" after a
 * heading and "。" otherwise; drops the page title (shown above it) unless only the title
 * holds the query; and highlights the query.
 */
export function tidyExcerpt(window: string, query: string, { content = '', title, headings = [] }: ExcerptSource): Highlighted {
  let text = window.trim();
  const at = text ? content.indexOf(text) : -1;
  let open = false;
  if (at > 0 && !BREAK.test(content[at - 1]!) && !BREAK.test(text[0]!)) {
    // Opened inside a clause: back to where it starts if that is near; else on to the next
    // clause, unless the one cut holds the query: then back to its start if that is not
    // far, or "…" before the cut.
    let start = at - 1;
    while (start >= 0 && start >= at - 3 * REACH && !BREAK.test(content[start]!)) start--;
    const next = text.slice(0, REACH).search(BREAK);
    const back = start >= at - 3 * REACH ? content.slice(start + 1, at) : undefined;
    if (back !== undefined && back.length < REACH) text = back + text;
    else if (next >= 0 && !highlightRanges(text.slice(0, next), query).length) text = text.slice(next + 1);
    else if (back !== undefined) text = back + text;
    else open = true;
  }
  text = text.replace(/^[\s。！？；：，、.!?;:,）」』》”]+/, '');

  let closed = /[。！？.!?]$/.test(text);
  if (!closed && at >= 0) {
    const after = content.slice(at + window.trim().length, at + window.trim().length + REACH);
    // On to a sentence end, or the block's (". ", not the dot of qq.com), else a comma.
    const stop = after.search(/[。！？!?]|\.(\s|$)/);
    const pause = after.search(/[，、；：]/);
    if (stop >= 0) text += after.slice(0, stop + (after[stop] === '.' ? 0 : 1));
    else if (pause >= 0) text += after.slice(0, pause);
    closed = stop >= 0;
  }

  // Pagefind's block ends, ". " in Chinese text: "：" after a heading or a two-character
  // block (a callout's 提示, 注意), otherwise "。".
  text = text
    .replace(/\.(?:\s+|$)/g, (separator, offset: number) => {
      const before = text.slice(0, offset);
      if (!isCjk(before.at(-1))) return separator;
      const at = before.search(/[^\s。！？；：，、.]*$/);
      const clause = before.slice(at);
      const label = clause.length === 2 && /(^|[。！？.]\s*)$/.test(before.slice(0, at));
      const heading = !!clause && (label || [title, ...headings].some((h) => h.endsWith(clause)));
      return heading && offset + separator.length < text.length ? '：' : '。';
    })
    .replace(/([。！？；：，、）」』》”])\s+/g, '$1')
    .replace(/[，、；：\s]+$/, '');

  // A few characters of the next sentence say nothing: end at the one before them.
  const end = /[。！？](?=[^。！？]{1,7}$)/.exec(text);
  if (!closed && end && end.index > REACH && !highlightRanges(text.slice(end.index), query).length) {
    text = text.slice(0, end.index + 1);
    closed = true;
  }

  // The title is shown above the excerpt: drop it, or the end of it the window opened in.
  for (let k = title.length; k >= 2; k--) {
    const piece = title.slice(-k);
    const rest = text.slice(k).replace(/^[：\s]/, '');
    if (!text.startsWith(piece) || !rest || (!/[？！。]$/.test(piece) && !/^[：\s]/.test(text.slice(k)))) continue;
    // Unless only the title holds the query: then the whole title, not a piece of it.
    if (highlightRanges(rest, query).length || !highlightRanges(piece, query).length) text = rest;
    else text = title + (/[？！。]$/.test(title) ? '' : '：') + rest;
    break;
  }
  text = `${open ? '…' : ''}${text}${closed || /[。！？.!?]$/.test(text) ? '' : '…'}`;
  return { text, marks: highlightRanges(text, query) };
}

const aliasOf = (s: PagefindSubResult) => s.url.endsWith(`#${ALIASES_ANCHOR}`);

/**
 * A hit from Pagefind's data for `query`: the excerpt of the section holding the query, or
 * when nothing holds it literally (a typo), of the first section Pagefind matched. When only the aliases (indexed, never shown) hold the query, the summary is
 * shown with the alias named; an alias holding the whole query is named beside an excerpt
 * holding only part of it too.
 */
export function toHit(data: PagefindResultData, query: string): SearchHit {
  const title = data.meta.title ?? data.url;
  const base = { url: data.url, title, category: data.meta.category };
  const score = (text: string) => queryCoverage(query, [text]);
  const subs = data.sub_results ?? [];
  // A section of the title alone (an article's first, when no text precedes its first heading) comes last.
  const sections = subs.filter((s) => !aliasOf(s)).sort((a, b) => +(plainText(a.excerpt).trim() === title) - +(plainText(b.excerpt).trim() === title));
  const [alias, aliasScore] = (data.meta.aliases ?? '').split('，').reduce<[string | undefined, number]>((top, a) => (score(a) > top[1] ? [a, score(a)] : top), [undefined, 0]);
  // The first section holding the whole query, else the first holding part of it: an
  // article's opening answers it best, and later sections go into detail.
  const scored = sections.map((s) => [s, score(plainText(s.excerpt))] as const);
  const [section, sectionScore] = scored.find(([, n]) => n === 1) ?? scored.find(([, n]) => n > 0) ?? [undefined, 0];
  const named = (text: string) => ({ text, marks: highlightRanges(text, query) });
  if (alias && !section) {
    return { ...base, excerpt: named(data.meta.summary ?? ''), matchedAlias: named(alias) };
  }
  const shown = section ?? sections.find((s) => s.excerpt.includes('<mark>')) ?? sections[0];
  const headings = [...subs.map((s) => s.title ?? ''), ...(data.anchors ?? []).map((a) => a.text)].filter(Boolean);
  const excerpt = tidyExcerpt(plainText(shown?.excerpt ?? data.excerpt), query, { content: data.content, title, headings });
  return alias && aliasScore === 1 && sectionScore < 1 ? { ...base, excerpt, matchedAlias: named(alias) } : { ...base, excerpt };
}
