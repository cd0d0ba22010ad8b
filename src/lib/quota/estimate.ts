// Robot quota estimate: licences and the cheapest conversation packs year by year, with the balance month by month.
import { z } from 'zod';
import { INPUT_RULES, fieldMessage, growthTooHighMessage } from './input-rules.ts';
import type { CalculatorField } from './calculator-query.ts';
import { PackCostOverflowError, createPackChooser, type PackChoice } from './pack-choice.ts';
import { toFen, toYuan, unknownField, type PriceList } from './price-list.ts';
import { DEFAULT_GROWTH_PERIOD, GROWTH_PERIODS, cumulativeUse } from './usage.ts';

/** A field as input-rules.ts has it: its range, whole or not, and its one message. */
function ruled(field: CalculatorField) {
  const { min, max, integer } = INPUT_RULES[field];
  const message = fieldMessage(field);
  return (integer ? z.int(message) : z.number(message)).min(min, message).max(max, message);
}

/** What the customer types into the calculator. */
export const estimateInputSchema = z.strictObject(
  {
    /** Robots to license; each licence runs one year and includes a yearly conversation allowance. */
    robots: ruled('robots'),
    /** Conversations expected in the first month, across all robots. */
    monthlyConversations: ruled('monthlyConversations'),
    monthlyGrowthPercent: ruled('monthlyGrowthPercent').default(0).meta({ description: 'Growth of the use per `growthPeriod`, in percent; negative for a decline.' }),
    // Quotes saved before this field existed mean `month` (src/api/routes/robot-quota.ts).
    growthPeriod: z
      .enum(GROWTH_PERIODS, '增长周期：请选择 month（每月）或 year（每年）')
      .default(DEFAULT_GROWTH_PERIOD)
      .meta({
        description:
          'How often `monthlyGrowthPercent` applies. `month`: month m uses monthlyConversations × (1 + g/100)^(m−1). `year`: monthlyConversations × (1 + g/100)^floor((m−1)/12), the same in each month of a year.',
      }),
    /** Length of the term in years; the plan renews each year. */
    years: ruled('years').default(1),
    /** Conversations left over from an earlier plan, spent before anything bought. */
    carryOverBalance: ruled('carryOverBalance').default(0),
  },
  unknownField('估算参数'),
);

export type EstimateInput = z.input<typeof estimateInputSchema>;
export type ParsedEstimateInput = z.output<typeof estimateInputSchema>;

const conversations = z.int().min(0);
/** Yuan, at most two decimals, computed in fen and converted once. */
const money = z.number().min(0);

export const estimatePackSchema = z.object({
  /** Pack id from the price list. */
  id: z.string(),
  /** Conversations in one pack. */
  conversations: z.int().min(1),
  /** Price of one pack, in yuan. */
  price: money,
  /** How many of this pack to buy at the start of the year. */
  count: z.int().min(1),
});

export const estimateYearSchema = z.object({
  /** 1 for the first year of the term. */
  year: z.int().min(1),
  /** Balance brought into the year: the carry-over for year 1, then the previous year's ending balance. */
  carriedIn: conversations,
  /** Conversations included with the year's robot licences. */
  included: conversations,
  /** Conversations expected in the year. */
  usage: conversations,
  /** Use not covered by the carried-in balance and the licences. */
  deficit: conversations,
  /** Cheapest packs covering the deficit, bought at the start of the year. */
  packs: z.array(estimatePackSchema),
  /** Conversations in the packs bought. */
  purchased: conversations,
  /** Balance left at the end of the year, carried into the next. */
  endingBalance: conversations,
  /** Robot licences for the year, in yuan. */
  licenceCost: money,
  /** Packs bought for the year, in yuan. */
  packCost: money,
  /** licenceCost + packCost, in yuan. */
  cost: money,
});

export const estimateMonthSchema = z.object({
  /** 1-based across the whole term: month 13 is the first month of year 2. */
  month: z.int().min(1),
  /** Conversations used in the month; a year's months add up to its usage. */
  usage: conversations,
  /** Balance at the end of the month, with the year's packs bought at its start. */
  balance: conversations,
});

/** A quote for the whole term. */
export const estimateSchema = z.object({
  /** Which price list the figures come from; `sample` means they are 示例价格. */
  priceList: z.object({
    /** The price list's version, e.g. 2026-11-sample. */
    version: z.string(),
    /** Currency of every amount. */
    currency: z.literal('CNY'),
    /** True when the prices are the shipped sample. */
    sample: z.boolean(),
  }),
  /** One entry per year of the term. */
  years: z.array(estimateYearSchema),
  /** Sum of the years' costs, in yuan. */
  totalCost: money,
  /** Conversations bought in packs over the term. */
  totalPurchased: conversations,
  /** One entry per month of the term. */
  monthly: z.array(estimateMonthSchema),
  /** First month (1-based) whose balance would fall below zero without any packs, or null. */
  runsOutInMonth: z.int().min(1).nullable(),
});

export type Estimate = z.output<typeof estimateSchema>;

/** The input leads to figures beyond what can be estimated; `field` names the input to change. */
export class EstimateRangeError extends RangeError {
  override name = 'EstimateRangeError';
  readonly field: keyof ParsedEstimateInput;
  constructor(field: keyof ParsedEstimateInput, message: string) {
    super(message);
    this.field = field;
  }
}

/** For each year, the cumulative use through each of its months (index 11 is the year's use). */
function cumulativeUseInRange(input: ParsedEstimateInput): number[][] {
  const { years, overLimitInYear } = cumulativeUse(input);
  if (overLimitInYear) throw new EstimateRangeError('monthlyGrowthPercent', growthTooHighMessage(input.monthlyGrowthPercent, overLimitInYear, input.growthPeriod));
  return years;
}

// One chooser per price list: its search over the packs is computed once, not per request.
const choosers = new WeakMap<PriceList, ReturnType<typeof createPackChooser>>();
function packChooserFor(priceList: PriceList) {
  let chooser = choosers.get(priceList);
  if (!chooser) {
    chooser = createPackChooser(priceList.packs.map((p) => ({ id: p.id, conversations: p.conversations, priceFen: toFen(p.price) })));
    choosers.set(priceList, chooser);
  }
  return chooser;
}

/**
 * Quotes `input` against `priceList`. Throws a ZodError for an invalid input and an
 * {@link EstimateRangeError} when the use or the cost grows beyond exact arithmetic.
 */
export function estimateRobotQuote(input: EstimateInput, priceList: PriceList): Estimate {
  const parsed = estimateInputSchema.parse(input);
  const choose = packChooserFor(priceList);
  const included = parsed.robots * priceList.includedConversationsPerRobotYear;
  const licenceCostFen = parsed.robots * toFen(priceList.robotLicencePerYear);
  const use = cumulativeUseInRange(parsed);

  const years: Estimate['years'] = [];
  const monthly: Estimate['monthly'] = [];
  let balance = parsed.carryOverBalance;
  // The same term without any packs, to tell when the customer would run out.
  let balanceWithoutPacks = parsed.carryOverBalance;
  let runsOutInMonth: number | null = null;
  let totalCostFen = 0;
  let totalPurchased = 0;

  use.forEach((cumulative, y) => {
    const usage = cumulative[11]!;
    const carriedIn = balance;
    const deficit = Math.max(0, usage - carriedIn - included);
    const choice = chooseInRange(choose, deficit);
    const start = carriedIn + included + choice.purchased;
    const costFen = licenceCostFen + choice.costFen;
    totalCostFen += costFen;
    totalPurchased += choice.purchased;
    if (!Number.isSafeInteger(totalCostFen)) throw costTooHigh();

    cumulative.forEach((used, k) => {
      const month = y * 12 + k + 1;
      monthly.push({ month, usage: used - (k === 0 ? 0 : cumulative[k - 1]!), balance: start - used });
      if (runsOutInMonth === null && balanceWithoutPacks + included - used < 0) runsOutInMonth = month;
    });
    balanceWithoutPacks += included - usage;
    balance = start - usage;

    years.push({
      year: y + 1,
      carriedIn,
      included,
      usage,
      deficit,
      packs: choice.packs.map((p) => ({
        id: p.id,
        conversations: p.conversations,
        price: toYuan(p.priceFen),
        count: p.count,
      })),
      purchased: choice.purchased,
      endingBalance: balance,
      licenceCost: toYuan(licenceCostFen),
      packCost: toYuan(choice.costFen),
      cost: toYuan(costFen),
    });
  });

  return {
    priceList: { version: priceList.version, currency: priceList.currency, sample: priceList.sample },
    years,
    totalCost: toYuan(totalCostFen),
    totalPurchased,
    monthly,
    runsOutInMonth,
  };
}

function costTooHigh(): EstimateRangeError {
  return new EstimateRangeError(
    'monthlyConversations',
    '按这份价目表，所需费用超过可精确计算的范围（约 900 亿元），请调低首月预计对话量或增长率',
  );
}

// To the customer a pack cost beyond exact arithmetic is the same story as a total beyond it.
function chooseInRange(choose: (deficit: number) => PackChoice, deficit: number): PackChoice {
  try {
    return choose(deficit);
  } catch (error) {
    if (error instanceof PackCostOverflowError) throw costTooHigh();
    throw error;
  }
}
