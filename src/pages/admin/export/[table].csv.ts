// /admin/export/<table>.csv: the operator page's tables as CSV, same rows as on screen.
import { chinaDate } from '../../../lib/china-time.ts';
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { adminToken, signedIn } from '../../../lib/admin/admin-access.ts';
import { feedbackTable, missesTable, operatorView, quotesTable, tableCsv } from '../../../data/operator-view.ts';
import { articlePath } from '../../../lib/content/urls.ts';

export const prerender = false;

export const GET: APIRoute = async ({ params, cookies }) => {
  const token = adminToken();
  if (!token) return new Response('Not found', { status: 404 });
  if (!signedIn(cookies, token)) return new Response('请先登录运营后台。', { status: 401, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  const data = await operatorView(token);
  const titles = new Map((await getCollection('faq')).map((e) => [articlePath(e.id), e.data.title]));
  const tables = {
    feedback: () => feedbackTable(data.feedback, (p) => titles.get(p) ?? p),
    'search-misses': () => missesTable(data.misses),
    quotes: () => quotesTable(data.quotes),
  } as Record<string, () => { header: string[]; rows: (string | number)[][] }>;
  const table = tables[params.table ?? ''];
  if (!table) return new Response('Not found', { status: 404 });
  return new Response(tableCsv(table()), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${params.table}-${chinaDate()}.csv"`,
      'Cache-Control': 'no-store',
    },
  });
};
