// /admin/export/<table>.csv: one of the operator page's tables as CSV, with every row
// (the page shows the long ones 100 at a time), written out as it is read. The search
// analytics tables cover the period asked for: `?days=7`, `30` or `90`.
import { chinaDate } from '../../../lib/china-time.ts';
import type { APIContext, APIRoute } from 'astro';
import { operatorAccess, signedIn, type OperatorAccess } from '../_sign-in.ts';
import { csvExport, isCsvTable, isPeriodTable } from '../_operator-view.ts';
import { requestedPeriod, type SearchPeriod } from '../../../lib/search/analytics.ts';
import { articleTitles } from '../../../data/help-center.ts';
import { streamBody } from '../../../server/adapters/stream-body.ts';

export const prerender = false;

/** The answer's status and headers, or a refusal; nothing is read from the store. */
function check({ params, cookies, url, locals }: APIContext): { access: OperatorAccess; table: string; days: SearchPeriod; headers: HeadersInit } | Response {
  const access = operatorAccess(locals);
  if (!access) return new Response('Not found', { status: 404 });
  if (!signedIn(cookies, access.token)) return new Response('请先登录运营后台。', { status: 401, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  const table = params.table ?? '';
  if (!isCsvTable(table)) return new Response('Not found', { status: 404 });
  const days = requestedPeriod(url.searchParams.get('days'));
  const headers = {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="${table}${isPeriodTable(table) ? `-${days}d` : ''}-${chinaDate()}.csv"`,
    'Cache-Control': 'no-store',
  };
  return { access, table, days, headers };
}

/**
 * The headers alone. Astro would answer a HEAD from GET and drop the body unread, with
 * the API's snapshot behind it open for good (its read transaction keeps SQLite from
 * ever shrinking the write-ahead log).
 */
export const HEAD: APIRoute = (context) => {
  const checked = check(context);
  return checked instanceof Response ? checked : new Response(null, { headers: checked.headers });
};

export const GET: APIRoute = async (context) => {
  const checked = check(context);
  if (checked instanceof Response) return checked;
  const titles = await articleTitles();
  const csv = csvExport(checked.table, checked.access, (p) => titles.get(p) ?? p, checked.days);
  if (!csv) return new Response('Not found', { status: 404 });
  // Astro's Node adapter writes each piece as soon as it is made, without waiting for
  // the client: given the response, streamBody makes the next piece only once the last
  // has drained (a slow client then holds one piece in memory, not the whole file), and
  // stops the export, closing its snapshot, when the response is over however it ended.
  // Without it (`astro dev`) the export is still paced by the event loop, not the client.
  const body = await streamBody(csv, context.locals.nodeResponse);
  return new Response(body, { headers: checked.headers });
};
