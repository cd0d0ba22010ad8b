// /admin/export/<table>.csv: one of the operator page's tables as CSV, with every row
// (the page shows the long ones 100 at a time), written out as it is read.
import { chinaDate } from '../../../lib/china-time.ts';
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { adminToken, signedIn } from '../../../lib/admin/admin-access.ts';
import { csvExport } from '../../../data/operator-view.ts';
import { articlePath } from '../../../lib/content/urls.ts';
import { streamBody } from '../../../lib/stream-body.ts';

export const prerender = false;

export const GET: APIRoute = async ({ params, cookies }) => {
  const token = adminToken();
  if (!token) return new Response('Not found', { status: 404 });
  if (!signedIn(cookies, token)) return new Response('请先登录运营后台。', { status: 401, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  const titles = new Map((await getCollection('faq')).map((e) => [articlePath(e.id), e.data.title]));
  const csv = csvExport(params.table ?? '', token, (p) => titles.get(p) ?? p);
  if (!csv) return new Response('Not found', { status: 404 });
  const body = await streamBody(csv);
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${params.table}-${chinaDate()}.csv"`,
      'Cache-Control': 'no-store',
    },
  });
};
