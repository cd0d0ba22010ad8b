// Builds the DOM of search results: hits with highlighted excerpts, the "no result"
// message with the support lines. Only text nodes and `<mark>`: nothing is parsed as HTML.

import { isLongQuery } from './relevance.ts';
import type { Highlighted, SearchHit } from './results.ts';

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

/**
 * 你是不是要找「…」？ leading to the suggested query's results: as a whole link (an option
 * of the header search's list), or as a line whose suggested word is the link.
 */
export function renderSuggestion(suggestion: string, href: string, asOption: boolean): HTMLElement {
  const box = el(asOption ? 'a' : 'span', asOption ? 'hit suggest' : 'suggest', '你是不是要找「');
  const word = el(asOption ? 'strong' : 'a', '', suggestion);
  (asOption ? box : word).setAttribute('href', href);
  box.append(word, '」？');
  return box;
}

/**
 * The "nothing found" message, followed by the support lines from the page's template.
 * Shorter keywords are suggested only for a long query; `more` links the search page's
 * popular questions and tools, or says they are below.
 */
export function renderNoResult(query: string, more?: string): HTMLElement {
  const box = el('div', 'empty');
  const text = el('p', '', `没有找到与「${query}」相关的文章。换个说法试试${isLongQuery(query) ? '，比如用更短的关键词' : ''}，`);
  if (more) text.append('或者看看', Object.assign(el('a', '', '常见问题和自助工具'), { href: more }));
  else text.append('或者看看下面的常见问题和自助工具');
  text.append('；也可以直接联系我们：');
  box.append(text);
  const contact = document.querySelector<HTMLTemplateElement>('template#contact-lines');
  if (contact) box.append(contact.content.cloneNode(true));
  return box;
}
