// The calculator's state in the URL query, so a configuration can be bookmarked and
// back/forward walks through it: /tools/robot-quota/?robots=3&monthly=120000…

import { parseAmount } from './number-input.ts';

/** The calculator's fields, named as the estimate API names them. */
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

export interface CalculatorQuery {
  /** Field values given in the query; a value that is not a number is left out. */
  values: Partial<Record<CalculatorField, number>>;
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
  const quote = params.get('quote');
  return quote ? { values, quote } : { values };
}

/** The query for these values (defaults left out), with a leading `?` or empty. */
export function writeCalculatorQuery(values: Partial<Record<CalculatorField, number>>): string {
  const params = new URLSearchParams();
  for (const field of CALCULATOR_FIELDS) {
    const value = values[field];
    if (value !== undefined && value !== CALCULATOR_DEFAULTS[field]) params.set(QUERY_KEYS[field], String(value));
  }
  const query = params.toString();
  return query ? `?${query}` : '';
}
