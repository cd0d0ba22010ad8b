// The calculator's input rules: one message per field, one way to write a range, and the
// island's check agreeing with the API's schema value for value (it is built from them).
import { describe, expect, test } from 'vitest';
import { CALCULATOR_DEFAULTS, CALCULATOR_FIELDS, type CalculatorField } from '../../src/lib/quota/calculator-query.ts';
import { EstimateRangeError, estimateInputSchema, estimateRobotQuote } from '../../src/lib/quota/estimate.ts';
import { INPUT_RULES, checkInputs, fieldMessage, rangeText } from '../../src/lib/quota/input-rules.ts';
import { priceListSchema } from '../../src/lib/quota/price-list.ts';
import sampleJson from '../../content/price-list.sample.json' with { type: 'json' };

const sample = priceListSchema.parse(sampleJson);

describe('input rules', () => {
  test('each field has its own message, with its label and its range', () => {
    expect(Object.fromEntries(CALCULATOR_FIELDS.map((f) => [f, fieldMessage(f)]))).toEqual({
      robots: '机器人数量：请输入 1 到 1000 之间的整数',
      monthlyConversations: '首月预计对话量：请输入 0 到 1 亿之间的数字',
      monthlyGrowthPercent: '增长率：请输入 -50 到 200 之间的数字',
      years: '合同年限：请输入 1 到 5 之间的整数',
      carryOverBalance: '本期剩余次数：请输入 0 到 10 亿之间的整数',
    });
    expect(rangeText('robots')).toBe('1 到 1000');
  });

  test('the island’s check and the API’s schema agree on every value, with the same message', () => {
    const probes = (f: CalculatorField) => {
      const { min, max } = INPUT_RULES[f];
      return [min, max, min - 1, max + 1, min - 0.01, max + 0.01, (min + max) / 2, min + 0.5, Math.round((min + max) / 3) + 0.25, NaN, Infinity, -Infinity];
    };
    let compared = 0;
    for (const field of CALCULATOR_FIELDS) {
      for (const value of probes(field)) {
        const input = { ...CALCULATOR_DEFAULTS, [field]: value };
        const api = estimateInputSchema.safeParse(input);
        const island = checkInputs(input);
        expect(island.ok, `${field} = ${value}`).toBe(api.success);
        if (!api.success && !island.ok) {
          expect(api.error.issues.map((i) => [i.path[0], i.message])).toEqual([[field, island.errors[field]]]);
        }
        compared++;
      }
    }
    expect(compared).toBe(60);
  });

  test('a value that is not a number gets its field’s message', () => {
    const check = checkInputs({ ...CALCULATOR_DEFAULTS, robots: null, carryOverBalance: null });
    expect(check).toEqual({ ok: false, errors: { robots: fieldMessage('robots'), carryOverBalance: fieldMessage('carryOverBalance') } });
  });

  test('a growth the API refuses for its yearly use is refused here first, in the same words', () => {
    for (const [growth, years] of [[50, 1], [50, 2], [200, 5], [30, 5], [20, 5], [-50, 5]] as const) {
      const input = { robots: 1, monthlyConversations: 100_000_000, monthlyGrowthPercent: growth, years, carryOverBalance: 0 };
      let refusal: string | undefined;
      try {
        estimateRobotQuote(input, sample);
      } catch (error) {
        if (!(error instanceof EstimateRangeError)) throw error;
        expect(error.field).toBe('monthlyGrowthPercent');
        refusal = error.message;
      }
      const island = checkInputs(input);
      expect(island.ok ? undefined : island.errors.monthlyGrowthPercent, `${growth}% × ${years}`).toBe(refusal);
    }
    expect(checkInputs({ robots: 1, monthlyConversations: 100_000_000, monthlyGrowthPercent: 50, years: 2, carryOverBalance: 0 })).toEqual({
      ok: false,
      errors: { monthlyGrowthPercent: '增长率：按每月 50% 增长，第 2 年的对话量将超过 1 万亿次，超出估算范围，请调低' },
    });
  });
});
