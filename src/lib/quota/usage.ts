// The use the inputs lead to, month by month: the estimate's arithmetic, and the ceiling
// the calculator checks before it asks the API. No zod: it ships in the island too.

/** Above this many conversations in one year the figures stop meaning anything. */
export const MAX_YEAR_USAGE = 1_000_000_000_000;

// Float sums of exact monthly figures land a hair above the integer; this keeps them on it.
const EPSILON = 1e-6;

export interface UsageInput {
  monthlyConversations: number;
  monthlyGrowthPercent: number;
  years: number;
}

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
  const factor = 1 + input.monthlyGrowthPercent / 100;
  const years: number[][] = [];
  for (let y = 0; y < input.years; y++) {
    let sum = 0;
    const cumulative: number[] = [];
    for (let k = 0; k < 12; k++) {
      sum += input.monthlyConversations * factor ** (y * 12 + k);
      cumulative.push(wholeConversations(sum));
    }
    if (cumulative[11]! > MAX_YEAR_USAGE) return { years, overLimitInYear: y + 1 };
    years.push(cumulative);
  }
  return { years, overLimitInYear: undefined };
}

/** The first year (1-based) whose use passes {@link MAX_YEAR_USAGE}, if any. */
export const yearOverUsageLimit = (input: UsageInput) => cumulativeUse(input).overLimitInYear;
