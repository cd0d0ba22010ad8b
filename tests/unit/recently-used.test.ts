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
