// What the operator page shows, read through the support API's admin routes (in
// process, with the admin token): helpfulness per article, failed searches, saved
// quotes, a diagnostics report by reference; and the same tables as CSV.
import { chinaDateTime } from '../lib/china-time.ts';
import { supportApi } from '../server/support-api-registry.ts';
import { toCsv } from '../lib/csv.ts';
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

async function adminGet<T>(path: string, token: string): Promise<T | undefined> {
  const app = supportApi();
  if (!app) throw new Error('The support API is not running in this process.');
  const res = await app.request(`/api/v1/admin${path}`, { headers: { Authorization: `Bearer ${token}` } });
  if (res.status === 404) return undefined;
  if (!res.ok) throw new Error(`admin API ${path}: ${res.status}`);
  return (await res.json()) as T;
}

export const helpfulPercent = (p: Pick<PageFeedback, 'helpful' | 'notHelpful'>) =>
  p.helpful + p.notHelpful ? Math.round((100 * p.helpful) / (p.helpful + p.notHelpful)) : 0;

export async function operatorView(token: string) {
  const [feedback, misses, quotes] = await Promise.all([
    adminGet<{ pages: PageFeedback[] }>('/feedback', token),
    adminGet<{ misses: SearchMiss[] }>('/search-misses?limit=100', token),
    adminGet<{ quotes: QuoteRow[] }>('/quotes?limit=100', token),
  ]);
  return { feedback: feedback?.pages ?? [], misses: misses?.misses ?? [], quotes: quotes?.quotes ?? [] };
}

export function diagnosticsReport(token: string, id: string) {
  return /^\d{8}$/.test(id) ? adminGet<StoredDiagnosticsReport>(`/diagnostics/reports/${id}`, token) : Promise.resolve(undefined);
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

/** The tables as they appear on the page, header and rows, so page and CSV agree. */
export function feedbackTable(pages: PageFeedback[], titleOf: (page: string) => string): OperatorTable {
  return {
    header: ['文章', '页面', '有帮助', '没帮助', '有帮助比例', '最近评论', '最近投票'],
    kinds: ['text', 'code', 'number', 'number', 'number', 'prose', 'time'],
    rows: pages.map((p) => [
      titleOf(p.page),
      p.page,
      p.helpful,
      p.notHelpful,
      `${helpfulPercent(p)}%`,
      p.latestComments.map((c) => c.comment).join(' / '),
      chinaDateTime(p.lastVoteAt),
    ]),
  };
}

export function missesTable(misses: SearchMiss[]): OperatorTable {
  return {
    header: ['搜索词', '次数', '首次', '最近'],
    kinds: ['text', 'number', 'time', 'time'],
    rows: misses.map((m) => [m.query, m.count, chinaDateTime(m.firstSeen), chinaDateTime(m.lastSeen)]),
  };
}

export function quotesTable(quotes: QuoteRow[]): OperatorTable {
  return {
    header: ['报价编号', '生成时间', '机器人', '首月对话', '月增长 %', '年限', '结转', '合计（元）', '价格表版本'],
    kinds: ['code', 'time', 'number', 'number', 'number', 'number', 'number', 'number', 'code'],
    rows: quotes.map((q) => [
      q.id,
      chinaDateTime(q.createdAt),
      q.input.robots,
      q.input.monthlyConversations,
      q.input.monthlyGrowthPercent,
      q.input.years,
      q.input.carryOverBalance,
      q.estimate.totalCost.toFixed(2),
      q.priceListVersion,
    ]),
  };
}

export const tableCsv = (table: { header: string[]; rows: (string | number)[][] }) => toCsv(table.header, table.rows);
