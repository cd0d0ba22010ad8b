// Pagefind in the server, for the support API's GET /search: the built index's own
// `pagefind.js` and WebAssembly, run by Node over the files of dist/client/pagefind, so
// the server's answers are what Pagefind in a page would find (src/lib/search/engine.ts
// settles both).
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { articleSearch, PAGEFIND_OPTIONS, type ArticleSearch, type Pagefind } from '../lib/search/engine.ts';
import { pagesInIndex, type PagefindEntry } from '../lib/search/pagefind-entry.ts';
import { RecentlyUsed } from '../lib/recently-used.ts';

/**
 * Pagefind's results kept, in all, for searches asked again: each about 0.9 KB, so about
 * 45 MB; a common word at 10,000 articles has some 8,000 of them (60 ms to search again).
 */
const KEPT_RESULTS = 50_000;

type Found = Awaited<ReturnType<Pagefind['search']>>;

/**
 * The index's `pagefind.js`, loaded with a `fetch` of its own that reads the index's files
 * from disk: Pagefind calls `fetch` for each file it needs, and Node's reads no `file:` address.
 */
async function loadPagefindModule(folder: string): Promise<{ createInstance(options: object): Pagefind }> {
  const source = await readFile(new URL('pagefind.js', folder), 'utf8');
  const ownFetch = `import { readFile } from 'node:fs/promises';
const fetch = async (input) => {
  try { return new Response(await readFile(new URL(String(input)))); }
  catch (error) { if (error.code === 'ENOENT') return new Response(null, { status: 404 }); throw error; }
};
`;
  return import(`data:text/javascript;base64,${Buffer.from(ownFetch + source).toString('base64')}`);
}

export interface ServerSearch {
  search: ArticleSearch;
  /** Loads the index now (the server calls it as it starts), rather than on the first search. */
  warm(): Promise<void>;
}

/** Searches the index in `indexDir` (dist/client/pagefind), loaded on the first search or `warm()`. */
export function pagefindOnServer(indexDir: string): ServerSearch {
  const folder = pathToFileURL(indexDir.endsWith('/') ? indexDir : `${indexDir}/`).href;
  let entry: Promise<PagefindEntry> | undefined;
  const readEntry = () => (entry ??= readFile(new URL('pagefind-entry.json', folder), 'utf8').then((text) => JSON.parse(text) as PagefindEntry));
  let pagefind: Promise<Pagefind> | undefined;
  const load = () => {
    pagefind ??= (async () => {
      const { languages } = await readEntry();
      const { createInstance } = await loadPagefindModule(folder);
      // baseUrl: results name the site's pages (`/faq/…/`), not the files they were built to.
      const instance = createInstance({ ...PAGEFIND_OPTIONS, basePath: folder, baseUrl: '/' });
      await instance.init();
      await instance.filters();
      // Pagefind reads the site's language from <html lang>: outside a page it has none,
      // and leaves a Chinese query unsplit (下崽 one word, where a page searches 下 崽).
      // Split here as Pagefind in a page of the site's language does.
      const words = new Intl.Segmenter(Object.keys(languages)[0] ?? 'zh', { granularity: 'word' });
      const split = (query: string) => Array.from(words.segment(query), (s) => s.segment).join(' ');
      // A query's words and their synonyms are searched one by one (src/lib/search/guess.ts),
      // and the same words come back in query after query: each search kept, by its results.
      const searched = new RecentlyUsed<string, Found>(KEPT_RESULTS, (found) => found.results.length || 1);
      const search = async (query: string) => {
        const term = split(query);
        const kept = searched.get(term);
        if (kept) return kept;
        const found = await instance.search(term);
        searched.set(term, found);
        return found;
      };
      return { ...instance, search };
    })();
    pagefind.catch(() => (pagefind = entry = undefined));
    return pagefind;
  };
  const pageCount = () => readEntry().then(pagesInIndex);
  return {
    search: articleSearch({ load, pageCount }),
    warm: async () => void (await load()),
  };
}
