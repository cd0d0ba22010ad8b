import { expect, test } from 'vitest';
import { RecentlyUsed } from '../../src/lib/recently-used.ts';

test('keeps at most max entries, dropping the least recently used (read or written) first', () => {
  const kept = new RecentlyUsed<string, number>(2);
  kept.set('a', 1);
  kept.set('b', 2);
  expect(kept.get('a')).toBe(1); // a is now the most recently used
  kept.set('c', 3);
  expect([kept.get('a'), kept.get('b'), kept.get('c'), kept.size]).toEqual([1, undefined, 3, 2]);
  kept.set('a', 4); // written again: most recent, not a second entry
  kept.set('d', 5);
  expect([kept.get('a'), kept.get('c'), kept.get('d')]).toEqual([4, undefined, 5]);
  kept.delete('a');
  expect([kept.get('a'), kept.size]).toEqual([undefined, 1]);
});

test('with no bound, keeps everything', () => {
  const kept = new RecentlyUsed<number, number>(Infinity);
  for (let i = 0; i < 5000; i++) kept.set(i, i);
  expect([kept.size, kept.get(0)]).toEqual([5000, 0]);
});

test('with a weight, keeps at most max of it: the least recently used go until the new one fits; one heavier than max is not kept', () => {
  const kept = new RecentlyUsed<string, number[]>(10, (list) => list.length);
  kept.set('a', [1, 2, 3, 4]);
  kept.set('b', [1, 2, 3, 4]);
  kept.get('a');
  kept.set('c', [1, 2, 3, 4, 5]); // b goes (least recently used); a (4) + c (5) fit
  expect([kept.get('a')?.length, kept.get('b'), kept.get('c')?.length]).toEqual([4, undefined, 5]);
  kept.set('a', [1]); // replaced: its weight is its new one
  kept.set('d', [1, 2, 3, 4]); // 1 + 5 + 4 fit
  expect(kept.size).toBe(3);
  kept.set('huge', Array.from({ length: 11 }, () => 0));
  expect([kept.get('huge'), kept.size]).toEqual([undefined, 3]);
});
