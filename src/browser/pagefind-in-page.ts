// Pagefind in the page: the search's fallback when the support API does not answer
// (src/components/search/client.ts). Loads the built index's own `pagefind.js` once, on
// the first search that needs it, and settles queries with the same code as the server
// (src/lib/search/engine.ts).
import { articleSearch, PAGEFIND_OPTIONS, type Pagefind } from '../lib/search/engine.ts';
import { pagesInIndex, type PagefindEntry } from '../lib/search/pagefind-entry.ts';

const PAGEFIND_URL = '/pagefind/pagefind.js';
/** A performance mark set once the index is ready to search in the page. */
export const SEARCH_READY_MARK = 'wenda:search-ready';

let pagefind: Promise<Pagefind> | undefined;
function loadPagefind(): Promise<Pagefind> {
  pagefind ??= import(/* @vite-ignore */ PAGEFIND_URL).then(async (module: Pagefind) => {
    await module.options({ ...PAGEFIND_OPTIONS });
    await module.init();
    // init() returns before Pagefind holds the index; its first answer comes once it does
    // (filters: none here, nothing fetched).
    await module.filters();
    performance.mark(SEARCH_READY_MARK);
    return module;
  });
  pagefind.catch(() => (pagefind = undefined));
  return pagefind;
}

let pages: Promise<number | undefined> | undefined;
const pageCount = () =>
  (pages ??= fetch('/pagefind/pagefind-entry.json')
    .then((res) => res.json() as Promise<PagefindEntry>)
    .then(pagesInIndex)
    .catch(() => undefined));

/** Searches the help articles with Pagefind in the page. */
export const searchInPage = articleSearch({ load: loadPagefind, pageCount });
