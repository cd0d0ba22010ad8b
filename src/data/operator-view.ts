// What the operator page shows, read through the support API's admin routes (in
// process, with the admin token): helpfulness per article, failed searches and saved
// quotes (each a page at a time, with its total), a diagnostics report by reference;
// and the same tables as CSV, whole.
import { chinaDateTime } from '../lib/china-time.ts';
import { REFERENCE_PATTERN } from '../lib/id-formats.ts';
import { API_BASE } from '../lib/api-paths.ts';
import { supportApi } from '../server/support-api-registry.ts';
import { csvChunks, type CsvCell } from '../lib/csv.ts';
import { readNdjson } from '../lib/ndjson.ts';
import { PAGE_SIZE, pageCount, pageOffset, pageProblem, type PageRequest } from '../lib/admin/paging.ts';
import type { PageFeedback, SearchMiss } from '../store/types.ts';
import type { StoredDiagnosticsReport } from '../lib/admin/diagnostics-report.ts';

export interface QuoteRow {
  id: string;
  url: string;
  createdAt: string;
  priceListVersion: string;
  input: { robots: number; monthlyConversations: number; monthlyGrowthPercent: number; years: number; carryOverBalance: number };
  estimate: { totalCost: number; totalPurchased: number; priceList: { sample: boolean } };
}

async function adminRequest(path: string, token: string): Promise<Response | undefined> {
  const app = supportApi();
  if (!app) throw new Error('The support API is not running in this process.');
  const res = await app.request(`${API_BASE}/admin${path}`, { headers: { Authorization: `Bearer ${token}` } });
  if (res.status === 404) return undefined;
  if (!res.ok) throw new Error(`admin API ${path}: ${res.status}`);
  return res;
}

async function adminGet<T>(path: string, token: string): Promise<T | undefined> {
  return (await (await adminRequest(path, token))?.json()) as T | undefined;
}

/** Every row of a long list (`/feedback`, `/quotes`, `/search-misses`), one at a time, from its NDJSON export. */
async function* adminAll<T>(path: string, token: string): AsyncGenerator<T> {
  const res = await adminRequest(`${path}/export`, token);
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

async function adminPage<K extends string, T>(path: string, key: K, token: string, request: PageRequest): Promise<ListPage<T>> {
  type Body = { total: number } & Record<K, T[]>;
  const get = (page: number) => adminGet<Body>(`${path}?limit=${PAGE_SIZE}&offset=${pageOffset(page)}`, token);
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
export async function operatorView(token: string, pages: { feedback: PageRequest; misses: PageRequest; quotes: PageRequest }) {
  const [feedback, misses, quotes] = await Promise.all([
    adminPage<'pages', PageFeedback>('/feedback', 'pages', token, pages.feedback),
    adminPage<'misses', SearchMiss>('/search-misses', 'misses', token, pages.misses),
    adminPage<'quotes', QuoteRow>('/quotes', 'quotes', token, pages.quotes),
  ]);
  return { feedback, misses, quotes };
}

export function diagnosticsReport(token: string, id: string) {
  return REFERENCE_PATTERN.test(id) ? adminGet<StoredDiagnosticsReport>(`/diagnostics/reports/${id}`, token) : Promise.resolve(undefined);
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
  header: ['文章', '页面', '有帮助', '没帮助', '有帮助比例', '最近评论', '最近投票'],
  kinds: ['text', 'code', 'number', 'number', 'number', 'prose', 'time'],
  row: (p) => [
    titleOf(p.page),
    p.page,
    p.helpful,
    p.notHelpful,
    `${helpfulPercent(p)}%`,
    p.latestComments.map((c) => c.comment).join(' / '),
    chinaDateTime(p.lastVoteAt),
  ],
});

const missColumns: Columns<SearchMiss> = {
  header: ['搜索词', '次数', '首次', '最近'],
  kinds: ['text', 'number', 'time', 'time'],
  row: (m) => [m.query, m.count, chinaDateTime(m.firstSeen), chinaDateTime(m.lastSeen)],
};

const quoteColumns: Columns<QuoteRow> = {
  header: ['报价编号', '生成时间', '机器人', '首月对话', '月增长 %', '年限', '结转', '合计（元）', '价格表版本'],
  kinds: ['code', 'time', 'number', 'number', 'number', 'number', 'number', 'number', 'code'],
  row: (q) => [
    q.id,
    chinaDateTime(q.createdAt),
    q.input.robots,
    q.input.monthlyConversations,
    q.input.monthlyGrowthPercent,
    q.input.years,
    q.input.carryOverBalance,
    q.estimate.totalCost.toFixed(2),
    q.priceListVersion,
  ],
};

const tableOf = <T>({ header, kinds, row }: Columns<T>, items: T[]): OperatorTable => ({ header, kinds, rows: items.map(row) });

/** The tables as they appear on the page. */
export const feedbackTable = (pages: PageFeedback[], titleOf: (page: string) => string) => tableOf(feedbackColumns(titleOf), pages);
export const missesTable = (misses: SearchMiss[]) => tableOf(missColumns, misses);
export const quotesTable = (quotes: QuoteRow[]) => tableOf(quoteColumns, quotes);

async function* rowsOf<T>(items: AsyncIterable<T>, row: (item: T) => CsvCell[]) {
  for await (const item of items) yield row(item);
}

const CSV_TABLES = ['feedback', 'search-misses', 'quotes'] as const;
/** Whether `table` has a CSV export (`csvExport` gives one). */
export const isCsvTable = (table: string): table is (typeof CSV_TABLES)[number] => (CSV_TABLES as readonly string[]).includes(table);

/**
 * A table as CSV, every row of it (not the page on screen), as text in pieces: each list
 * is read from the API's whole-list export as it is written out. Undefined for a table
 * that does not exist.
 */
export function csvExport(table: string, token: string, titleOf: (page: string) => string): AsyncIterable<string> | undefined {
  switch (table) {
    case 'feedback': {
      const columns = feedbackColumns(titleOf);
      return csvChunks(columns.header, rowsOf(adminAll<PageFeedback>('/feedback', token), columns.row));
    }
    case 'search-misses':
      return csvChunks(missColumns.header, rowsOf(adminAll<SearchMiss>('/search-misses', token), missColumns.row));
    case 'quotes':
      return csvChunks(quoteColumns.header, rowsOf(adminAll<QuoteRow>('/quotes', token), quoteColumns.row));
    default:
      return undefined;
  }
}
