import { describe, expect, test } from 'vitest';
import { balanceChartGeometry, niceCeiling } from '../../src/lib/quota/balance-chart.ts';
import { estimateToCsv } from '../../src/lib/quota/estimate-csv.ts';
import { estimateRobotQuote } from '../../src/lib/quota/estimate.ts';
import { samplePriceList } from '../support/api.ts';

const estimate = estimateRobotQuote({ robots: 2, monthlyConversations: 120_000, years: 2 }, samplePriceList);

describe('CSV export', () => {
  const csv = estimateToCsv(estimate, (id) => (id === 'pack-10k' ? '1 万次对话包' : id));
  const rows = csv.replace('\uFEFF', '').trim().split('\r\n');

  test('starts with a BOM so Excel and WPS read Chinese', () => {
    expect(csv.startsWith('\uFEFF')).toBe(true);
  });

  test('has a header, one row per year and a total, with the same numbers as the estimate', () => {
    expect(rows).toHaveLength(1 + estimate.years.length + 1);
    // The words of the calculator's table: 包含, not 赠送; 剩余, not 余额.
    expect(rows[0]!.split(',').slice(0, 3).concat(rows[0]!.split(',')[7]!)).toEqual(['年度', '上年转入', '年度包含', '年末剩余']);
    const year1 = rows[1]!.split(',');
    expect(year1[0]).toBe('第 1 年');
    expect(Number(year1[3])).toBe(estimate.years[0]!.usage);
    expect(Number(year1[10])).toBe(estimate.years[0]!.cost);
    expect(rows.at(-1)!.split(',').at(-1)).toBe(estimate.totalCost.toFixed(2));
  });

  test('quotes cells with commas and defuses spreadsheet formulas', () => {
    const hostile = estimateToCsv(estimate, () => '=HYPERLINK("x"),包');
    expect(hostile).toContain(`"'=HYPERLINK(""x""),包 × `);
  });
});

describe('balance chart geometry', () => {
  const box = { width: 600, height: 200, padding: { left: 50, bottom: 20, top: 10, right: 10 } };

  test.each([
    [0, 1],
    [7, 10],
    [101, 200],
    [4_300_000, 5_000_000],
    [1_000_000, 1_000_000],
  ])('niceCeiling(%d) = %d', (value, expected) => {
    expect(niceCeiling(value)).toBe(expected);
  });

  test('one line point per month plus a step at each year start, all inside the box', () => {
    const g = balanceChartGeometry(estimate.monthly, box);
    const points = g.line.slice(1).split('L').map((p) => p.split(',').map(Number));
    expect(points).toHaveLength(estimate.monthly.length + estimate.years.length);
    for (const [x, y] of points) {
      expect(x).toBeGreaterThanOrEqual(box.padding.left);
      expect(x).toBeLessThanOrEqual(box.width - box.padding.right);
      expect(y).toBeGreaterThanOrEqual(box.padding.top);
      expect(y).toBeLessThanOrEqual(box.height - box.padding.bottom);
    }
    expect(g.yearMarks.map((m) => m.year)).toEqual([1, 2]);
    expect(g.max).toBeGreaterThanOrEqual(Math.max(...estimate.monthly.map((m) => m.balance)));
  });

  test('year labels that would overlap in a narrow box are left out, the first always kept', () => {
    const months = Array.from({ length: 60 }, (_, i) => ({ month: i + 1, usage: 10, balance: 100 }));
    const wide = balanceChartGeometry(months, { ...box, yearLabelWidth: 52 });
    expect(wide.yearMarks.map((m) => m.labelled)).toEqual([true, true, true, true, true]);
    const narrow = balanceChartGeometry(months, { width: 294, height: 200, padding: box.padding, yearLabelWidth: 52 });
    expect(narrow.yearMarks.map((m) => m.labelled)).toEqual([true, false, true, false, true]);
    const labelled = narrow.yearMarks.filter((m) => m.labelled);
    for (const [a, b] of labelled.slice(1).map((m, i) => [labelled[i]!, m] as const)) expect(b.x - a.x).toBeGreaterThanOrEqual(52);
    for (const m of labelled) expect(m.x + 52).toBeLessThanOrEqual(294);
  });

  test('no months, no line', () => {
    expect(balanceChartGeometry([], box).line).toBe('');
  });
});
