// GET /search: the help articles that answer a query, settled in the server by Pagefind
// over the built index (src/server/pagefind-on-server.ts, src/lib/search/engine.ts), so
// a visitor's search downloads its answer and not the index. The site's search box asks
// here first and searches in the page when this does not answer (src/components/search/client.ts).
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { SEARCH_OUTCOMES } from '../../lib/search/outcome.ts';
import { MAX_SEARCH_HITS, MAX_SEARCHED_QUERY } from '../../lib/search/query.ts';
import { SearchBusyError } from '../../server/search-thread.ts';
import type { ApiDeps, ApiEnv } from '../deps.ts';
import { jsonText, searchAnswers } from '../json-cache.ts';
import type { RouteKit } from '../route-kit.ts';
import { errorSchema, jsonContent, queryInteger, storedText } from '../schemas.ts';


const highlighted = z.object({
  text: z.string(),
  marks: z.array(z.tuple([z.number().int(), z.number().int()])).meta({ description: 'Ranges of `text` to highlight, [from, to) in order.' }),
});
const hitSchema = z
  .object({
    url: z.string().meta({ description: 'The article’s site path, e.g. `/faq/change-administrator/`.' }),
    title: z.string(),
    excerpt: highlighted,
    category: z.string().optional(),
    matchedAlias: highlighted.optional().meta({ description: 'Set when only one of the article’s other names holds the query: that name.' }),
  })
  .meta({ id: 'SearchHit' });
export const searchAnswerSchema = z
  .object({
    typed: z.string().meta({ description: 'The query as sent, trimmed.' }),
    query: z.string().meta({ description: 'The query searched: `typed`, or the likelier word a typo was corrected to (下崽 → 下载).' }),
    kind: z.enum(SEARCH_OUTCOMES).meta({ description: '`results` (articles that answer it), `partial` (holding only part of it), `guess` (holding some of its words or their synonyms), `none`.' }),
    total: z.number().int().meta({ description: 'How many articles it found (at least the hits listed).' }),
    hits: z.array(hitSchema).meta({ description: 'The best `limit` of them, best first.' }),
  })
  .meta({ id: 'SearchAnswer' });

const route = createRoute({
  method: 'get',
  path: '/search',
  summary: 'Search the help articles',
  request: {
    query: z.strictObject({
      q: storedText(MAX_SEARCHED_QUERY, { name: '搜索词' }).meta({ description: 'What the visitor typed.' }),
      limit: queryInteger(1, MAX_SEARCH_HITS, 10),
      literal: z.enum(['0', '1'], { error: '只能是 0 或 1' }).optional().meta({ description: '`1`: search a typo as typed, without trying the likelier word.' }),
    }),
  },
  responses: {
    200: jsonContent(searchAnswerSchema, 'How the query settled, and its best hits.'),
    400: jsonContent(errorSchema, 'Invalid request: `fields` names each parameter at fault.'),
    503: jsonContent(
      errorSchema,
      'No answer now: this server has no search index or cannot read it, or too many searches are waiting (`unavailable`), or the site was rebuilt under it (`restart_needed`). The search box then searches with Pagefind in the page.',
    ),
  },
});

export function registerSearch(app: OpenAPIHono<ApiEnv>, deps: ApiDeps, { answer, error, log }: RouteKit) {
  const answered = searchAnswers<z.infer<typeof searchAnswerSchema>>();
  app.openapi(route, async (c) => {
    // The index in memory names chunks a new build has replaced.
    if (deps.siteBuild?.replaced()) return error(c, 503, 'restart_needed', '网站已重新构建，这个进程还在用启动时的搜索索引：请重启服务器。');
    if (!deps.searchArticles) return error(c, 503, 'unavailable', '这个服务器没有搜索索引（先运行 npm run build）。');
    const { q, limit, literal } = c.req.valid('query');
    const exact = literal === '1';
    const known = answered.get(q, limit, exact);
    if (known !== undefined) return answer.jsonText(c, known, 200);
    let json;
    try {
      // Not ASCII JSON: visitors download every answer (a search of 机器人: 652 bytes in
      // brotli against 757), and searching costs far more than writing it out.
      json = jsonText(await deps.searchArticles(q, limit, { literal: exact }));
    } catch (cause) {
      if (cause instanceof SearchBusyError) return error(c, 503, 'unavailable', '站内搜索正忙，请稍后再试。');
      // The index could not be read (removed, damaged): the page searches by itself meanwhile.
      log.error({ requestId: answer.requestId(c), method: c.req.method, path: c.req.path, err: cause }, 'search failed');
      return error(c, 503, 'unavailable', '站内搜索暂时不可用。');
    }
    answered.keep(q, limit, exact, json);
    return answer.jsonText(c, json, 200);
  });
}
