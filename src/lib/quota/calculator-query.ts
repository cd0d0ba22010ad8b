// The calculator's state in the URL query, so a configuration can be bookmarked and
// back/forward walks through it: /tools/robot-quota/?robots=3&monthly=120000…

import { parseAmount } from './number-input.ts';
import { DEFAULT_GROWTH_PERIOD, GROWTH_PERIODS, type GrowthPeriod } from './usage.ts';

/** The calculator's number fields, named as the estimate API names them. */
export const CALCULATOR_FIELDS = ['robots', 'monthlyConversations', 'monthlyGrowthPercent', 'years', 'carryOverBalance'] as const;
export type CalculatorField = (typeof CALCULATOR_FIELDS)[number];

/** What each field is called in the query string: short, readable in a shared link. */
const QUERY_KEYS: Record<CalculatorField, string> = {
  robots: 'robots',
  monthlyConversations: 'monthly',
  monthlyGrowthPercent: 'growth',
  years: 'years',
  carryOverBalance: 'carry',
};

/** Sensible defaults for a first look: one robot, 5 万 conversations a month. */
export const CALCULATOR_DEFAULTS: Record<CalculatorField, number> = {
  robots: 1,
  monthlyConversations: 50_000,
  monthlyGrowthPercent: 0,
  years: 1,
  carryOverBalance: 0,
};

/** The growth period in the query: `period=year`; left out (or anything else) is the default, by the month. */
const PERIOD_KEY = 'period';

/** The calculator's inputs: its number fields and how often the growth applies. */
export type CalculatorValues = Record<CalculatorField, number> & { growthPeriod: GrowthPeriod };

export interface CalculatorQuery {
  /** Field values given in the query; a value that is not a number is left out. */
  values: Partial<Record<CalculatorField, number>>;
  /** The growth period, when the query gives one. */
  growthPeriod?: GrowthPeriod;
  /** A saved quote to open read-only, as the link gives it: a link cut short gives a part of an id. */
  quote?: string;
}

export function readCalculatorQuery(search: string): CalculatorQuery {
  const params = new URLSearchParams(search);
  const values: CalculatorQuery['values'] = {};
  for (const field of CALCULATOR_FIELDS) {
    const raw = params.get(QUERY_KEYS[field]);
    const value = raw === null ? null : parseAmount(raw);
    if (value !== null) values[field] = value;
  }
  const period = params.get(PERIOD_KEY);
  const growthPeriod = GROWTH_PERIODS.find((p) => p === period);
  const quote = params.get('quote');
  return { values, ...(growthPeriod && { growthPeriod }), ...(quote && { quote }) };
}

/** The query for these values (defaults left out), with a leading `?` or empty. */
export function writeCalculatorQuery(values: Partial<CalculatorValues>): string {
  const params = new URLSearchParams();
  for (const field of CALCULATOR_FIELDS) {
    const value = values[field];
    if (value !== undefined && value !== CALCULATOR_DEFAULTS[field]) params.set(QUERY_KEYS[field], String(value));
    // Beside the growth it qualifies.
    if (field === 'monthlyGrowthPercent' && values.growthPeriod && values.growthPeriod !== DEFAULT_GROWTH_PERIOD) params.set(PERIOD_KEY, values.growthPeriod);
  }
  const query = params.toString();
  return query ? `?${query}` : '';
}
