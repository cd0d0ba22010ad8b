// The search the views call: asks the support API (GET /api/v1/search, where the server
// runs Pagefind over the built index), so a visitor downloads a few kilobytes of answer
// whatever the size of the site. When the API does not answer (a static copy of the site,
// an outage, a refusal), the query is searched with Pagefind in the page instead
// (src/browser/pagefind-in-page.ts, loaded then), with the same code and the same results.
import { apiUrl } from '../../lib/api-paths.ts';
import type { SearchOptions, SearchOutcome } from '../../lib/search/engine.ts';

export type { SearchOutcome } from '../../lib/search/engine.ts';

/** Typing pauses this long before a query is searched. */
const PAUSE_MS = 120;
/** After the API failed to answer, how long searches go to Pagefind in the page before it is asked again. */
const API_RETRY_MS = 60_000;
/** An answer slower than this counts as none: the page searches by itself. */
const API_TIMEOUT_MS = 5_000;

let latest = 0;
let asking: AbortController | undefined;
let apiDownUntil = 0;

/** The answer as the API gives it, or undefined when it is not one (then searched in the page). */
function outcomeOf(body: unknown): SearchOutcome | undefined {
  const outcome = body as Partial<SearchOutcome> | null;
  return outcome && typeof outcome.kind === 'string' && typeof outcome.query === 'string' && Array.isArray(outcome.hits) ? (outcome as SearchOutcome) : undefined;
}

/**
 * Searches the help articles (src/lib/search/engine.ts says how a query is settled), once
 * typing pauses. Resolves to `null` when a newer query superseded this one, so a slow
 * answer never overwrites a newer one.
 */
export async function searchArticles(apiBaseUrl: string, query: string, limit: number, { literal = false }: SearchOptions = {}): Promise<SearchOutcome | null> {
  const mine = ++latest;
  asking?.abort();
  await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
  if (mine !== latest) return null;
  if (Date.now() >= apiDownUntil) {
    const controller = (asking = new AbortController());
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, API_TIMEOUT_MS);
    const params = new URLSearchParams({ q: query.trim(), limit: String(limit), ...(literal && { literal: '1' }) });
    try {
      const res = await fetch(apiUrl(apiBaseUrl, `/search?${params}`), { signal: controller.signal, headers: { Accept: 'application/json' } });
      const outcome = res.ok ? outcomeOf(await res.json()) : undefined;
      if (outcome) return mine === latest ? outcome : null;
      // A query the API turns down (400: too long) is searched in the page; an API that
      // is missing, failing or busy is left alone for a while.
      if (res.status !== 400) apiDownUntil = Date.now() + API_RETRY_MS;
    } catch {
      // Aborted for a newer query: that one answers.
      if (controller.signal.aborted && !timedOut) return null;
      apiDownUntil = Date.now() + API_RETRY_MS;
    } finally {
      clearTimeout(timer);
    }
    if (mine !== latest) return null;
  }
  const { searchInPage } = await import('../../browser/pagefind-in-page.ts');
  const outcome = await searchInPage(query, limit, { literal });
  return mine === latest ? outcome : null;
}
