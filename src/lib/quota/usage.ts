// The use the inputs lead to, month by month: the estimate's arithmetic, and the ceiling
// the calculator checks before it asks the API. No zod: it ships in the island too.

/** Above this many conversations in one year the figures stop meaning anything. */
export const MAX_YEAR_USAGE = 1_000_000_000_000;

// Float sums of exact monthly figures land a hair above the integer; this keeps them on it.
const EPSILON = 1e-6;

/**
 * How often the growth applies: every month (compounding month on month, the default,
 * which older quotes and links mean), or once a year (the months of a year use the same).
 */
export const GROWTH_PERIODS = ['month', 'year'] as const;
export type GrowthPeriod = (typeof GROWTH_PERIODS)[number];
export const DEFAULT_GROWTH_PERIOD: GrowthPeriod = 'month';

export interface UsageInput {
  monthlyConversations: number;
  monthlyGrowthPercent: number;
  years: number;
  /** `month` when left out. */
  growthPeriod?: GrowthPeriod | undefined;
}

/** How many times the growth has applied by month `month` (1-based): m − 1, or floor((m − 1) / 12) by the year. */
export const growthSteps = (month: number, period: GrowthPeriod = DEFAULT_GROWTH_PERIOD) => (period === 'year' ? Math.floor((month - 1) / 12) : month - 1);

/** The use of month `month` (1-based), before rounding: monthlyConversations × (1 + g/100)^steps. */
export const monthUse = (input: UsageInput, month: number) =>
  input.monthlyConversations * (1 + input.monthlyGrowthPercent / 100) ** growthSteps(month, input.growthPeriod);

/** Ceiling of a float sum of use, never negative and never -0. */
function wholeConversations(sum: number): number {
  const n = Math.ceil(sum - EPSILON);
  return n > 0 ? n : 0;
}

/**
 * For each year, the cumulative use through each of its months (index 11 is the year's
 * use). Stops at the first year whose use passes {@link MAX_YEAR_USAGE}: that year
 * (1-based) is `overLimitInYear`, and `years` holds the ones before it.
 */
export function cumulativeUse(input: UsageInput): { years: number[][]; overLimitInYear: number | undefined } {
  const years: number[][] = [];
  for (let y = 0; y < input.years; y++) {
    let sum = 0;
    const cumulative: number[] = [];
    for (let k = 0; k < 12; k++) {
      sum += monthUse(input, y * 12 + k + 1);
      cumulative.push(wholeConversations(sum));
    }
    if (cumulative[11]! > MAX_YEAR_USAGE) return { years, overLimitInYear: y + 1 };
    years.push(cumulative);
  }
  return { years, overLimitInYear: undefined };
}

/** The first year (1-based) whose use passes {@link MAX_YEAR_USAGE}, if any. */
export const yearOverUsageLimit = (input: UsageInput) => cumulativeUse(input).overLimitInYear;

/** Above this many times the first month's use, the last month's is worth a word to the reader. */
export const STEEP_GROWTH_MULTIPLE = 5;

/**
 * How many times the first month's use the last month's is (1 when the first is 0): the
 * figure behind the calculator's note that a growth compounds to a lot over the term.
 */
export const lastToFirstMonth = (input: UsageInput) =>
  input.monthlyConversations > 0 ? (1 + input.monthlyGrowthPercent / 100) ** growthSteps(input.years * 12, input.growthPeriod) : 1;
