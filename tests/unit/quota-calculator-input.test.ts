import { describe, expect, test } from 'vitest';
import { formatContractMonth, formatCount, formatInWords, formatYuan, parseAmount } from '../../src/lib/quota/number-input.ts';
import { readCalculatorQuery, writeCalculatorQuery } from '../../src/lib/quota/calculator-query.ts';

describe('parseAmount: numbers as people type them', () => {
  test.each([
    ['50000', 50000],
    ['50,000', 50000],
    ['5万', 50000],
    ['5 万', 50000],
    ['1.2万', 12000],
    ['５万', 50000],
    ['５０，０００', 50000],
    ['3亿', 300_000_000],
    ['2k', 2000],
    ['8w', 80000],
    ['-5', -5],
    ['－5%', -5],
    ['12.5%', 12.5],
    ['+3', 3],
    ['.5', 0.5],
    ['0', 0],
  ])('%s → %d', (text, expected) => {
    expect(parseAmount(text)).toBe(expected);
  });

  test.each(['', '五万', 'abc', '5万万', '1.2.3', '--5', '5 0 0 0 x'])('%s is not a number', (text) => {
    expect(parseAmount(text)).toBeNull();
  });
});

describe('formatting', () => {
  test.each([
    [formatCount(50000), '50,000'],
    [formatCount(1234567.891, 2), '1,234,567.89'],
    [formatCount(12.5, 2), '12.5'],
    [formatCount(-5), '-5'],
    [formatCount(0), '0'],
    [formatYuan(12345.5), '¥12,345.50'],
    [formatYuan(0.1 + 0.2), '¥0.30'],
    [formatYuan(9800), '¥9,800.00'],
    [formatInWords(50000), '5 万'],
    [formatInWords(125000), '12.5 万'],
    [formatInWords(120_000_000), '1.2 亿'],
    [formatInWords(9999), ''],
    // Months of the contract, which may start in any calendar month: never "3 月".
    [formatContractMonth(3), '第 1 年第 3 个月'],
    [formatContractMonth(12), '第 1 年第 12 个月'],
    [formatContractMonth(13), '第 2 年第 1 个月'],
  ])('%s', (actual, expected) => {
    expect(actual).toBe(expected);
  });
});

describe('calculator query', () => {
  test('round-trips values, leaving defaults out of the URL', () => {
    const query = writeCalculatorQuery({ robots: 3, monthlyConversations: 120000, monthlyGrowthPercent: 0, years: 2, carryOverBalance: 0 });
    expect(query).toBe('?robots=3&monthly=120000&years=2');
    expect(readCalculatorQuery(query)).toEqual({ values: { robots: 3, monthlyConversations: 120000, years: 2 } });
  });

  test('all defaults give an empty query', () => {
    expect(writeCalculatorQuery({ robots: 1, monthlyConversations: 50000 })).toBe('');
  });

  test('reads what people paste: 5万 and commas; ignores junk', () => {
    expect(readCalculatorQuery('?monthly=5%E4%B8%87&carry=10,000&robots=lots')).toEqual({
      values: { monthlyConversations: 50000, carryOverBalance: 10000 },
    });
  });

  test('a quote is read as the link gives it (the store checks it is an id); an empty one is none', () => {
    expect(readCalculatorQuery('?quote=Ab3dEf7hJk9m').quote).toBe('Ab3dEf7hJk9m');
    expect(readCalculatorQuery('?quote=Ab3dEf7h').quote).toBe('Ab3dEf7h');
    expect(readCalculatorQuery('?quote=').quote).toBeUndefined();
  });
});
