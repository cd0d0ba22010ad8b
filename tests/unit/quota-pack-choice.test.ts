// choosePacks on cases worked out by hand. Against a brute force and for large
// deficits: quota-pack-choice-exact.test.ts.
import { describe, expect, test } from 'vitest';
import { choosePacks, type Pack } from '../../src/lib/quota/pack-choice.ts';
import { counts } from '../support/pack-choice.ts';

const samplePacks: Pack[] = [
  { id: 'pack-10k', conversations: 10_000, priceFen: 68_000 },
  { id: 'pack-50k', conversations: 50_000, priceFen: 300_000 },
  { id: 'pack-100k', conversations: 100_000, priceFen: 550_000 },
  { id: 'pack-500k', conversations: 500_000, priceFen: 2_500_000 },
];

describe('choosePacks by hand', () => {
  const a1k = { id: 'a', conversations: 1_000, priceFen: 1_000 };
  test.each([
    { name: 'nothing for no deficit', deficit: 0, packs: samplePacks, expected: {}, costFen: 0, purchased: 0 },
    {
      name: 'one small pack for a small deficit',
      deficit: 1,
      packs: samplePacks,
      expected: { 'pack-10k': 1 },
      costFen: 68_000,
      purchased: 10_000,
    },
    {
      name: 'exactly one pack',
      deficit: 50_000,
      packs: samplePacks,
      expected: { 'pack-50k': 1 },
      costFen: 300_000,
      purchased: 50_000,
    },
    {
      name: 'two small packs beat one big',
      deficit: 20_000,
      packs: samplePacks,
      expected: { 'pack-10k': 2 },
      costFen: 136_000,
      purchased: 20_000,
    },
    {
      name: 'five small packs cost more than one 5万',
      deficit: 41_000,
      packs: samplePacks,
      expected: { 'pack-50k': 1 },
      costFen: 300_000,
      purchased: 50_000,
    },
    {
      name: 'mixed packs, in list order',
      deficit: 660_000,
      packs: samplePacks,
      expected: { 'pack-10k': 1, 'pack-50k': 1, 'pack-100k': 1, 'pack-500k': 1 },
      costFen: 3_418_000,
      purchased: 660_000,
    },
    {
      name: 'a cost tie goes to fewer conversations',
      deficit: 1_000,
      packs: [{ id: 'big', conversations: 2_000, priceFen: 1_000 }, a1k],
      expected: { a: 1 },
      costFen: 1_000,
      purchased: 1_000,
    },
    {
      name: 'a cost and size tie goes to fewer packs',
      deficit: 2_000,
      packs: [a1k, { id: 'b', conversations: 2_000, priceFen: 2_000 }],
      expected: { b: 1 },
      costFen: 2_000,
      purchased: 2_000,
    },
    {
      // Equal value everywhere: the residue bound does not fit, so the exact table decides.
      name: 'a tie among many combinations goes to the fewest packs',
      deficit: 17_000,
      packs: [
        { id: 'p9k', conversations: 9_000, priceFen: 90 },
        { id: 'p1k', conversations: 1_000, priceFen: 10 },
        { id: 'p12k', conversations: 12_000, priceFen: 120 },
      ],
      expected: { p1k: 5, p12k: 1 },
      costFen: 170,
      purchased: 17_000,
    },
    {
      // Two residue paths cost the same; the one with fewer packs must win.
      name: 'equal residue costs go to fewer packs',
      deficit: 38_000,
      packs: [
        { id: 'best', conversations: 12_000, priceFen: 108 },
        { id: 'p5k', conversations: 5_000, priceFen: 46 },
        { id: 'p17k', conversations: 17_000, priceFen: 154 },
        { id: 'p8k', conversations: 8_000, priceFen: 74 },
      ],
      expected: { p5k: 1, p17k: 1, p8k: 2 },
      costFen: 348,
      purchased: 38_000,
    },
    {
      // In the exact table 9,000 and 10,000 both cost 22 fen; the smaller total must win.
      name: 'the exact table prefers fewer conversations on a cost tie',
      deficit: 9_000,
      packs: [
        { id: 'best', conversations: 4_000, priceFen: 8 },
        { id: 'p19k', conversations: 19_000, priceFen: 39 },
        { id: 'p6k', conversations: 6_000, priceFen: 14 },
        { id: 'p3k', conversations: 3_000, priceFen: 8 },
      ],
      expected: { p6k: 1, p3k: 1 },
      costFen: 22,
      purchased: 9_000,
    },
    {
      name: 'a huge deficit with the sample packs',
      deficit: 5_000_000_000,
      packs: samplePacks,
      expected: { 'pack-500k': 10_000 },
      costFen: 25_000_000_000,
      purchased: 5_000_000_000,
    },
    {
      name: 'a huge deficit just past a round number',
      deficit: 5_000_000_001,
      packs: samplePacks,
      expected: { 'pack-10k': 1, 'pack-500k': 10_000 },
      costFen: 25_000_068_000,
      purchased: 5_000_010_000,
    },
  ])('$name', ({ deficit, packs, expected, costFen, purchased }) => {
    const choice = choosePacks(deficit, packs);
    expect(counts(choice)).toEqual(expected);
    expect(choice.costFen).toBe(costFen);
    expect(choice.purchased).toBe(purchased);
    expect(choice.packCount).toBe(Object.values(expected).reduce((s, n) => s + n, 0));
  });

  test.each([
    ['a negative deficit', -1, samplePacks],
    ['a fractional deficit', 1.5, samplePacks],
    ['no packs', 1, []],
    ['a free pack', 1, [{ id: 'free', conversations: 1_000, priceFen: 0 }]],
    [
      'pack sizes too far apart',
      1,
      [
        { id: 'a', conversations: 1_000, priceFen: 100 },
        { id: 'b', conversations: 999_000, priceFen: 90_000 },
      ],
    ],
  ])('refuses %s', (_, deficit, packs) => {
    expect(() => choosePacks(deficit, packs)).toThrow(RangeError);
  });
});
