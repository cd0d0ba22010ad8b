// The estimate's per-year table as CSV: one row per year and a total row, then the
// inputs it was made from (so a sheet passed on still says 每月 or 每年 growth).
import { toCsv, type CsvCell } from '../csv.ts';
import { CALCULATOR_FIELDS, type CalculatorValues } from './calculator-query.ts';
import type { Estimate } from './estimate.ts';
import { GROWTH_PERIOD_WORDS, INPUT_RULES } from './input-rules.ts';

const HEADER = ['年度', '上年转入', '年度包含', '预计用量', '需加购', '加购对话包', '加购次数', '年末剩余', '机器人费用', '对话包费用', '年度合计'];

/** The inputs as rows under the table: label, number, unit; then the growth period. */
function inputRows(input: CalculatorValues): CsvCell[][] {
  return [
    [],
    ['估算条件'],
    ...CALCULATOR_FIELDS.map((f) => [INPUT_RULES[f].label, input[f], INPUT_RULES[f].unit]),
    ['增长周期', GROWTH_PERIOD_WORDS[input.growthPeriod]],
  ];
}

/** CSV text of the estimate; `packName` turns a pack id into its display name; `input`, when given, is listed under the table. */
export function estimateToCsv(estimate: Estimate, packName: (id: string) => string = (id) => id, input?: CalculatorValues): string {
  const money = (n: number) => n.toFixed(2);
  const rows: CsvCell[][] = estimate.years.map((y) => [
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
  if (input) rows.push(...inputRows(input));
  return toCsv(HEADER, rows);
}
