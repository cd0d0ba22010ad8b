// choosePacks is exact: against a brute force on random pack lists, and for large
// deficits and extreme prices. Cases by hand: quota-pack-choice.test.ts.
import { describe, expect, test } from 'vitest';
import { choosePacks, type Pack, type PackChoice } from '../../src/lib/quota/pack-choice.ts';
import { counts } from '../support/pack-choice.ts';

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
