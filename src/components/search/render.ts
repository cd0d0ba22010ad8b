// Builds the DOM of search results: hits with highlighted excerpts, the "no result"
// message with the support lines. Only text nodes and `<mark>`: nothing is parsed as HTML.

import { isLongQuery } from '../../lib/search/relevance.ts';
import type { Highlighted, SearchHit } from '../../lib/search/results.ts';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Text with its highlighted ranges inside `<mark>`. */
export function highlighted({ text, marks }: Highlighted): DocumentFragment {
  const out = document.createDocumentFragment();
  let at = 0;
  for (const [from, to] of marks) {
    out.append(text.slice(at, from), el('mark', '', text.slice(from, to)));
    at = to;
  }
  out.append(text.slice(at));
  return out;
}

/** One hit as a link: title, category, excerpt. */
export function renderHit(hit: SearchHit, id: string): HTMLAnchorElement {
  const link = el('a', 'hit');
  link.href = hit.url;
  link.id = id;
  link.append(el('span', 'hit-title', hit.title));
  if (hit.category) link.append(el('span', 'hit-meta', hit.category));
  const excerpt = el('span', 'hit-excerpt');
  excerpt.append(highlighted(hit.excerpt));
  link.append(excerpt);
  if (hit.matchedAlias) {
    const note = el('span', 'hit-meta', '匹配常见说法：');
    note.append(highlighted(hit.matchedAlias));
    link.append(note);
  }
  return link;
}

/** Above results that share only some words with the query. */
export function renderPartialNote(query: string): HTMLElement {
  return el('p', 'partial', `没有与「${query}」完全对应的文章，以下只包含部分字词：`);
}

/** Above best guesses (src/lib/search/guess.ts): a plain heading saying what they are. */
export const GUESS_HEADING = '可能相关的文章';

/**
 * 已为你搜索「下载」，仍搜索「下崽」: says a typo was searched as the likelier word, and
 * offers the query as typed (`literalHref`; `onLiteral` runs it in place).
 */
export function renderCorrection(corrected: string, typed: string, literalHref: string, onLiteral: () => void): HTMLElement {
  const box = el('p', 'corrected', `已为你搜索「${corrected}」，`);
  const link = el('a', '', `仍搜索「${typed}」`);
  link.href = literalHref;
  link.addEventListener('click', (event) => {
    event.preventDefault();
    onLiteral();
  });
  box.append(link);
  return box;
}

/** The parts of SearchHelp.astro (from the page's template) to show. */
export type HelpPart = 'contact' | 'popular' | 'tools';

/** Copies `parts` of the page's SearchHelp template: support lines and chat, 热门问题, tools. */
export function renderHelp(parts: readonly HelpPart[]): HTMLElement {
  const box = el('div', 'search-help-copy');
  const template = document.querySelector<HTMLTemplateElement>('template#search-help');
  const help = template?.content.firstElementChild?.cloneNode(true) as HTMLElement | undefined;
  if (help) {
    for (const part of help.querySelectorAll<HTMLElement>('[data-search-help]')) if (!parts.includes(part.dataset.searchHelp as HelpPart)) part.remove();
    box.append(help);
  }
  return box;
}

/**
 * The way on when search has no sure answer: a sentence fitting the outcome (`none`: no
 * article; otherwise: the articles above may not answer), then `parts` of the help.
 * Shorter keywords are suggested for a long query that found nothing.
 */
export function renderNoResult(query: string, parts: readonly HelpPart[], found = false): HTMLElement {
  const box = el('div', 'empty');
  const text = found
    ? '没找到想要的答案？可以联系我们'
    : `没有找到与「${query}」相关的文章。换个说法试试${isLongQuery(query) ? '，比如用更短的关键词' : ''}，或者联系我们`;
  box.append(el('p', '', `${text}${parts.length > 1 ? '，也可以看看热门问题和自助工具：' : '：'}`), renderHelp(parts));
  return box;
}
