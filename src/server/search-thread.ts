// The server's search, in a worker thread of its own (src/server/search-worker.ts): a
// search over thousands of articles takes tens to hundreds of milliseconds of CPU, which
// on the main thread would hold up every page and API answer of the process meanwhile.
// Searches wait their turn in the worker; past MAX_WAITING of them, a search is refused
// at once (SearchBusyError: the API answers 503 and the visitor's page searches itself).
// A worker that fails is replaced on the next search.
import { Worker } from 'node:worker_threads';
import type { ArticleSearch, SearchOutcome } from '../lib/search/engine.ts';
import type { ServerSearch } from './pagefind-on-server.ts';

/** Searches waiting for the worker, beyond which more are refused. */
export const MAX_WAITING = 32;

type Work = { warm: true } | { warm?: false; query: string; limit: number; literal: boolean };
export type SearchRequest = Work & { id: number };
export type SearchReply = { id: number; outcome?: SearchOutcome | undefined; error?: string };

/** Too many searches are waiting: this one is not searched. */
export class SearchBusyError extends Error {
  override name = 'SearchBusyError';
}

/** Searches the index in `indexDir` in a worker thread, started on the first search or `warm()`. */
export function searchThread(indexDir: string, { maxWaiting = MAX_WAITING } = {}): ServerSearch & { close(): Promise<void> } {
  let worker: Worker | undefined;
  let nextId = 0;
  const waiting = new Map<number, { resolve(outcome: SearchOutcome | undefined): void; reject(error: Error): void }>();

  const failAll = (error: Error) => {
    for (const { reject } of waiting.values()) reject(error);
    waiting.clear();
  };
  const start = () => {
    const started = new Worker(new URL('./search-worker.ts', import.meta.url), { workerData: { indexDir } });
    // The process's life is its server's: a worker left idle does not keep it running.
    started.unref();
    started.on('message', ({ id, outcome, error }: SearchReply) => {
      const request = waiting.get(id);
      waiting.delete(id);
      if (error === undefined) request?.resolve(outcome);
      else request?.reject(new Error(error));
    });
    started.on('error', (error) => {
      if (worker === started) worker = undefined;
      failAll(error);
    });
    started.on('exit', (code) => {
      if (worker === started) worker = undefined;
      failAll(new Error(`search worker exited with code ${code}`));
    });
    return started;
  };
  const ask = (request: Work) => {
    if (waiting.size >= maxWaiting) return Promise.reject(new SearchBusyError(`${waiting.size} searches are waiting`));
    const id = nextId++;
    return new Promise<SearchOutcome | undefined>((resolve, reject) => {
      waiting.set(id, { resolve, reject });
      (worker ??= start()).postMessage({ ...request, id } satisfies SearchRequest);
    });
  };

  const search: ArticleSearch = async (query, limit, { literal = false } = {}) => (await ask({ query, limit, literal }))!;
  return {
    search,
    warm: async () => void (await ask({ warm: true })),
    async close() {
      await worker?.terminate();
      worker = undefined;
    },
  };
}
