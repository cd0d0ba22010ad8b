import { expect, test } from 'vitest';
import { shownCell } from '../../src/lib/admin/table-cells.ts';

test.each([
  [80000, '80,000'],
  [999, '999'],
  ['1265920.00', '1,265,920.00'],
  [1234567, '1,234,567'],
  ['-4500', '-4,500'],
  ['0%', '0%'],
  ['12345678', '12,345,678'],
  ['2026/12/07 08:00:00', '2026/12/07 08:00:00'],
  ['/faq/a/', '/faq/a/'],
  ['v2026.12', 'v2026.12'],
])('%s → %s', (cell, shown) => {
  expect(shownCell(cell)).toBe(shown);
});
