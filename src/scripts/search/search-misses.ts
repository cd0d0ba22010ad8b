// Tells the support API about searches that found nothing, or only articles sharing
// stray words with the query, once per settled query: after the visitor has stopped
// typing for a moment, never per keystroke.

const SETTLE_MS = 1500;
const sent = new Set<string>();

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
      const key = query.trim().toLowerCase();
      if (!key || sent.has(key)) return;
      timer = setTimeout(() => {
        if (currentQuery().trim().toLowerCase() !== key || sent.has(key)) return;
        sent.add(key);
        void fetch(`${apiBaseUrl}/api/v1/search-misses`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ query: query.trim().slice(0, 100) }),
          keepalive: true,
        }).catch(() => sent.delete(key));
      }, SETTLE_MS);
    },
    cancel: () => clearTimeout(timer),
  };
}
