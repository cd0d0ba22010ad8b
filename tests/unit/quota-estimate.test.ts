import { describe, expect, test } from 'vitest';
import {
  EstimateRangeError,
  estimateInputSchema,
  estimateRobotQuote,
  estimateSchema,
  type Estimate,
  type EstimateInput,
} from '../../src/lib/quota/estimate.ts';
import { priceListSchema, type PriceList } from '../../src/lib/quota/price-list.ts';
import sampleJson from '../../content/price-list.sample.json' with { type: 'json' };

const sample = priceListSchema.parse(sampleJson);

function quote(input: EstimateInput, priceList: PriceList = sample): Estimate {
  const estimate = estimateRobotQuote(input, priceList);
  expect(estimateSchema.safeParse(estimate).success).toBe(true);
  return estimate;
}

const moneyOf = (e: Estimate) => [
  e.totalCost,
  ...e.years.flatMap((y) => [y.licenceCost, y.packCost, y.cost, ...y.packs.map((p) => p.price)]),
];

describe('estimateRobotQuote by hand', () => {
  // 2 robots include 100,000 a year; 9,000 a month is 108,000 a year.
  const e = quote({ robots: 2, monthlyConversations: 9_000, years: 2 });

  test('year 1 buys one 1万 pack for an 8,000 deficit', () => {
    expect(e.years[0]).toEqual({
      year: 1,
      carriedIn: 0,
      included: 100_000,
      usage: 108_000,
      deficit: 8_000,
      packs: [{ id: 'pack-10k', conversations: 10_000, price: 680, count: 1 }],
      purchased: 10_000,
      endingBalance: 2_000,
      licenceCost: 19_600,
      packCost: 680,
      cost: 20_280,
    });
  });

  test('year 2 starts with the 2,000 left over', () => {
    expect(e.years[1]).toMatchObject({
      year: 2,
      carriedIn: 2_000,
      deficit: 6_000,
      purchased: 10_000,
      endingBalance: 4_000,
    });
    expect(e.years[1]!.cost).toBe(20_280);
  });

  test('totals and the price list are reported', () => {
    expect(e.totalCost).toBe(40_560);
    expect(e.totalPurchased).toBe(20_000);
    expect(e.priceList).toEqual({ version: '2026-11-sample', currency: 'CNY', sample: true });
  });

  test('months run 1 … 24 with packs bought at the start of each year', () => {
    expect(e.monthly.map((m) => m.month)).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
    expect(e.monthly.every((m) => m.usage === 9_000)).toBe(true);
    expect(e.monthly[0]!.balance).toBe(101_000);
    expect(e.monthly[11]!.balance).toBe(2_000);
    expect(e.monthly[12]!.balance).toBe(103_000);
    expect(e.monthly[23]!.balance).toBe(4_000);
  });

  test('without packs the balance would go below zero in month 12', () => {
    // 100,000 − 11 × 9,000 = 1,000 after month 11; −8,000 after month 12.
    expect(e.runsOutInMonth).toBe(12);
  });

  test('licences scale with robots: 9,800 × robots', () => {
    expect(quote({ robots: 7, monthlyConversations: 0 }).years[0]!.licenceCost).toBe(68_600);
    expect(quote({ robots: 1000, monthlyConversations: 0 }).years[0]!.licenceCost).toBe(9_800_000);
  });
});

describe('carry-over', () => {
  const e = quote({ robots: 1, monthlyConversations: 10_000, years: 3, carryOverBalance: 150_000 });

  test.each([
    { year: 1, carriedIn: 150_000, deficit: 0, purchased: 0, endingBalance: 80_000, packCost: 0 },
    { year: 2, carriedIn: 80_000, deficit: 0, purchased: 0, endingBalance: 10_000, packCost: 0 },
    // 60,000 short: 5万 + 1万 (3,680) beats 6 × 1万 (4,080) and one 10万 (5,500).
    { year: 3, carriedIn: 10_000, deficit: 60_000, purchased: 60_000, endingBalance: 0, packCost: 3_680 },
  ])('year $year', (expected) => {
    expect(e.years[expected.year - 1]).toMatchObject(expected);
  });

  test('runs out in month 31 without packs', () => {
    // Year 3 starts with 10,000 + 50,000; after month 6 it is 0, after month 7 −10,000.
    expect(e.runsOutInMonth).toBe(31);
  });

  test('never runs out when the balance covers the whole term', () => {
    expect(quote({ robots: 1, monthlyConversations: 1_000, years: 5 }).runsOutInMonth).toBeNull();
  });
});

describe('growth', () => {
  test.each([10, 3.3, -13.7, -50, 50])('year usage follows %d%% a month', (growth) => {
    const monthly = 1_234.5;
    const e = quote({ robots: 1, monthlyConversations: monthly, monthlyGrowthPercent: growth, years: 3 });
    const q = 1 + growth / 100;
    e.years.forEach((year, y) => {
      // Closed form of the geometric series, independent of the month-by-month sum.
      const exact = (monthly * q ** (12 * y) * (q ** 12 - 1)) / (q - 1);
      expect(year.usage).toBe(Math.ceil(exact - 1e-6));
    });
  });

  test('10% a month from 1,000: 21,385 then 67,114 conversations', () => {
    // 1000 × (1.1¹² − 1) / 0.1 = 21,384.28…; × 1.1¹² = 67,113.04…
    const e = quote({ robots: 1, monthlyConversations: 1_000, monthlyGrowthPercent: 10, years: 2 });
    expect(e.years.map((y) => y.usage)).toEqual([21_385, 67_114]);
  });

  test.each([
    { monthlyConversations: 9_000, monthlyGrowthPercent: 0, years: 2, robots: 2 },
    { monthlyConversations: 1_234.5, monthlyGrowthPercent: 7.7, years: 5, robots: 3 },
    { monthlyConversations: 333_333.3, monthlyGrowthPercent: -12.5, years: 4, robots: 1 },
    { monthlyConversations: 0.4, monthlyGrowthPercent: 200, years: 2, robots: 1, carryOverBalance: 17 },
    { monthlyConversations: 100_000_000, monthlyGrowthPercent: 30, years: 2, robots: 1000 },
  ])('months add up to each year and end on its balance: %o', (input) => {
    const e = quote(input);
    expect(e.monthly).toHaveLength(12 * e.years.length);
    e.years.forEach((year, y) => {
      const months = e.monthly.slice(12 * y, 12 * y + 12);
      expect(months.reduce((s, m) => s + m.usage, 0)).toBe(year.usage);
      expect(months[11]!.balance).toBe(year.endingBalance);
      expect(months.every((m) => m.usage >= 0 && m.balance >= 0)).toBe(true);
      expect(year.purchased).toBeGreaterThanOrEqual(year.deficit);
      expect(year.endingBalance).toBe(year.carriedIn + year.included + year.purchased - year.usage);
    });
  });

  test('no use gives zeros, never -0', () => {
    const e = quote({ robots: 1, monthlyConversations: 0, monthlyGrowthPercent: -50, years: 2 });
    expect(Object.is(e.years[0]!.usage, 0)).toBe(true);
    expect(e.monthly.every((m) => Object.is(m.usage, 0))).toBe(true);
    expect(e.totalPurchased).toBe(0);
  });

  test('a use over 1e12 conversations in a year is refused, naming the growth', () => {
    // 1e8 a month at +50%: about 2.6e10 in year 1, 3.3e12 in year 2.
    const input = { robots: 1, monthlyConversations: 100_000_000, monthlyGrowthPercent: 50 };
    expect(() => quote({ ...input, years: 1 })).not.toThrow();
    let error: unknown;
    try {
      estimateRobotQuote({ ...input, years: 2 }, sample);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EstimateRangeError);
    expect((error as EstimateRangeError).field).toBe('monthlyGrowthPercent');
    expect((error as EstimateRangeError).message).toContain('第 2 年');
  });

  test('a cost beyond exact fen is refused rather than rounded', () => {
    const dear = priceListSchema.parse({
      ...sampleJson,
      packs: [{ id: 'dear', name: '天价包', conversations: 1_000, price: 100_000_000 }],
    });
    expect(() => estimateRobotQuote({ robots: 1, monthlyConversations: 100_000_000 }, dear)).toThrow(
      EstimateRangeError,
    );
  });
});

describe('money', () => {
  const noisy = priceListSchema.parse({
    ...sampleJson,
    robotLicencePerYear: 0.1,
    includedConversationsPerRobotYear: 0,
    packs: [
      { id: 'dime', name: '一角包', conversations: 1_000, price: 0.1 },
      { id: 'two-dimes', name: '两角包', conversations: 3_000, price: 0.29 },
      { id: 'odd', name: '零头包', conversations: 7_000, price: 0.67 },
    ],
  });

  test.each([
    { robots: 3, monthlyConversations: 250 },
    { robots: 7, monthlyConversations: 1_111 },
    { robots: 1, monthlyConversations: 98_765, monthlyGrowthPercent: 3, years: 5 },
  ])('has at most two decimals and no float noise: %o', (input) => {
    const e = quote(input, noisy);
    for (const value of moneyOf(e)) expect(String(value)).toMatch(/^\d+(\.\d{1,2})?$/);
  });

  test('0.1 × 3 robots is 0.3, not 0.30000000000000004', () => {
    expect(quote({ robots: 3, monthlyConversations: 0 }, noisy).years[0]!.licenceCost).toBe(0.3);
  });

  test('pack cost is counted in fen: 0.1 + 0.29', () => {
    // 4,000 a year: one 1,000 pack and one 3,000 pack.
    const year = quote({ robots: 1, monthlyConversations: 4_000 / 12 }, noisy).years[0]!;
    expect(year.packs.map((p) => [p.id, p.count])).toEqual([
      ['dime', 1],
      ['two-dimes', 1],
    ]);
    expect(year.packCost).toBe(0.39);
    expect(year.cost).toBe(0.49);
  });
});

describe('estimate input', () => {
  test('fills defaults', () => {
    expect(estimateInputSchema.parse({ robots: 1, monthlyConversations: 0 })).toEqual({
      robots: 1,
      monthlyConversations: 0,
      monthlyGrowthPercent: 0,
      growthPeriod: 'month',
      years: 1,
      carryOverBalance: 0,
    });
  });

  test.each([
    ['robots', 0],
    ['robots', 1001],
    ['robots', 1.5],
    ['monthlyConversations', -1],
    ['monthlyConversations', 100_000_001],
    ['monthlyConversations', '100'],
    ['monthlyGrowthPercent', -50.1],
    ['monthlyGrowthPercent', 200.1],
    ['years', 0],
    ['years', 6],
    ['years', 2.5],
    ['carryOverBalance', -1],
    ['carryOverBalance', 1_000_000_001],
    ['carryOverBalance', 0.5],
  ])('refuses %s = %s with a Chinese message', (field, value) => {
    const result = estimateInputSchema.safeParse({ robots: 1, monthlyConversations: 0, [field]: value });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path).toEqual([field]);
    expect(result.error!.issues[0]!.message).toMatch(/[\u4e00-\u9fff]/);
  });

  test.each([
    ['robots', 1],
    ['robots', 1000],
    ['monthlyConversations', 100_000_000],
    ['monthlyGrowthPercent', -50],
    ['monthlyGrowthPercent', 200],
    ['years', 5],
    ['carryOverBalance', 1_000_000_000],
  ])('accepts %s = %s', (field, value) => {
    expect(estimateInputSchema.safeParse({ robots: 1, monthlyConversations: 0, [field]: value }).success).toBe(true);
  });

  test('range messages name the field by its label, and its range', () => {
    const result = estimateInputSchema.safeParse({ robots: 2000, monthlyConversations: 0 });
    expect(result.error!.issues[0]!.message).toBe('机器人数量：请输入 1 到 1000 之间的整数');
  });

  test('refuses unknown fields and a missing one', () => {
    expect(estimateInputSchema.safeParse({ robots: 1, monthlyConversations: 0, robot: 2 }).success).toBe(false);
    expect(estimateInputSchema.safeParse({ robots: 1 }).error!.issues[0]!.path).toEqual(['monthlyConversations']);
  });
});
