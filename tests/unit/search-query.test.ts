import { describe, expect, test } from 'vitest';
import { normaliseQuery } from '../../src/lib/search/query.ts';

describe('normaliseQuery: one spelling per query', () => {
  test.each([
    [' 发票 ', '发票'],
    ['退款  流程', '退款 流程'],
    ['退款\t\n流程', '退款 流程'],
    ['退款　流程', '退款 流程'], // the ideographic space a Chinese keyboard types
    ['VIP 会员', 'vip 会员'],
    ['   ', ''],
  ])('%j → %j', (query, expected) => {
    expect(normaliseQuery(query)).toBe(expected);
  });
});
