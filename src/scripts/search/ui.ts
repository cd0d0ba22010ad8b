// The interactive search, loaded on first use: instant results under a header box
// (a combobox navigable with the arrow keys) or the full list on the search page.

import { preloadSearchIndex, searchArticles, type SearchOutcome } from './engine.ts';
import { isLongQuery } from './relevance.ts';
import { renderHit, renderNoResult, renderPartialNote, renderSuggestion } from './render.ts';
import { searchReporter, type SearchReporter } from './search-report.ts';
import { outcomeKind } from '../../lib/search/analytics.ts';

const DROPDOWN_LIMIT = 6;
const PAGE_LIMIT = 30;
const attached = new WeakSet<HTMLFormElement>();

/** Adds instant search to a `form[data-search]` rendered by SearchBox.astro. */
export function attachSearch(form: HTMLFormElement): void {
  if (attached.has(form)) return;
  attached.add(form);
  preloadSearchIndex();
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

function announce(status: HTMLElement, outcome: SearchOutcome) {
  status.textContent = !outcome.total
    ? '没有找到相关文章'
    : outcome.partial
      ? `只找到 ${outcome.total} 篇部分匹配的文章${outcome.suggestion ? `。你是不是要找「${outcome.suggestion}」？` : ''}`
      : `找到 ${outcome.total} 篇相关文章`;
}

/** Reports a settled search with its outcome (search analytics); `now` for a query that came in the address. */
function report(reporter: SearchReporter, outcome: SearchOutcome, now = false) {
  reporter.shown({ query: outcome.query, outcome: outcomeKind(outcome), results: outcome.total }, { now });
}

function searchPageUrl(query: string) {
  return `/search/?q=${encodeURIComponent(query)}`;
}

function attachDropdown(form: HTMLFormElement) {
  const { input, listbox, panel, status } = parts(form);
  const reporter = searchReporter(form.dataset.apiBase ?? '', () => input.value);
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

  const run = async () => {
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
      outcome = await searchArticles(query, DROPDOWN_LIMIT);
    } catch {
      show([], { message: Object.assign(document.createElement('p'), { className: 'empty', textContent: '搜索暂时不可用，请稍后再试，或按回车打开搜索页。' }) });
      open(true);
      return;
    }
    if (!outcome || outcome.query !== latest || input.value.trim() !== query) return;
    const items: HTMLElement[] = outcome.hits.map((hit, i) => {
      const link = renderHit(hit, `${listbox.id}-${i}`);
      link.setAttribute('role', 'option');
      return link;
    });
    const { suggestion } = outcome;
    if (suggestion) {
      // First among the options: chosen, it searches for the suggestion in this box.
      const option = renderSuggestion(suggestion, searchPageUrl(suggestion), true);
      option.id = `${listbox.id}-suggest`;
      option.setAttribute('role', 'option');
      option.addEventListener('click', (event) => {
        event.preventDefault();
        input.value = suggestion;
        input.focus();
        void run();
      });
      items.unshift(option);
    }
    if (outcome.total > outcome.hits.length) {
      const all = document.createElement('a');
      all.className = 'hit hit-all';
      all.id = `${listbox.id}-all`;
      all.href = searchPageUrl(query);
      all.textContent = `查看全部 ${outcome.total} 条结果`;
      all.setAttribute('role', 'option');
      items.push(all);
    }
    // Said aloud by the status line; shown above the options for the eye.
    const note = outcome.partial && items.length ? renderPartialNote(query) : undefined;
    note?.setAttribute('aria-hidden', 'true');
    if (items.length) show(items, { note });
    else show([], { message: renderNoResult(query, searchPageUrl(query)) });
    report(reporter, outcome);
    announce(status, outcome);
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

/**
 * Marks the search page's list once a search has settled, for tests and `npm run
 * bench:search`: `data-query` is the query searched, `data-outcome` says how confident the
 * results are (`results`, `partial`, `none`). Both are removed while there is no query.
 */
function settled(list: HTMLElement, outcome?: SearchOutcome) {
  if (!outcome) {
    delete list.dataset.query;
    delete list.dataset.outcome;
    return;
  }
  list.dataset.query = outcome.query;
  list.dataset.outcome = outcomeKind(outcome);
}

function attachPageSearch(form: HTMLFormElement) {
  const { input, status } = parts(form);
  const reporter = searchReporter(form.dataset.apiBase ?? '', () => input.value);
  const list = document.querySelector<HTMLElement>('[data-search-page-results]')!;
  reporter.watchClicks(list);
  const summary = document.querySelector<HTMLElement>('[data-search-page-summary]')!;
  // "Nothing found" and the support lines go beside the list, which holds only results.
  const empty = document.querySelector<HTMLElement>('[data-search-page-empty]')!;
  // Popular questions, categories and tools (rendered with the page): shown while there
  // is no query, and when a query found nothing or only partial matches.
  const browse = document.querySelector<HTMLElement>('[data-search-page-browse]');
  const showBrowse = (show: boolean) => browse && (browse.hidden = !show);
  input.value = new URLSearchParams(location.search).get('q') ?? input.value;
  // A query that came in the address is settled already: recorded as soon as its results show.
  let fromAddress = input.value.trim() !== '';
  input.removeAttribute('role');
  input.removeAttribute('aria-expanded');
  input.removeAttribute('aria-autocomplete');
  input.removeAttribute('aria-controls');
  // Titles are made from these, never from the current title: an emptied box gives the
  // page's own title back, and a brand with " - " in it stays whole.
  const pageTitle = document.title;
  const brand = document.querySelector<HTMLMetaElement>('meta[property="og:site_name"]')?.content;
  const titleFor = (query: string) => (query ? [`「${query}」的搜索结果`, brand].filter(Boolean).join(' - ') : pageTitle);

  const run = async () => {
    const query = input.value.trim();
    const url = query ? searchPageUrl(query) : '/search/';
    if (location.pathname + location.search !== url) history.replaceState(null, '', url);
    document.title = titleFor(query);
    if (!query) {
      reporter.cancel();
      summary.textContent = '输入问题或关键词，结果会随输入即时显示。';
      settled(list);
      list.replaceChildren();
      empty.replaceChildren();
      showBrowse(true);
      return;
    }
    let outcome: SearchOutcome | null;
    try {
      outcome = await searchArticles(query, PAGE_LIMIT);
    } catch {
      summary.textContent = '搜索暂时不可用，请稍后刷新重试。';
      showBrowse(true);
      return;
    }
    if (!outcome || input.value.trim() !== query) return;
    summary.textContent = !outcome.total
      ? ''
      : outcome.partial
        ? `没有找到与「${query}」完全对应的文章，下面 ${outcome.total} 篇只包含其中部分字词。${isLongQuery(query) ? '换个说法试试，比如用更短的关键词。' : ''}`
        : `「${query}」共找到 ${outcome.total} 篇相关文章`;
    const { suggestion } = outcome;
    if (suggestion) {
      const offer = renderSuggestion(suggestion, searchPageUrl(suggestion), false);
      offer.querySelector('a')!.addEventListener('click', (event) => {
        event.preventDefault();
        input.value = suggestion;
        input.focus();
        void run();
      });
      summary.append(offer);
    }
    showBrowse(!outcome.total || outcome.partial);
    list.replaceChildren(
      ...outcome.hits.map((hit, i) => {
        const item = document.createElement('li');
        item.append(renderHit(hit, `page-hit-${i}`));
        return item;
      }),
    );
    empty.replaceChildren(...(outcome.hits.length ? [] : [renderNoResult(query)]));
    settled(list, outcome);
    report(reporter, outcome, fromAddress);
    fromAddress = false;
    announce(status, outcome);
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run();
  });
  input.addEventListener('input', () => void run());
  // Hidden at once for a shared link with a query, rather than once its results come.
  showBrowse(!input.value.trim());
  void run();
}
