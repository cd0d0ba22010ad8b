import { describe, expect, test } from 'vitest';
import { priceListSchema, toFen, toYuan } from '../../src/lib/quota/price-list.ts';
import sample from '../../content/price-list.sample.json' with { type: 'json' };

const pack = (id: string, conversations: number, price: number) => ({ id, name: `${id} 对话包`, conversations, price });

describe('price list', () => {
  test('the shipped sample parses', () => {
    const list = priceListSchema.parse(sample);
    expect(list.sample).toBe(true);
    expect(list.packs.map((p) => p.id)).toEqual(['pack-10k', 'pack-50k', 'pack-100k', 'pack-500k']);
  });

  test('accepts two-decimal prices and a free licence', () => {
    const list = {
      ...sample,
      robotLicencePerYear: 0,
      packs: [pack('a', 10_000, 0.29), pack('b', 20_000, 99_999_999.99)],
    };
    expect(priceListSchema.safeParse(list).success).toBe(true);
  });

  test('accepts realistic pack sizes (1万/5万/10万/50万/100万)', () => {
    const sizes = [10_000, 50_000, 100_000, 500_000, 1_000_000];
    const list = { ...sample, packs: sizes.map((n, i) => pack(`p${i}`, n, n / 100 - i * 10)) };
    expect(priceListSchema.safeParse(list).success).toBe(true);
  });

  test.each([
    ['a currency other than CNY', { currency: 'USD' }, ['currency']],
    ['a version too long', { version: 'x'.repeat(41) }, ['version']],
    ['sample as text', { sample: 'yes' }, ['sample']],
    [
      'fractional included conversations',
      { includedConversationsPerRobotYear: 1.5 },
      ['includedConversationsPerRobotYear'],
    ],
    ['a negative licence price', { robotLicencePerYear: -1 }, ['robotLicencePerYear']],
    ['a licence price with three decimals', { robotLicencePerYear: 12.345 }, ['robotLicencePerYear']],
    ['a pack price with three decimals', { packs: [pack('a', 10_000, 12.345)] }, ['packs', 0, 'price']],
    ['a free pack', { packs: [pack('a', 10_000, 0)] }, ['packs', 0, 'price']],
    ['a negative pack price with three decimals (one issue, not two)', { packs: [pack('a', 10_000, -12.345)] }, ['packs', 0, 'price']],
    ['a pack too small', { packs: [pack('a', 999, 10)] }, ['packs', 0, 'conversations']],
    ['a bad pack id', { packs: [pack('Pack A', 10_000, 10)] }, ['packs', 0, 'id']],
    ['a duplicate pack id', { packs: [pack('a', 10_000, 10), pack('a', 20_000, 19)] }, ['packs', 1, 'id']],
    ['no packs', { packs: [] }, ['packs']],
    [
      'eleven packs',
      { packs: Array.from({ length: 11 }, (_, i) => pack(`p${i}`, 10_000 * (i + 1), 100 * (i + 1))) },
      ['packs'],
    ],
    // gcd 1,000: best value 999,000 is 999 units, largest 1,000 units: 999,000 > 250,000.
    [
      'sizes without a common factor',
      { packs: [pack('a', 1_000, 100), pack('b', 1_000_000, 99_000), pack('c', 999_000, 90_000)] },
      ['packs'],
    ],
    ['an unknown field', { discount: 0.9 }, []],
  ])('refuses %s', (_, patch, path) => {
    const result = priceListSchema.safeParse({ ...sample, ...patch });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path)).toEqual([path]);
    expect(result.error!.issues[0]!.message).toMatch(/[\u4e00-\u9fff]/);
  });

  test('names the duplicate and asks for a common factor in Chinese', () => {
    const dup = priceListSchema.safeParse({
      ...sample,
      packs: [pack('a', 10_000, 10), pack('b', 20_000, 19), pack('a', 30_000, 28)],
    });
    expect(dup.error!.issues[0]!.path).toEqual(['packs', 2, 'id']);
    expect(dup.error!.issues[0]!.message).toContain('a');
    const spread = priceListSchema.safeParse({ ...sample, packs: [pack('a', 1_000, 100), pack('b', 999_000, 90_000)] });
    expect(spread.error!.issues[0]!.message).toContain('10,000 的整数倍');
  });

  test('a pack that fails its own checks does not break the list-wide checks', () => {
    const result = priceListSchema.safeParse({ ...sample, packs: [pack('a', 10_000, 10), { id: 'b' }, null] });
    expect(result.success).toBe(false);
    expect(result.error!.issues.every((i) => i.path[0] === 'packs')).toBe(true);
  });
});

describe('fen and yuan', () => {
  test.each([
    [0.1, 10],
    [0.29, 29],
    [9800, 980_000],
    [99_999_999.99, 9_999_999_999],
  ])('%d yuan is %d fen and back', (yuan, fen) => {
    expect(toFen(yuan)).toBe(fen);
    expect(toYuan(fen)).toBe(yuan);
  });
});
