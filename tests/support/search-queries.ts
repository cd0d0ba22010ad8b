// The search benchmark's query set (tests/fixtures/search-queries.json): customers' own
// words, each with the pages that answer it. `npm run bench:search` runs it through the
// site's search; tests/unit/search-queries.test.ts holds it to its rules
// (docs/developing/search-benchmark.md).
import { readFileSync } from 'node:fs';
import { z } from 'zod';

export const QUERY_KINDS = ['colloquial', 'question', 'typo', 'mixed', 'neighbour', 'short'] as const;
export type QueryKind = (typeof QUERY_KINDS)[number];

const sitePath = z.string().regex(/^\/(?:[a-z0-9-]+\/)+$/, 'a site path such as /faq/change-administrator/');

export const searchQuerySchema = z.strictObject({
  q: z.string().trim().min(1),
  /** The pages that answer the query, any of them as good; empty when no page does. */
  answers: z.array(sitePath),
  kind: z.enum(QUERY_KINDS),
});
export type SearchQuery = z.infer<typeof searchQuerySchema>;

export const searchQuerySetSchema = z.strictObject({
  $comment: z.string().optional(),
  queries: z.array(searchQuerySchema).min(1),
});

export const SEARCH_QUERIES_FILE = new URL('../fixtures/search-queries.json', import.meta.url);

/** The query set, validated; a malformed entry fails naming its index and field. */
export function loadSearchQueries(file: URL = SEARCH_QUERIES_FILE): SearchQuery[] {
  const parsed = searchQuerySetSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(top level)'}: ${i.message}`);
    throw new Error(`${file.pathname} is not a valid query set:\n${problems.join('\n')}`);
  }
  return parsed.data.queries;
}
