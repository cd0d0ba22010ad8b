// What each of the calculator's inputs may be: its label, its range, whether it is a
// whole number, and the one message that says so. The API's schema (estimate.ts) is
// built from these rules and stays the authority; the island checks the same rules
// before it asks, so a value the API would refuse is marked at once and not sent.
// No zod: this ships in the calculator's island.
import type { CalculatorField } from './calculator-query.ts';
import { formatInWords } from './number-input.ts';
import { DEFAULT_GROWTH_PERIOD, yearOverUsageLimit, type GrowthPeriod } from './usage.ts';

export interface InputRule {
  /** The field's label on the page; messages name the field by it. */
  label: string;
  min: number;
  max: number;
  /** Whole numbers only. */
  integer: boolean;
  /** What the number counts, written after it. */
  unit: string;
}

export const INPUT_RULES: Record<CalculatorField, InputRule> = {
  robots: { label: '机器人数量', min: 1, max: 1000, integer: true, unit: '个' },
  monthlyConversations: { label: '首月预计对话量', min: 0, max: 100_000_000, integer: false, unit: '次/月' },
  monthlyGrowthPercent: { label: '增长率', min: -50, max: 200, integer: false, unit: '%' },
  years: { label: '合同年限', min: 1, max: 5, integer: true, unit: '年' },
  carryOverBalance: { label: '本期剩余次数', min: 0, max: 1_000_000_000, integer: true, unit: '次' },
};

/** A bound as the page writes it: 1000, -50; 1 亿 from 10,000 up. */
const bound = (n: number) => (Math.abs(n) >= 1e4 ? formatInWords(n) : String(n));

/** The field's range, the one way hints and messages write it: "1 到 1000", "0 到 1 亿". */
export function rangeText(field: CalculatorField): string {
  const { min, max } = INPUT_RULES[field];
  return `${bound(min)} 到 ${bound(max)}`;
}

/** The field's message for anything outside its rules: "机器人数量：请输入 1 到 1000 之间的整数". */
export function fieldMessage(field: CalculatorField): string {
  const { label, integer } = INPUT_RULES[field];
  const range = rangeText(field);
  // A space between a digit and Chinese, none after 亿.
  return `${label}：请输入 ${range}${/\d$/.test(range) ? ' ' : ''}之间的${integer ? '整数' : '数字'}`;
}

/** 每月 or 每年: how the page names a growth period. */
export const GROWTH_PERIOD_WORDS: Record<GrowthPeriod, string> = { month: '每月', year: '每年' };

/** The message for a growth that takes one year's use past what can be estimated. */
export const growthTooHighMessage = (growthPercent: number, year: number, period: GrowthPeriod = DEFAULT_GROWTH_PERIOD) =>
  `${INPUT_RULES.monthlyGrowthPercent.label}：按${GROWTH_PERIOD_WORDS[period]} ${growthPercent}% 增长，第 ${year} 年的对话量将超过 1 万亿次，超出估算范围，请调低`;

/** Whether `value` (null when the text is not a number) keeps the field's rules. */
export function fieldAllows(field: CalculatorField, value: number | null): value is number {
  const { min, max, integer } = INPUT_RULES[field];
  return value !== null && Number.isFinite(value) && value >= min && value <= max && (!integer || Number.isInteger(value));
}

export type InputCheck =
  | { ok: true; values: Record<CalculatorField, number> }
  | { ok: false; errors: Partial<Record<CalculatorField, string>> };

/**
 * The inputs (null where the text is not a number) against the rules the API applies
 * before it estimates: each field's range, then the yearly use the growth leads to.
 */
export function checkInputs(values: Record<CalculatorField, number | null>, growthPeriod: GrowthPeriod = DEFAULT_GROWTH_PERIOD): InputCheck {
  const errors: Partial<Record<CalculatorField, string>> = {};
  for (const field of Object.keys(INPUT_RULES) as CalculatorField[]) {
    if (!fieldAllows(field, values[field])) errors[field] = fieldMessage(field);
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  const checked = values as Record<CalculatorField, number>;
  const year = yearOverUsageLimit({ ...checked, growthPeriod });
  if (year) return { ok: false, errors: { monthlyGrowthPercent: growthTooHighMessage(checked.monthlyGrowthPercent, year, growthPeriod) } };
  return { ok: true, values: checked };
}
