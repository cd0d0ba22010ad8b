// The estimate's per-year table as CSV: one row per year and a total row.
import { toCsv } from '../csv.ts';
import type { Estimate } from './estimate.ts';

const HEADER = ['年度', '上年转入', '年度包含', '预计用量', '需加购', '加购对话包', '加购次数', '年末剩余', '机器人费用', '对话包费用', '年度合计'];

/** CSV text of the estimate; `packName` turns a pack id into its display name. */
export function estimateToCsv(estimate: Estimate, packName: (id: string) => string = (id) => id): string {
  const money = (n: number) => n.toFixed(2);
  const rows = estimate.years.map((y) => [
    `第 ${y.year} 年`,
    y.carriedIn,
    y.included,
    y.usage,
    y.deficit,
    y.packs.map((p) => `${packName(p.id)} × ${p.count}`).join('；') || '无',
    y.purchased,
    y.endingBalance,
    money(y.licenceCost),
    money(y.packCost),
    money(y.cost),
  ]);
  rows.push(['合计', '', '', '', '', '', estimate.totalPurchased, '', '', '', money(estimate.totalCost)]);
  return toCsv(HEADER, rows);
}
