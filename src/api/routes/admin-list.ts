// One long list of the admin API (its table is `ADMIN_LISTS` in admin.ts) as its two
// routes: `GET <path>` a page at a time (`limit`, `offset`) with its total, and
// `GET <path>/export` whole as NDJSON, one row a line in the same order, from one
// consistent snapshot, streamed. Also what every admin route declares alike: the token
// it needs and its refusals.
import { createRoute, type OpenAPIHono, type RouteConfig } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { z } from 'zod';
import type { ApiDeps, ApiEnv } from '../deps.ts';
import type { RouteKit } from '../route-kit.ts';
import { errorSchema, jsonContent, pageQuerySchema } from '../schemas.ts';
import { streamBody } from '../../server/adapters/stream-body.ts';
import type { Snapshot, Store } from '../../store/types.ts';

export const security = [{ adminToken: [] }];
export const unauthorized = { 401: jsonContent(errorSchema, 'Missing or wrong token.'), 404: jsonContent(errorSchema, 'Admin is off (no token configured) or nothing found.') };
export const badQuery = { 400: jsonContent(errorSchema, 'A query parameter is wrong or not taken here: `fields` names it.') };
export const totalSchema = z.number().int().min(0).meta({ description: 'How many there are in all, whatever `limit` and `offset`.' });
/**
 * NDJSON, typed as any string: @hono/zod-openapi takes `application/x-ndjson` for a JSON
 * type it cannot answer, where any other type is answered with a plain Response.
 */
const NDJSON: string = 'application/x-ndjson';

/**
 * One long list: `GET <path>` a page at a time (`limit`, `offset`) with its total,
 * `GET <path>/export` whole as NDJSON, one `row` a line in the same order.
 */
export interface AdminList<Key extends string, Filter extends z.ZodRawShape, Row, Shown extends z.ZodRawShape> {
  path: `/admin/${string}`;
  /** The rows' name in a page's answer. */
  key: Key;
  row: z.ZodType;
  /** The schema's id, as the export's description names it. */
  rowName: string;
  summary: string;
  description?: string;
  exportSummary: string;
  /** The order of the rows, for both; and what the export leaves out. */
  order: string;
  exportOrder: string;
  meanwhile?: string;
  /** The list's own query fields (the period, a filter), taken by both. */
  filter: Filter;
  /** What a page says besides its rows and total (the period's fields). */
  shown: Shown;
  /** The facts a page shows besides its rows, from the filter. */
  about: (filter: ListFilter<Filter>) => z.output<z.ZodObject<Shown>>;
  page: (store: Store, filter: ListFilter<Filter>, paging: { limit: number; offset: number }) => Promise<[Row[], number]>;
  all: (store: Store, filter: ListFilter<Filter>) => Snapshot<Row>;
  toJson: (row: Row) => unknown;
}

/** What a list's own query fields are once checked. */
type ListFilter<Filter extends z.ZodRawShape> = z.output<z.ZodObject<Filter>>;
/** A handler's context for any route's input (see `adminList`). */
type ListContext = Context<ApiEnv, string, any>;

/** A list of the table, registered as its two routes. */
export const adminList =
  <Key extends string, Filter extends z.ZodRawShape, Row, Shown extends z.ZodRawShape>(list: AdminList<Key, Filter, Row, Shown>) =>
  (app: OpenAPIHono<ApiEnv>, deps: ApiDeps, { answer }: RouteKit) => {
    // Typed as any route, their handlers given the query as the list's own schema checked it:
    // the typed handlers cannot follow query fields that differ from list to list.
    const pageRoute: RouteConfig = createRoute({
      method: 'get',
      path: list.path,
      summary: list.summary,
      ...(list.description ? { description: list.description } : {}),
      security,
      request: { query: pageQuerySchema.extend(list.filter) },
      responses: { 200: jsonContent(z.object({ ...list.shown, [list.key]: z.array(list.row), total: totalSchema }), list.order), ...badQuery, ...unauthorized },
    });
    app.openapi(pageRoute, async (c: ListContext) => {
      const { limit, offset, ...rest } = c.req.valid('query') as { limit: number; offset: number };
      const filter = rest as ListFilter<Filter>;
      const [rows, total] = await list.page(deps.store, filter, { limit, offset });
      return answer.json(c, { ...list.about(filter), [list.key]: rows.map(list.toJson), total }, 200);
    });
    const exportRoute: RouteConfig = createRoute({
      method: 'get',
      path: `${list.path}/export`,
      summary: list.exportSummary,
      description: `One \`${list.rowName}\` a line, ${list.exportOrder}, from one snapshot${list.meanwhile ? `: ${list.meanwhile} are not in it` : ''}.`,
      security,
      request: { query: z.strictObject(list.filter) },
      responses: { 200: { description: list.order, content: { [NDJSON]: { schema: list.row } } }, ...badQuery, ...unauthorized },
    });
    app.openapi(exportRoute, async (c: ListContext) => ndjson(c, answer, () => list.all(deps.store, c.req.valid('query') as ListFilter<Filter>), list.toJson));
  };

/**
 * A whole list as an NDJSON response, written as the client reads it (see `streamBody`).
 * A HEAD gets the headers alone and opens no snapshot: Hono answers it from the GET
 * route and drops the body unread, which would hold the snapshot's read transaction
 * open (and the database's write-ahead log unshrinkable). On the Node server the body
 * is tied to the response going out (node-server's `outgoing`), so one never read
 * for any other reason is closed when the response is; called in process (the
 * operator page's CSV) the caller reads or cancels it.
 */
async function ndjson<T>(c: Context<ApiEnv>, answer: RouteKit['answer'], snapshot: () => Snapshot<T>, toJson: (row: T) => unknown) {
  if (c.req.method === 'HEAD') return answer.ndjson(c, null);
  const lines = async function* () {
    for await (const batch of snapshot()) yield batch.map((row) => `${JSON.stringify(toJson(row))}\n`).join('');
  };
  return answer.ndjson(c, await streamBody(lines(), c.env?.outgoing));
}
