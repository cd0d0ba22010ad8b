// The server's search, in a worker thread of its own (src/server/search-worker.ts): a
// search over thousands of articles takes tens to hundreds of milliseconds of CPU, which
// on the main thread would hold up every page and API answer of the process meanwhile.
// Searches wait their turn in the worker (src/lib/search/engine.ts settles one at a time);
// past MAX_WAITING of them, a search is refused at once (SearchBusyError: the API
// answers 503 and the visitor's page searches by itself). A worker that fails, or does
// not answer for STUCK_MS while searches wait, is stopped, its searches failed, and a new
// one started by the next search.
import { Worker } from 'node:worker_threads';
import type { ArticleSearch, SearchOutcome } from '../lib/search/engine.ts';
import type { ServerSearch } from './pagefind-on-server.ts';

/** Searches waiting for the worker (the one in progress among them), beyond which more are refused. */
export const MAX_WAITING = 32;
/** How long the worker may go without answering while searches wait: no search takes this long. */
export const STUCK_MS = 15_000;

type Work = { warm: true } | { warm?: false; query: string; limit: number; literal: boolean };
export type SearchRequest = Work & { id: number };
export type SearchReply = { id: number; outcome?: SearchOutcome | undefined; error?: string };

/** Too many searches are waiting: this one is not searched. */
export class SearchBusyError extends Error {
  override name = 'SearchBusyError';
}

interface Waiting {
  resolve(outcome: SearchOutcome | undefined): void;
  reject(error: Error): void;
}

/** Searches the index in `indexDir` in a worker thread, started on the first search or `warm()`. */
export function searchThread(indexDir: string, { maxWaiting = MAX_WAITING, stuckMs = STUCK_MS } = {}): ServerSearch & { close(): Promise<void> } {
  let current: { worker: Worker; waiting: Map<number, Waiting>; watchdog?: NodeJS.Timeout } | undefined;
  let nextId = 0;

  const start = () => {
    const worker = new Worker(new URL('./search-worker.ts', import.meta.url), { workerData: { indexDir } });
    // The process's life is its server's: a worker left idle does not keep it running.
    worker.unref();
    const started: NonNullable<typeof current> = { worker, waiting: new Map() };
    // Each worker fails only its own searches: a new one may be serving others already.
    const fail = (error: Error) => {
      if (current === started) current = undefined;
      clearTimeout(started.watchdog);
      for (const { reject } of started.waiting.values()) reject(error);
      started.waiting.clear();
    };
    worker.on('message', ({ id, outcome, error }: SearchReply) => {
      const request = started.waiting.get(id);
      started.waiting.delete(id);
      watch(started);
      if (error === undefined) request?.resolve(outcome);
      else request?.reject(new Error(error));
    });
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`search worker exited with code ${code}`)));
    return started;
  };
  /** While searches wait, the worker must answer one within stuckMs, or it is stopped. */
  const watch = (thread: NonNullable<typeof current>) => {
    clearTimeout(thread.watchdog);
    if (!thread.waiting.size) return;
    thread.watchdog = setTimeout(() => void thread.worker.terminate(), stuckMs);
    thread.watchdog.unref();
  };
  const ask = (work: Work) => {
    const thread = (current ??= start());
    if (thread.waiting.size >= maxWaiting) return Promise.reject(new SearchBusyError(`${thread.waiting.size} searches are waiting`));
    const id = nextId++;
    return new Promise<SearchOutcome | undefined>((resolve, reject) => {
      thread.waiting.set(id, { resolve, reject });
      try {
        thread.worker.postMessage({ ...work, id } satisfies SearchRequest);
      } catch (error) {
        thread.waiting.delete(id);
        reject(error as Error);
        return;
      }
      if (thread.waiting.size === 1) watch(thread);
    });
  };

  const search: ArticleSearch = async (query, limit, { literal = false } = {}) => (await ask({ query, limit, literal }))!;
  return {
    search,
    warm: async () => void (await ask({ warm: true })),
    async close() {
      const thread = current;
      current = undefined;
      await thread?.worker.terminate();
    },
  };
}
