// Tells the support API about each settled search (normalised query, outcome, result
// count) and about the results opened from it, for the operator's search analytics.
// A search is sent once the visitor has stopped typing for a moment (never per
// keystroke), at once when its query came in the address, and when the page is left
// before that (pagehide, with keepalive). Once per query and tab: the header search,
// then Enter to the search page, is one search. Nothing about the visitor is sent.
import { apiUrl } from '../../lib/api-paths.ts';
import type { SearchOutcomeKind } from '../../lib/search/analytics.ts';
import { MAX_QUERY_LENGTH, normaliseQuery } from '../../lib/search/query.ts';
import { clip } from '../../lib/text.ts';

const SETTLE_MS = 1500;
/** Queries recorded from this tab, kept across its pages. */
const SENT_KEY = 'wenda-searches-sent';
const sent = new Set<string>(readSent());

function readSent(): string[] {
  try {
    return JSON.parse(sessionStorage.getItem(SENT_KEY) ?? '[]') as string[];
  } catch {
    return [];
  }
}
function keepSent() {
  try {
    sessionStorage.setItem(SENT_KEY, JSON.stringify([...sent].slice(-50)));
  } catch {
    /* storage blocked: remembered on this page only */
  }
}

/** What a settled search showed. */
export interface ShownSearch {
  query: string;
  outcome: SearchOutcomeKind;
  /** How many results it found. */
  results: number;
}

interface Click {
  page: string;
  position: number;
}

export interface SearchReporter {
  /** These results are on screen: record the search once it settles, or `now` (its query came in the address). */
  shown(search: ShownSearch, options?: { now?: boolean }): void;
  /** The query was emptied: nothing is pending. */
  cancel(): void;
  /** Reports results opened from `container` (its `a.hit` links, by position). */
  watchClicks(container: HTMLElement): void;
}

/** The result links of a list, in the order shown: not 查看全部, not 你是不是要找. */
const resultLinks = (container: HTMLElement) => [...container.querySelectorAll<HTMLAnchorElement>('a.hit:not(.hit-all):not(.suggest)')];

export function searchReporter(apiBaseUrl: string, currentQuery: () => string): SearchReporter {
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** Shown and not yet sent. */
  let pending: ShownSearch | undefined;
  /** The search whose results are on screen. */
  let onScreen: ShownSearch | undefined;

  const post = (path: string, body: object) =>
    fetch(apiUrl(apiBaseUrl, path), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body), keepalive: true });

  /** Records `search` (with a result opened before it was sent), unless this tab already did. */
  function send(search: ShownSearch, click?: Click) {
    clearTimeout(timer);
    pending = undefined;
    const key = normaliseQuery(search.query);
    if (!key || sent.has(key)) return;
    sent.add(key);
    keepSent();
    // Not recorded (offline, refused, rate-limited): the next time it settles, it is sent again.
    const forget = () => {
      sent.delete(key);
      keepSent();
    };
    void post('/searches', { query: clip(key, MAX_QUERY_LENGTH), outcome: search.outcome, results: search.results, ...(click && { click }) }).then((res) => {
      if (!res.ok) forget();
    }, forget);
  }

  /** Still the query in the box (not one typed on from since). */
  const isCurrent = (search: ShownSearch) => normaliseQuery(currentQuery()) === normaliseQuery(search.query);

  if (typeof addEventListener === 'function') {
    // Leaving (closing the tab, a link, the back button) before the search settled.
    addEventListener('pagehide', () => {
      if (pending && isCurrent(pending)) send(pending);
    });
  }

  function opened(container: HTMLElement, event: MouseEvent) {
    const link = (event.target as Element | null)?.closest?.<HTMLAnchorElement>('a.hit');
    const position = link ? resultLinks(container).indexOf(link) + 1 : 0;
    if (!link || !position || !onScreen) return;
    const url = new URL(link.href, location.href);
    if (url.origin !== location.origin) return;
    const click = { page: url.pathname, position };
    const key = normaliseQuery(onScreen.query);
    if (!key) return;
    if (sent.has(key)) void post('/search-clicks', { query: clip(key, MAX_QUERY_LENGTH), ...click }).catch(() => {});
    else send(onScreen, click);
  }

  return {
    shown(search, { now = false } = {}) {
      clearTimeout(timer);
      onScreen = search;
      pending = undefined;
      const key = normaliseQuery(search.query);
      if (!key || sent.has(key)) return;
      if (now) return send(search);
      pending = search;
      timer = setTimeout(() => {
        if (pending && isCurrent(pending)) send(pending);
      }, SETTLE_MS);
    },
    cancel() {
      clearTimeout(timer);
      pending = undefined;
      onScreen = undefined;
    },
    watchClicks(container) {
      container.addEventListener('click', (event) => opened(container, event));
      // The middle button opens a result in a new tab.
      container.addEventListener('auxclick', (event) => {
        if (event.button === 1) opened(container, event);
      });
    },
  };
}
