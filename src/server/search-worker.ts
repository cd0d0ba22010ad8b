// The worker thread of src/server/search-thread.ts: Pagefind over the index in
// `workerData.indexDir` (src/server/pagefind-on-server.ts), one message per search.
import { parentPort, workerData } from 'node:worker_threads';
import { pagefindOnServer } from './pagefind-on-server.ts';
import type { SearchRequest, SearchReply } from './search-thread.ts';

const { search, warm } = pagefindOnServer((workerData as { indexDir: string }).indexDir);
const port = parentPort!;

port.on('message', (request: SearchRequest) => {
  const work = request.warm ? warm().then(() => undefined) : search(request.query, request.limit, { literal: request.literal });
  work.then(
    (outcome) => port.postMessage({ id: request.id, outcome } satisfies SearchReply),
    (error: unknown) => port.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) } satisfies SearchReply),
  );
});
