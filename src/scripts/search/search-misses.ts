// Tells the support API about searches that found nothing, or only articles sharing
// stray words with the query, once per settled query: after the visitor has stopped
// typing for a moment, never per keystroke.
import { apiUrl } from '../../lib/api-paths.ts';
import { MAX_QUERY_LENGTH, normaliseQuery } from '../../lib/search/query.ts';
import { clip } from '../../lib/text.ts';

const SETTLE_MS = 1500;
/** Queries reported in this tab, kept across pages: the header search, then Enter to the search page, is one search. */
const SENT_KEY = 'wenda-search-misses-sent';
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

export interface MissReporter {
  /** A search for `query` found no answer; report it if the query is still there once settled. */
  unanswered(query: string): void;
  /** The query changed or found an answer: forget any pending report. */
  cancel(): void;
}

export function missReporter(apiBaseUrl: string, currentQuery: () => string): MissReporter {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    unanswered(query) {
      clearTimeout(timer);
      const key = normaliseQuery(query);
      if (!key || sent.has(key)) return;
      timer = setTimeout(() => {
        if (normaliseQuery(currentQuery()) !== key || sent.has(key)) return;
        sent.add(key);
        keepSent();
        // Not recorded (offline, refused, rate-limited): the next time it settles, it is sent again.
        const forget = () => {
          sent.delete(key);
          keepSent();
        };
        void fetch(apiUrl(apiBaseUrl, '/search-misses'), {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ query: clip(key, MAX_QUERY_LENGTH) }),
          keepalive: true,
        }).then((res) => {
          if (!res.ok) forget();
        }, forget);
      }, SETTLE_MS);
    },
    cancel: () => clearTimeout(timer),
  };
}
