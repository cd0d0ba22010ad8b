// The interactive search, loaded on first use: instant results under a header box
// (a combobox navigable with the arrow keys) or the full list on the search page.

import { searchArticles, type SearchOutcome } from './client.ts';
import { isLongQuery } from '../../lib/search/relevance.ts';
import { MAX_SEARCH_HITS } from '../../lib/search/query.ts';
import { GUESS_HEADING, renderCorrection, renderHit, renderNoResult, renderPartialNote } from './render.ts';
import { searchReporter, type SearchReporter } from './search-report.ts';

/** Hits under the header box; the rest are one click away (查看全部). */
const DROPDOWN_LIMIT = 5;
/**
 * Hits per page of the search page's list, the next ones loaded on demand (显示更多):
 * each hit costs a Pagefind fragment read, so none is read before it is shown.
 */
const PAGE_LIMIT = 10;
const attached = new WeakSet<HTMLFormElement>();

/** Adds instant search to a `form[data-search]` rendered by SearchBox.astro. */
export function attachSearch(form: HTMLFormElement): void {
  if (attached.has(form)) return;
  attached.add(form);
  if (form.dataset.search === 'page') attachPageSearch(form);
  else attachDropdown(form);
}

function parts(form: HTMLFormElement) {
  return {
    input: form.querySelector('input')!,
    listbox: form.querySelector<HTMLElement>('[role="listbox"]')!,
    panel: form.querySelector<HTMLElement>('[data-search-panel]')!,
    status: form.querySelector<HTMLElement>('[data-search-status]')!,
  };
}

/** What the status line says aloud once a search settles. */
function announcement({ kind, total, query, typed }: SearchOutcome): string {
  const corrected = query !== typed ? `已为你搜索「${query}」，` : '';
  if (kind === 'results') return `${corrected}找到 ${total} 篇相关文章`;
  if (kind === 'partial') return `只找到 ${total} 篇部分匹配的文章`;
  if (kind === 'guess') return `没有完全对应的文章，找到 ${total} 篇${GUESS_HEADING}`;
  return '没有找到相关文章';
}

/**
 * Reports a settled search with its outcome (search analytics), as the visitor typed it;
 * `now` for a query that came in the address.
 */
function report(reporter: SearchReporter, outcome: SearchOutcome, now = false) {
  reporter.shown({ query: outcome.typed, outcome: outcome.kind, results: outcome.total }, { now });
}

/** The search page's address for `query`; `literal`: searched as typed, a typo not corrected. */
function searchPageUrl(query: string, literal = false) {
  return `/search/?q=${encodeURIComponent(query)}${literal ? '&literal=1' : ''}`;
}

function attachDropdown(form: HTMLFormElement) {
  const { input, listbox, panel, status } = parts(form);
  const apiBase = form.dataset.apiBase ?? '';
  const reporter = searchReporter(apiBase, () => input.value);
  reporter.watchClicks(listbox);
  let active = -1;
  let latest = '';
  let hasContent = false;

  const options = () => [...listbox.querySelectorAll<HTMLAnchorElement>('a[role="option"]')];
  const open = (isOpen: boolean) => {
    panel.hidden = !isOpen;
    // Expanded means options to choose from; "nothing found" is said by the status line.
    input.setAttribute('aria-expanded', String(isOpen && !listbox.hidden));
    if (!isOpen) setActive(-1);
  };
  /** Fills the popup: a note above the options, the options, or a message alone. */
  const show = (items: HTMLElement[], extra: { note?: HTMLElement | undefined; message?: HTMLElement } = {}) => {
    listbox.replaceChildren(...items);
    listbox.hidden = !items.length;
    panel.replaceChildren(...(extra.note ? [extra.note] : []), listbox, ...(extra.message ? [extra.message] : []));
    hasContent = items.length > 0 || extra.message !== undefined;
  };
  const setActive = (index: number) => {
    const all = options();
    active = all.length ? (index + all.length) % all.length : -1;
    if (index < 0) active = -1;
    all.forEach((option, i) => option.setAttribute('aria-selected', String(i === active)));
    const current = all[active];
    if (current) {
      input.setAttribute('aria-activedescendant', current.id);
      current.scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  };

  /** Searches the box's query; `literal`: as typed, a typo not corrected. */
  const run = async (literal = false) => {
    const query = input.value.trim();
    latest = query;
    if (!query) {
      reporter.cancel();
      show([]);
      open(false);
      return;
    }
    let outcome: SearchOutcome | null;
    try {
      outcome = await searchArticles(apiBase, query, DROPDOWN_LIMIT, { literal });
    } catch {
      show([], { message: Object.assign(document.createElement('p'), { className: 'empty', textContent: '搜索暂时不可用，请稍后再试，或按回车打开搜索页。' }) });
      open(true);
      return;
    }
    if (!outcome || outcome.typed !== latest || input.value.trim() !== query) return;
    const items: HTMLElement[] = outcome.hits.map((hit, i) => {
      const link = renderHit(hit, `${listbox.id}-${i}`);
      link.setAttribute('role', 'option');
      return link;
    });
    if (outcome.total > outcome.hits.length) {
      const all = document.createElement('a');
      all.className = 'hit hit-all';
      all.id = `${listbox.id}-all`;
      all.href = searchPageUrl(outcome.query, literal);
      all.textContent = `查看全部 ${outcome.total} 条结果`;
      all.setAttribute('role', 'option');
      items.push(all);
    }
    const { kind } = outcome;
    // Above the options: what they are. The status line says it aloud, so a note without
    // a link is hidden from screen readers.
    let note: HTMLElement | undefined;
    if (outcome.query !== outcome.typed) note = renderCorrection(outcome.query, query, searchPageUrl(query, true), () => void run(true));
    else if (kind === 'partial') note = renderPartialNote(query);
    else if (kind === 'guess') note = Object.assign(document.createElement('p'), { className: 'partial guess', textContent: GUESS_HEADING });
    if (note && !note.querySelector('a')) note.setAttribute('aria-hidden', 'true');
    // Below them, unless they answer: the support lines, chat, 热门问题 and the tools.
    const message = kind === 'results' ? undefined : renderNoResult(query, ['contact', 'popular', 'tools'], items.length > 0);
    show(items, { note, ...(message && { message }) });
    listbox.dataset.outcome = kind;
    report(reporter, outcome);
    status.textContent = announcement(outcome);
    open(document.activeElement === input || form.contains(document.activeElement));
    setActive(-1);
  };

  input.addEventListener('input', () => void run());
  input.addEventListener('focus', () => {
    if (input.value.trim() && hasContent) open(true);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (panel.hidden) {
        if (!hasContent) return;
        open(true);
      }
      event.preventDefault();
      setActive(active === -1 && event.key === 'ArrowUp' ? -1 + options().length : active + (event.key === 'ArrowDown' ? 1 : -1));
    } else if (event.key === 'Enter' && active >= 0) {
      event.preventDefault();
      options()[active]?.click();
    } else if (event.key === 'Escape') {
      if (!panel.hidden) open(false);
      else input.value = '';
    }
  });
  form.addEventListener('focusout', (event) => {
    if (!form.contains(event.relatedTarget as Node | null)) open(false);
  });
  if (input.value.trim()) void run();
}

function attachPageSearch(form: HTMLFormElement) {
  const { input, status } = parts(form);
  const apiBase = form.dataset.apiBase ?? '';
  const reporter = searchReporter(apiBase, () => input.value);
  // The list holds only results; data-outcome and data-query say how the search settled.
  const list = document.querySelector<HTMLElement>('[data-search-page-results]')!;
  reporter.watchClicks(list);
  const summary = document.querySelector<HTMLElement>('[data-search-page-summary]')!;
  // Beside the list, when it is no sure answer: "nothing found", the support lines and chat.
  const empty = document.querySelector<HTMLElement>('[data-search-page-empty]')!;
  // 热门问题, categories and tools (rendered with the page): shown while there is no
  // query, and whenever a query found no sure answer.
  const browse = document.querySelector<HTMLElement>('[data-search-page-browse]');
  const showBrowse = (show: boolean) => browse && (browse.hidden = !show);
  const params = new URLSearchParams(location.search);
  input.value = params.get('q') ?? input.value;
  // A query that came in the address is settled already: recorded as soon as its results show.
  let fromAddress = input.value.trim() !== '';
  /** Search as typed once (仍搜索「下崽」, or a shared link saying so), until the query changes. */
  let literalQuery = params.get('literal') === '1' ? input.value.trim() : '';
  input.removeAttribute('role');
  input.removeAttribute('aria-expanded');
  input.removeAttribute('aria-autocomplete');
  input.removeAttribute('aria-controls');
  // Titles are made from these, never from the current title: an emptied box gives the
  // page's own title back, and a brand with " - " in it stays whole.
  const pageTitle = document.title;
  const brand = document.querySelector<HTMLMetaElement>('meta[property="og:site_name"]')?.content;
  const titleFor = (query: string) => (query ? [`「${query}」的搜索结果`, brand].filter(Boolean).join(' - ') : pageTitle);
  const paragraph = (text: string) => Object.assign(document.createElement('p'), { textContent: text });
  // 显示更多: the next PAGE_LIMIT hits of the same query, below the ones shown.
  const more = Object.assign(document.createElement('button'), { type: 'button', className: 'more', hidden: true, textContent: '显示更多结果' });
  list.after(more);
  /** Hits shown for the current query. */
  let shown = PAGE_LIMIT;
  let shownFor = '';

  const run = async () => {
    const query = input.value.trim();
    if (query !== shownFor) shown = PAGE_LIMIT;
    shownFor = query;
    more.hidden = true;
    const literal = !!query && query === literalQuery;
    const url = query ? searchPageUrl(query, literal) : '/search/';
    if (location.pathname + location.search !== url) history.replaceState(null, '', url);
    document.title = titleFor(query);
    if (!query) {
      reporter.cancel();
      summary.replaceChildren(paragraph('输入问题或关键词，结果会随输入即时显示。'));
      list.replaceChildren();
      list.removeAttribute('data-outcome');
      list.removeAttribute('data-query');
      empty.replaceChildren();
      showBrowse(true);
      return;
    }
    let outcome: SearchOutcome | null;
    try {
      outcome = await searchArticles(apiBase, query, shown, { literal });
    } catch {
      summary.replaceChildren(paragraph('搜索暂时不可用，请稍后刷新重试。'));
      showBrowse(true);
      return;
    }
    if (!outcome || input.value.trim() !== query) return;
    const { kind, total } = outcome;
    const lines: HTMLElement[] = [];
    if (outcome.query !== outcome.typed) {
      lines.push(
        renderCorrection(outcome.query, query, searchPageUrl(query, true), () => {
          literalQuery = query;
          input.focus();
          void run();
        }),
      );
    }
    if (kind === 'results') lines.push(paragraph(`「${outcome.query}」共找到 ${total} 篇相关文章`));
    else if (kind === 'partial') lines.push(paragraph(`没有找到与「${query}」完全对应的文章，下面 ${total} 篇只包含其中部分字词。${isLongQuery(query) ? '换个说法试试，比如用更短的关键词。' : ''}`));
    else if (kind === 'guess') {
      const heading = Object.assign(document.createElement('h2'), { textContent: GUESS_HEADING });
      lines.push(heading, paragraph(`没有找到与「${query}」完全对应的文章，下面 ${total} 篇含有其中的词语或相近的说法。`));
    }
    summary.replaceChildren(...lines);
    showBrowse(kind !== 'results');
    list.replaceChildren(
      ...outcome.hits.map((hit, i) => {
        const item = document.createElement('li');
        item.append(renderHit(hit, `page-hit-${i}`));
        return item;
      }),
    );
    // The list stops at MAX_SEARCH_HITS: past them a better query helps more than more hits.
    more.hidden = outcome.hits.length >= outcome.total || outcome.hits.length < shown || shown >= MAX_SEARCH_HITS;
    list.dataset.query = outcome.query;
    list.dataset.outcome = kind;
    // 热门问题 and the tools are in the page's browse section below.
    empty.replaceChildren(...(kind === 'results' ? [] : [renderNoResult(query, ['contact'], outcome.hits.length > 0)]));
    report(reporter, outcome, fromAddress);
    fromAddress = false;
    status.textContent = announcement(outcome);
  };

  more.addEventListener('click', async () => {
    const first = list.children.length;
    shown += PAGE_LIMIT;
    await run();
    // Keyboard users go on from the first hit added, rather than back to the top.
    list.children[first]?.querySelector('a')?.focus();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run();
  });
  input.addEventListener('input', () => void run());
  // Hidden at once for a shared link with a query, rather than once its results come.
  showBrowse(!input.value.trim());
  void run();
}
