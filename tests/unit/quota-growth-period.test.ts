// Growth by the month or by the year (growthPeriod): the arithmetic against a brute
// force, the default that keeps old quotes and links meaning what they meant, the note on
// steep growth, and the field everywhere the inputs go (API, OpenAPI, query, CSV, print).
import { afterEach, describe, expect, test } from 'vitest';
import { testApi, samplePriceList } from '../support/api.ts';
import { readCalculatorQuery, writeCalculatorQuery, type CalculatorValues } from '../../src/lib/quota/calculator-query.ts';
import { estimateToCsv } from '../../src/lib/quota/estimate-csv.ts';
import { EstimateRangeError, estimateRobotQuote, type EstimateInput } from '../../src/lib/quota/estimate.ts';
import { steepGrowthNote } from '../../src/lib/quota/growth-note.ts';
import { checkInputs } from '../../src/lib/quota/input-rules.ts';
import { summariseInputs } from '../../src/lib/quota/inputs-summary.ts';
import { formatAmount } from '../../src/lib/quota/number-input.ts';
import { lastToFirstMonth } from '../../src/lib/quota/usage.ts';

const quote = (input: EstimateInput) => estimateRobotQuote(input, samplePriceList);

describe('growth by the year', () => {
  test.each([10, 3.3, -13.7, -50, 50, 200])('month m uses monthly × (1 + g/100)^floor((m−1)/12), at %d%% a year', (growth) => {
    const monthly = 1_234.5;
    const e = quote({ robots: 1, monthlyConversations: monthly, monthlyGrowthPercent: growth, growthPeriod: 'year', years: 5 });
    // Brute force, month by month: month m's use is its rate times the first month's,
    // counted whole as the year goes (the estimate rounds each year's running total up).
    const rate = (m: number) => monthly * (1 + growth / 100) ** Math.floor((m - 1) / 12);
    const whole = (n: number) => Math.max(0, Math.ceil(n - 1e-6));
    e.monthly.forEach(({ month, usage }) => {
      const inYear = (month - 1) % 12;
      expect(usage, `month ${month}`).toBe(whole((inYear + 1) * rate(month)) - whole(inYear * rate(month)));
    });
    e.years.forEach((year, y) => {
      // Closed form, independent of the sum: 12 months at the year's rate.
      expect(year.usage).toBe(Math.max(0, Math.ceil(12 * monthly * (1 + growth / 100) ** y - 1e-6)));
      const months = e.monthly.slice(12 * y, 12 * y + 12);
      expect(months.reduce((s, m) => s + m.usage, 0)).toBe(year.usage);
      // Within a year every month uses the same, give or take the rounding to whole conversations.
      for (const m of months) expect(Math.abs(m.usage - monthly * (1 + growth / 100) ** y)).toBeLessThanOrEqual(1);
    });
  });

  test('10 % a year from 80,000 a month: 960,000, 1,056,000 and 1,161,600 conversations', () => {
    const e = quote({ robots: 3, monthlyConversations: 80_000, monthlyGrowthPercent: 10, growthPeriod: 'year', years: 3 });
    expect(e.years.map((y) => y.usage)).toEqual([960_000, 1_056_000, 1_161_600]);
    expect(e.monthly.slice(0, 12).every((m) => m.usage === 80_000)).toBe(true);
    expect(e.monthly.slice(24).every((m) => m.usage === 96_800)).toBe(true);
  });

  test('left out, the growth is by the month, as quotes and links made before the field mean', () => {
    const input = { robots: 3, monthlyConversations: 80_000, monthlyGrowthPercent: 5, years: 3 };
    expect(quote(input)).toEqual(quote({ ...input, growthPeriod: 'month' }));
    expect(quote(input)).not.toEqual(quote({ ...input, growthPeriod: 'year' }));
  });

  test('a yearly growth past the estimate’s range is refused in its own words, by the API and the island alike', () => {
    // 1e8 a month is 1.2e9 a year; at 200 % a year (3 ×) the fifth is 1.2e9 × 81 ≈ 9.7e10, in range.
    const inRange = { robots: 1, monthlyConversations: 100_000_000, monthlyGrowthPercent: 200, growthPeriod: 'year' as const, years: 5, carryOverBalance: 0 };
    expect(checkInputs(inRange, 'year').ok).toBe(true);
    // By the month the same figures are refused in year 1.
    const island = checkInputs(inRange, 'month');
    expect(island.ok ? '' : island.errors.monthlyGrowthPercent).toBe('增长率：按每月 200% 增长，第 1 年的对话量将超过 1 万亿次，超出估算范围，请调低');
    let refusal = '';
    try {
      quote({ ...inRange, growthPeriod: 'month' });
    } catch (error) {
      expect(error).toBeInstanceOf(EstimateRangeError);
      refusal = (error as Error).message;
    }
    expect(refusal).toBe(island.ok ? undefined : island.errors.monthlyGrowthPercent);
  });
});

describe('the note on steep growth', () => {
  test('10 % a month for 3 years: month 36 is about 28 times month 1, and the note says so and where to change it', () => {
    const input = { monthlyConversations: 80_000, monthlyGrowthPercent: 10, years: 3 };
    expect(lastToFirstMonth(input)).toBeCloseTo(1.1 ** 35, 10);
    expect(steepGrowthNote(input, { editable: true })).toBe(
      '按每月增长 10%，最后一个月（第 3 年第 12 个月）的对话量约是首月的 28 倍，费用随之上升。如果预计的是每年增长 10%，请把增长周期改为「每年」。',
    );
    // A saved quote cannot be changed: the note does not point at a field that is not there.
    expect(steepGrowthNote(input, { editable: false })).toBe('按每月增长 10%，最后一个月（第 3 年第 12 个月）的对话量约是首月的 28 倍，费用随之上升。');
  });

  test.each([
    // 10 % a year for 3 years is 1.21 times: no note.
    [{ monthlyConversations: 80_000, monthlyGrowthPercent: 10, growthPeriod: 'year' as const, years: 3 }, undefined],
    // 150 % a year for 3 years is 6.25 times.
    [{ monthlyConversations: 1_000, monthlyGrowthPercent: 150, growthPeriod: 'year' as const, years: 3 }, '按每年增长 150%，最后一个月（第 3 年第 12 个月）的对话量约是首月的 6.3 倍，费用随之上升。请确认这个增长率是否符合预期。'],
    // 5 % a month for 3 years is 1.05³⁵ = 5.5 times.
    [{ monthlyConversations: 1_000, monthlyGrowthPercent: 5, years: 3 }, '按每月增长 5%，最后一个月（第 3 年第 12 个月）的对话量约是首月的 5.5 倍，费用随之上升。如果预计的是每年增长 5%，请把增长周期改为「每年」。'],
    [{ monthlyConversations: 1_000, monthlyGrowthPercent: -10, years: 5 }, undefined],
    [{ monthlyConversations: 0, monthlyGrowthPercent: 200, years: 5 }, undefined],
    [{ monthlyConversations: 1_000, monthlyGrowthPercent: 0, years: 5 }, undefined],
  ])('%o → %s', (input, note) => {
    expect(steepGrowthNote(input, { editable: true })).toBe(note);
  });

  test('exactly 5 times is no note; a hair more is', () => {
    // (1 + g)² = 5 by the year over 3 years.
    const exact = { monthlyConversations: 1, monthlyGrowthPercent: 123.60679774997897, growthPeriod: 'year' as const, years: 3 };
    expect(lastToFirstMonth(exact)).toBeCloseTo(5, 12);
    expect(steepGrowthNote({ ...exact, monthlyGrowthPercent: 123.6 }, { editable: true })).toBeUndefined();
    expect(steepGrowthNote({ ...exact, monthlyGrowthPercent: 123.7 }, { editable: true })).toContain('约是首月的 5 倍');
  });
});

describe('the growth period where the inputs go', () => {
  const values: CalculatorValues = { robots: 3, monthlyConversations: 80_000, monthlyGrowthPercent: 10, growthPeriod: 'year', years: 3, carryOverBalance: 0 };

  test('the link keeps it beside the growth; by the month (the default) it is left out', () => {
    expect(writeCalculatorQuery(values)).toBe('?robots=3&monthly=80000&growth=10&period=year&years=3');
    expect(readCalculatorQuery('?robots=3&monthly=80000&growth=10&period=year&years=3')).toEqual({
      values: { robots: 3, monthlyConversations: 80_000, monthlyGrowthPercent: 10, years: 3 },
      growthPeriod: 'year',
    });
    expect(writeCalculatorQuery({ ...values, growthPeriod: 'month' })).toBe('?robots=3&monthly=80000&growth=10&years=3');
    // Links made before the field, and junk, read as no period (the calculator's default).
    expect(readCalculatorQuery('?growth=10').growthPeriod).toBeUndefined();
    expect(readCalculatorQuery('?growth=10&period=week').growthPeriod).toBeUndefined();
  });

  test('the CSV lists the inputs under the table, with the period in words', () => {
    const csv = estimateToCsv(quote(values), undefined, values);
    const rows = csv.replace('\uFEFF', '').trim().split('\r\n');
    expect(rows.slice(-8)).toEqual(['', '估算条件', '机器人数量,3,个', '首月预计对话量,80000,次/月', '增长率,10,%', '合同年限,3,年', '本期剩余次数,0,次', '增长周期,每年']);
  });

  test('printed and on a saved quote the inputs read as on screen: 8 万, the unit beside the value', () => {
    expect(summariseInputs(values).map((l) => `${l.label} ${l.value}`)).toEqual([
      '机器人数量 3 个',
      '首月预计对话量 8 万次/月',
      '增长率 每年 10%',
      '合同年限 3 年',
      '本期剩余次数 0 次',
    ]);
    expect(summariseInputs({ ...values, monthlyGrowthPercent: -2.5, growthPeriod: 'month', monthlyConversations: 123_456, carryOverBalance: 25_000 }).map((l) => l.value)).toEqual([
      '3 个',
      '123,456 次/月',
      '每月 -2.5%',
      '3 年',
      '2.5 万次',
    ]);
    expect(summariseInputs({ ...values, monthlyGrowthPercent: 0 })[2]!.value).toBe('不增长');
  });

  test.each([
    [80_000, '8 万'],
    [125_000, '12.5 万'],
    [123_456, '123,456'],
    [9_000, '9,000'],
    [100_000_000, '1 亿'],
    [150_000_000, '1.5 亿'],
    [1_000_000_000, '10 亿'],
    [1234.5, '1,234.5'],
    [0, '0'],
  ])('formatAmount(%d) is %s', (n, text) => {
    expect(formatAmount(n)).toBe(text);
  });
});

describe('the API', () => {
  let api: ReturnType<typeof testApi>;
  afterEach(() => api?.close());

  test('estimates by the year, refuses a period it does not know naming the field, and documents it', async () => {
    api = testApi();
    const input = { robots: 3, monthlyConversations: 80_000, monthlyGrowthPercent: 10, growthPeriod: 'year', years: 3 };
    const res = await api.post('/robot-quota/estimate', input);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(quote(input as EstimateInput));

    const wrong = await api.post('/robot-quota/estimate', { ...input, growthPeriod: 'week' });
    expect(wrong.status).toBe(400);
    expect((await wrong.json()).error.fields).toEqual([{ path: 'growthPeriod', message: '增长周期：请选择 month（每月）或 year（每年）' }]);

    const doc = await (await api.get('/openapi.json')).json();
    expect(doc.components.schemas.EstimateInput.properties.growthPeriod).toMatchObject({ type: 'string', enum: ['month', 'year'], default: 'month' });
    expect(doc.components.schemas.EstimateInput.properties.growthPeriod.description).toContain('floor((m−1)/12)');
  });

  test('a quote saved by the year reopens by the year; one saved before the field reopens by the month', async () => {
    api = testApi();
    const saved = await (await api.post('/robot-quota/quotes', { robots: 2, monthlyConversations: 90_000, monthlyGrowthPercent: 20, growthPeriod: 'year', years: 2 })).json();
    expect((await (await api.get(`/robot-quota/quotes/${saved.id}`)).json()).input.growthPeriod).toBe('year');

    const old = { robots: 2, monthlyConversations: 90_000, monthlyGrowthPercent: 5, years: 2, carryOverBalance: 0 };
    const stored = await api.store.saveQuote({ input: old, estimate: quote(old), priceListVersion: samplePriceList.version });
    const reopened = await (await api.get(`/robot-quota/quotes/${stored.id}`)).json();
    expect(reopened.input).toEqual({ ...old, growthPeriod: 'month' });
    expect(reopened.estimate).toEqual(quote({ ...old, growthPeriod: 'month' }));
  });
});
