// What the operator page shows, read through the support API's admin routes (in
// process, with the admin token): helpfulness per article, failed searches and saved
// quotes (each a page at a time, with its total), search analytics for a period, a
// diagnostics report by reference; and the same tables as CSV, whole.
import { chinaDateTime } from '../../lib/china-time.ts';
import { REFERENCE_PATTERN } from '../../lib/id-formats.ts';
import { GROWTH_PERIOD_WORDS } from '../../lib/quota/input-rules.ts';
import { API_BASE } from '../../lib/api-paths.ts';
import type { OperatorAccess } from './_sign-in.ts';
import { csvChunks, type CsvCell } from '../../lib/csv.ts';
import { readNdjson } from '../../lib/ndjson.ts';
import { PAGE_SIZE, pageCount, pageOffset, pageProblem, type PageRequest, type PagerView } from '../../lib/admin/paging.ts';
import type { PageFeedback, SearchMiss } from '../../store/types.ts';
import { percent, unanswered, type ArticleReport, type QueryReport, type SearchPeriod } from '../../lib/search/analytics.ts';
import { browserLabel, type StoredDiagnosticsReport } from './_diagnostics-report.ts';
import type { z } from 'zod';
import type { quoteSchema } from '../../api/schemas.ts';
import type { searchTotalsSchema } from '../../api/routes/admin.ts';

/** A saved quote as the admin API lists it (its schema, `quoteSchema`). */
export type QuoteRow = z.output<typeof quoteSchema>;

/** The support API in this process and the admin token its admin routes are read with. */
type Access = Pick<OperatorAccess, 'api' | 'token'>;

async function adminRequest(path: string, { api, token }: Access): Promise<Response | undefined> {
  const res = await api.request(`${API_BASE}/admin${path}`, { headers: { Authorization: `Bearer ${token}` } });
  if (res.status === 404) return undefined;
  if (!res.ok) throw new Error(`admin API ${path}: ${res.status}`);
  return res;
}

async function adminGet<T>(path: string, access: Access): Promise<T | undefined> {
  return (await (await adminRequest(path, access))?.json()) as T | undefined;
}

/** Every row of an admin list (`/feedback`, `/quotes`, the search analytics …), one at a time, from its NDJSON export. */
async function* adminAll<T>(path: string, access: Access, query = ''): AsyncGenerator<T> {
  const res = await adminRequest(`${path}/export${query}`, access);
  if (res?.body) yield* readNdjson<T>(res.body);
}

/** One page of a long list, with what the operator should know about it. */
export interface ListPage<T> {
  rows: T[];
  total: number;
  /** The page shown: 1 when the one asked for is not there. */
  page: number;
  pages: number;
  /** Why another page than the one asked for is shown. */
  problem: string | undefined;
}

async function adminPage<K extends string, T>(path: string, key: K, access: Access, request: PageRequest): Promise<ListPage<T>> {
  type Body = { total: number } & Record<K, T[]>;
  const get = (page: number) => adminGet<Body>(`${path}?limit=${PAGE_SIZE}&offset=${pageOffset(page)}`, access);
  let page = request.page;
  let body = await get(page);
  const problem = pageProblem(request, pageCount(body?.total ?? 0));
  if (problem && page !== 1) body = await get((page = 1));
  const total = body?.total ?? 0;
  return { rows: body?.[key] ?? [], total, page, pages: pageCount(total), problem };
}

const helpfulPercent = (p: Pick<PageFeedback, 'helpful' | 'notHelpful'>) =>
  p.helpful + p.notHelpful ? Math.round((100 * p.helpful) / (p.helpful + p.notHelpful)) : 0;

/** The page's data: the page asked for of each list (feedback has one row per page voted on). */
export async function operatorView(access: Access, pages: { feedback: PageRequest; misses: PageRequest; quotes: PageRequest; reports: PageRequest }) {
  const [feedback, misses, quotes, reports] = await Promise.all([
    adminPage<'pages', PageFeedback>('/feedback', 'pages', access, pages.feedback),
    adminPage<'misses', SearchMiss>('/search-misses', 'misses', access, pages.misses),
    adminPage<'quotes', QuoteRow>('/quotes', 'quotes', access, pages.quotes),
    adminPage<'reports', StoredDiagnosticsReport>('/diagnostics/reports', 'reports', access, pages.reports),
  ]);
  return { feedback, misses, quotes, reports };
}

export function diagnosticsReport(access: Access, id: string) {
  return REFERENCE_PATTERN.test(id) ? adminGet<StoredDiagnosticsReport>(`/diagnostics/reports/${id}`, access) : Promise.resolve(undefined);
}


/**
 * How a column reads, for its width on a narrow screen: `text` (a title, a query) and
 * `prose` (comments, wider) wrap but keep several characters per line; the others stay
 * on one line; `number` is right-aligned.
 */
export type ColumnKind = 'text' | 'prose' | 'code' | 'number' | 'time';

export interface OperatorTable {
  header: string[];
  kinds: ColumnKind[];
  rows: (string | number)[][];
}

/** A table's columns and how one item reads as a row, so page and CSV agree. */
interface Columns<T> {
  header: string[];
  kinds: ColumnKind[];
  row: (item: T) => (string | number)[];
}

const feedbackColumns = (titleOf: (page: string) => string): Columns<PageFeedback> => ({
  // The key columns first (a phone shows those before scrolling); the title links to the article, so its path comes last.
  header: ['文章', '有帮助', '没帮助', '有帮助比例', '最近评论', '最近投票', '页面'],
  kinds: ['text', 'number', 'number', 'number', 'prose', 'time', 'code'],
  row: (p) => [
    titleOf(p.page),
    p.helpful,
    p.notHelpful,
    `${helpfulPercent(p)}%`,
    p.latestComments.map((c) => c.comment).join(' / '),
    chinaDateTime(p.lastVoteAt),
    p.page,
  ],
});

const missColumns: Columns<SearchMiss> = {
  header: ['搜索词', '次数', '首次', '最近'],
  kinds: ['text', 'number', 'time', 'time'],
  row: (m) => [m.query, m.count, chinaDateTime(m.firstSeen), chinaDateTime(m.lastSeen)],
};

const quoteColumns: Columns<QuoteRow> = {
  // The key columns first: what was asked and what it comes to, then when and against which prices.
  header: ['报价编号', '合计（元）', '机器人', '首月对话', '增长 %', '增长周期', '年限', '结转', '生成时间', '价格表版本'],
  kinds: ['code', 'number', 'number', 'number', 'number', 'text', 'number', 'number', 'time', 'code'],
  row: (q) => [
    q.id,
    q.estimate.totalCost.toFixed(2),
    q.input.robots,
    q.input.monthlyConversations,
    q.input.monthlyGrowthPercent,
    GROWTH_PERIOD_WORDS[q.input.growthPeriod],
    q.input.years,
    q.input.carryOverBalance,
    chinaDateTime(q.createdAt),
    q.priceListVersion,
  ],
};

const tableOf = <T>({ header, kinds, row }: Columns<T>, items: T[]): OperatorTable => ({ header, kinds, rows: items.map(row) });

/** The tables as they appear on the page. */
export const feedbackTable = (pages: PageFeedback[], titleOf: (page: string) => string) => tableOf(feedbackColumns(titleOf), pages);
export const missesTable = (misses: SearchMiss[]) => tableOf(missColumns, misses);
export const quotesTable = (quotes: QuoteRow[]) => tableOf(quoteColumns, quotes);

/** The diagnostics reports customers sent, newest first: the reference opens the report. */
const reportColumns: Columns<StoredDiagnosticsReport> = {
  header: ['检测编号', '结论', '浏览器', '系统', '提交时间'],
  kinds: ['code', 'text', 'text', 'text', 'time'],
  row: (r) => [r.id, r.report.summary ?? '', browserLabel(r.report.browser), r.report.browser.os ?? '', chinaDateTime(r.createdAt)],
};
export const reportsTable = (reports: StoredDiagnosticsReport[]) => tableOf(reportColumns, reports);

async function* rowsOf<T>(items: AsyncIterable<T>, row: (item: T) => CsvCell[]) {
  for await (const item of items) yield row(item);
}

// Search analytics (issue 18): totals for the period, and four tables of it whose page
// shows the first rows (their CSV has all of them).

/** Rows each analytics table shows on the page. */
export const ANALYTICS_ROWS = 20;

/** The period's totals as the admin API answers them (`searchTotalsSchema`). */
export type SearchTotalsView = z.output<typeof searchTotalsSchema>;

type Listed<K extends string, T> = { total: number } & Record<K, T[]>;

/** The analytics of the last `days` days: totals, top queries, no click, no answer, articles (first rows each). */
export async function searchAnalyticsView(access: Access, days: SearchPeriod) {
  const get = <T>(path: string) => adminGet<T>(`/search-analytics${path}${path.includes('?') ? '&' : '?'}days=${days}`, access);
  const first = `limit=${ANALYTICS_ROWS}`;
  const [totals, queries, noClick, noAnswer, articles] = await Promise.all([
    get<SearchTotalsView>(''),
    get<Listed<'queries', QueryReport>>(`/queries?${first}`),
    get<Listed<'queries', QueryReport>>(`/queries?filter=no-click&${first}`),
    get<Listed<'queries', QueryReport>>(`/queries?filter=no-answer&${first}`),
    get<Listed<'articles', ArticleReport>>(`/articles?${first}`),
  ]);
  const listed = <T>(body: { total: number } | undefined, rows: T[] | undefined) => ({ rows: rows ?? [], total: body?.total ?? 0 });
  return {
    totals,
    queries: listed(queries, queries?.queries),
    noClick: listed(noClick, noClick?.queries),
    noAnswer: listed(noAnswer, noAnswer?.queries),
    articles: listed(articles, articles?.articles),
  };
}

/** What an analytics table says of its rows: the first of how many (no other pages: the CSV has them all). */
export function firstRowsPager(shown: number, total: number): PagerView {
  const summary = total === 0 ? undefined : shown >= total ? `共 ${total.toLocaleString('en-US')} 条，全部显示。` : `显示前 ${shown} 条，共 ${total.toLocaleString('en-US')} 条；全部见 CSV。`;
  return { summary, page: 1, pages: 1, position: '', previous: undefined, next: undefined, jump: undefined };
}

const searchQueryColumns: Columns<QueryReport> = {
  header: ['搜索词', '搜索次数', '点击次数', '点击率', '平均点击位置', '平均结果数', '没有确切答案', '最近搜索'],
  kinds: ['text', 'number', 'number', 'number', 'number', 'number', 'number', 'time'],
  row: (q) => [q.query, q.searches, q.clicks, percent(q.clickThroughRate), q.averagePosition ?? '–', q.averageResults, unanswered(q.outcomes), q.lastDay],
};
const noClickColumns: Columns<QueryReport> = {
  header: ['搜索词', '搜索次数', '平均结果数', '最近搜索'],
  kinds: ['text', 'number', 'number', 'time'],
  row: (q) => [q.query, q.searches, q.averageResults, q.lastDay],
};
const noAnswerColumns: Columns<QueryReport> = {
  header: ['搜索词', '没有确切答案', '其中无结果', '只匹配部分字词', '只有可能相关', '搜索次数', '点击次数', '最近搜索'],
  kinds: ['text', 'number', 'number', 'number', 'number', 'number', 'number', 'time'],
  row: (q) => [q.query, unanswered(q.outcomes), q.outcomes.none, q.outcomes.partial, q.outcomes.guess, q.searches, q.clicks, q.lastDay],
};
const searchArticleColumns = (titleOf: (page: string) => string): Columns<ArticleReport> => ({
  header: ['文章', '页面', '点击次数', '搜索词数', '平均位置', '最常见的搜索词'],
  kinds: ['text', 'code', 'number', 'number', 'number', 'text'],
  row: (a) => [titleOf(a.page), a.page, a.clicks, a.queries, a.averagePosition, a.topQuery],
});

export const searchQueriesTable = (rows: QueryReport[]) => tableOf(searchQueryColumns, rows);
export const noClickTable = (rows: QueryReport[]) => tableOf(noClickColumns, rows);
export const noAnswerTable = (rows: QueryReport[]) => tableOf(noAnswerColumns, rows);
export const searchArticlesTable = (rows: ArticleReport[], titleOf: (page: string) => string) => tableOf(searchArticleColumns(titleOf), rows);

/** How one CSV export reads: the admin list it streams whole, its query, and its columns. */
interface CsvExport<T> {
  /** The admin API's list (its whole-list export is `<path>/export`). */
  path: string;
  /** Whether it covers a period (`?days=30`), as the search analytics do. */
  period: boolean;
  /** Its own query fields besides the period. */
  filter?: string;
  columns: (titleOf: (page: string) => string) => Columns<T>;
}

const exportOf = <T>(e: CsvExport<T>) => e;

/** The operator page's CSV exports, by the table's name in `/admin/export/<table>.csv`: one table of them. */
const CSV_EXPORTS = {
  feedback: exportOf({ path: '/feedback', period: false, columns: feedbackColumns }),
  'search-misses': exportOf({ path: '/search-misses', period: false, columns: () => missColumns }),
  quotes: exportOf({ path: '/quotes', period: false, columns: () => quoteColumns }),
  'search-queries': exportOf({ path: '/search-analytics/queries', period: true, filter: 'all', columns: () => searchQueryColumns }),
  'search-no-click': exportOf({ path: '/search-analytics/queries', period: true, filter: 'no-click', columns: () => noClickColumns }),
  'search-no-answer': exportOf({ path: '/search-analytics/queries', period: true, filter: 'no-answer', columns: () => noAnswerColumns }),
  'search-articles': exportOf({ path: '/search-analytics/articles', period: true, columns: searchArticleColumns }),
};
type CsvTable = keyof typeof CSV_EXPORTS;

/** Whether `table` has a CSV export (`csvExport` gives one). */
export const isCsvTable = (table: string): table is CsvTable => Object.hasOwn(CSV_EXPORTS, table);
/** The tables whose CSV covers a period (`?days=30`). */
export const isPeriodTable = (table: string) => isCsvTable(table) && CSV_EXPORTS[table].period;

/**
 * A table as CSV, every row of it (not the page on screen), as text in pieces: each list
 * is read from the API's whole-list export as it is written out. Undefined for a table
 * that does not exist.
 */
export function csvExport(table: string, access: Access, titleOf: (page: string) => string, days: SearchPeriod = 7): AsyncIterable<string> | undefined {
  if (!isCsvTable(table)) return undefined;
  const { path, period, filter, columns } = CSV_EXPORTS[table] as CsvExport<unknown>;
  const query = new URLSearchParams({ ...(period && { days: String(days) }), ...(filter && { filter }) }).toString();
  const { header, row } = columns(titleOf);
  return csvChunks(header, rowsOf(adminAll<unknown>(path, access, query && `?${query}`), row));
}
