import { describe, expect, test } from 'vitest';
import { choosePacks, type Pack, type PackChoice } from '../../src/lib/quota/pack-choice.ts';

const samplePacks: Pack[] = [
  { id: 'pack-10k', conversations: 10_000, priceFen: 68_000 },
  { id: 'pack-50k', conversations: 50_000, priceFen: 300_000 },
  { id: 'pack-100k', conversations: 100_000, priceFen: 550_000 },
  { id: 'pack-500k', conversations: 500_000, priceFen: 2_500_000 },
];

const counts = (choice: PackChoice) => Object.fromEntries(choice.packs.map((p) => [p.id, p.count]));

/** Seeded, so a failing random case can be replayed. */
function mulberry32(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Every count vector worth trying: the larger packs enumerated while the running total is
 * below deficit + largest size, the smallest pack then topped up just to the deficit.
 */
function bruteForce(deficit: number, packs: readonly Pack[]) {
  const order = [...packs].sort((x, y) => y.conversations - x.conversations);
  const smallest = order.pop()!;
  const limit = deficit + order.concat(smallest).reduce((m, p) => Math.max(m, p.conversations), 0);
  let best = { costFen: Infinity, purchased: Infinity, packCount: Infinity };
  const better = (c: typeof best) =>
    c.costFen < best.costFen ||
    (c.costFen === best.costFen &&
      (c.purchased < best.purchased || (c.purchased === best.purchased && c.packCount < best.packCount)));
  const visit = (i: number, total: number, costFen: number, packCount: number) => {
    if (i === order.length) {
      const n = Math.max(0, Math.ceil((deficit - total) / smallest.conversations));
      const candidate = {
        costFen: costFen + n * smallest.priceFen,
        purchased: total + n * smallest.conversations,
        packCount: packCount + n,
      };
      if (better(candidate)) best = candidate;
      return;
    }
    const p = order[i]!;
    for (let n = 0; total + n * p.conversations < limit; n++) {
      visit(i + 1, total + n * p.conversations, costFen + n * p.priceFen, packCount + n);
    }
  };
  visit(0, 0, 0, 0);
  return best;
}

function expectConsistent(deficit: number, packs: readonly Pack[], choice: PackChoice) {
  const largest = Math.max(...packs.map((p) => p.conversations));
  expect(choice.purchased).toBeGreaterThanOrEqual(deficit);
  expect(choice.purchased - deficit).toBeLessThan(largest);
  expect(choice.purchased).toBe(choice.packs.reduce((s, p) => s + p.count * p.conversations, 0));
  expect(choice.costFen).toBe(choice.packs.reduce((s, p) => s + p.count * p.priceFen, 0));
  expect(choice.packCount).toBe(choice.packs.reduce((s, p) => s + p.count, 0));
  expect(choice.packs.every((p) => p.count > 0)).toBe(true);
  const order = packs.map((p) => p.id);
  const positions = choice.packs.map((p) => order.indexOf(p.id));
  expect(positions).toEqual([...positions].sort((x, y) => x - y));
}

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

describe('choosePacks against brute force', () => {
  const random = mulberry32(20261101);
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const cases = Array.from({ length: 400 }, (_, n) => {
    // Half the lists have a coarse step, so the residue search (deficit ≥ (sB−1)·maxA)
    // is compared as often as the table over exact totals.
    const step = n % 2 === 0 ? 1_000 : 5_000;
    const packs: Pack[] = Array.from({ length: int(1, 4) }, (_, i) => ({
      id: `p${i}`,
      conversations: step * int(1, 20_000 / step),
      priceFen: int(1, 2_000) * (random() < 0.3 ? 100 : 1),
    }));
    return { n, deficit: int(0, 200_000), packs };
  });

  test.each(cases)('random case $n', ({ deficit, packs }) => {
    const choice = choosePacks(deficit, packs);
    expectConsistent(deficit, packs, choice);
    expect({ costFen: choice.costFen, purchased: choice.purchased, packCount: choice.packCount }).toEqual(
      deficit === 0 ? { costFen: 0, purchased: 0, packCount: 0 } : bruteForce(deficit, packs),
    );
  });

  // Packs nearly as good as the best one, with small deficits: the best residue's packs often
  // overshoot the deficit on their own, so the exact table has to decide.
  const tight = Array.from({ length: 150 }, (_, n) => {
    const sB = int(8, 20);
    const perUnit = int(100, 1_000);
    const packs: Pack[] = [
      { id: 'best', conversations: 1_000 * sB, priceFen: perUnit * sB },
      ...Array.from({ length: int(1, 3) }, (_, i) => {
        const size = int(Math.ceil(sB / 2), 20);
        return { id: `near${i}`, conversations: 1_000 * size, priceFen: perUnit * size + int(1, perUnit) };
      }),
    ];
    return { n, deficit: int(1, 150_000), packs };
  });

  test.each(tight)('near-tie case $n', ({ deficit, packs }) => {
    const choice = choosePacks(deficit, packs);
    expectConsistent(deficit, packs, choice);
    expect({ costFen: choice.costFen, purchased: choice.purchased, packCount: choice.packCount }).toEqual(
      bruteForce(deficit, packs),
    );
  });

  test('equal-value packs of different sizes', () => {
    const packs = [
      { id: 'a', conversations: 3_000, priceFen: 300 },
      { id: 'b', conversations: 5_000, priceFen: 500 },
      { id: 'c', conversations: 7_000, priceFen: 700 },
    ];
    for (let deficit = 1; deficit <= 60_000; deficit += 499) {
      const choice = choosePacks(deficit, packs);
      expect({ costFen: choice.costFen, purchased: choice.purchased, packCount: choice.packCount }).toEqual(
        bruteForce(deficit, packs),
      );
    }
  });
});

describe('choosePacks with large deficits', () => {
  const random = mulberry32(7);
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const cases = Array.from({ length: 60 }, (_, n) => {
    const step = [1_000, 10_000, 50_000][n % 3]!;
    const packs: Pack[] = Array.from({ length: int(1, 10) }, (_, i) => ({
      id: `p${i}`,
      conversations: step * int(1, 10),
      priceFen: int(1, 10_000_000),
    }));
    return { n, deficit: Math.floor(10 ** (8 + 3 * random())), packs };
  });

  test.each(cases)('random large case $n', ({ deficit, packs }) => {
    const choice = choosePacks(deficit, packs);
    expectConsistent(deficit, packs, choice);
    // Past the threshold the answer is periodic: one more best-value pack of deficit buys
    // exactly one more of that pack.
    const best = choosePacks(deficit + 1_000_000_000, packs);
    const bestValue = packs.reduce((b, p) =>
      p.priceFen * b.conversations < b.priceFen * p.conversations ||
      (p.priceFen * b.conversations === b.priceFen * p.conversations && p.conversations > b.conversations)
        ? p
        : b,
    );
    const extra = choosePacks(deficit + bestValue.conversations, packs);
    expect(extra.costFen).toBe(choice.costFen + bestValue.priceFen);
    expect(extra.purchased).toBe(choice.purchased + bestValue.conversations);
    expectConsistent(deficit + 1_000_000_000, packs, best);
  });

  test('extreme prices and deficits stay exact', () => {
    const packs = [
      { id: 'a', conversations: 1_000_000, priceFen: 10_000_000_000 },
      { id: 'b', conversations: 100_000_000, priceFen: 9_999_999_999 },
    ];
    const choice = choosePacks(1_000_000_000_000, packs);
    expect(counts(choice)).toEqual({ b: 10_000 });
    expect(choice.costFen).toBe(99_999_999_990_000);
    const odd = choosePacks(100_000_001, packs);
    expect(counts(odd)).toEqual({ b: 2 });
    expect(odd.costFen).toBe(19_999_999_998);
  });

  test('a cost beyond exact fen is refused, not rounded', () => {
    const packs = [{ id: 'a', conversations: 1_000, priceFen: 10_000_000_000 }];
    expect(() => choosePacks(1_000_000_000_000, packs)).toThrow(RangeError);
  });
});
