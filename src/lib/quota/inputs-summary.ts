// The calculator's inputs as a quote states them, on a saved quote and on paper:
// 8 万次/月, 每年 5%, 3 年 (not the 80000 of a form field, with its unit a column away).
import { CALCULATOR_FIELDS, type CalculatorValues, type CalculatorField } from './calculator-query.ts';
import { GROWTH_PERIOD_WORDS, INPUT_RULES } from './input-rules.ts';
import { formatAmount, formatCount } from './number-input.ts';

export interface InputLine {
  field: CalculatorField;
  label: string;
  /** The value with its unit, one figure that never breaks. */
  value: string;
}

function valueText(field: CalculatorField, values: CalculatorValues): string {
  const n = values[field];
  if (field === 'monthlyGrowthPercent') return n === 0 ? '不增长' : `${GROWTH_PERIOD_WORDS[values.growthPeriod]} ${formatCount(n, 2)}%`;
  const { unit } = INPUT_RULES[field];
  const amount = formatAmount(n);
  // No space between 万 and the unit (8 万次/月); one after a digit (3 个, 123,456 次).
  return /\d$/.test(amount) ? `${amount} ${unit}` : `${amount}${unit}`;
}

/** One line per input, in the form's order. */
export const summariseInputs = (values: CalculatorValues): InputLine[] =>
  CALCULATOR_FIELDS.map((field) => ({ field, label: INPUT_RULES[field].label, value: valueText(field, values) }));
