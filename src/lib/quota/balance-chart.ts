// Geometry of the month-by-month balance chart: pure numbers, drawn as SVG by the island.
import type { Estimate } from './estimate.ts';

export interface ChartBox {
  width: number;
  height: number;
  /** Room for axis labels: left, bottom, top, right. */
  padding: { left: number; bottom: number; top: number; right: number };
  /** Room one year label needs to the right of its mark; closer marks go unlabelled. */
  yearLabelWidth?: number;
}

export interface BalanceChartGeometry {
  /** SVG path of the balance line. */
  line: string;
  /** SVG path of the area under it. */
  area: string;
  /** Horizontal grid lines with their labels. */
  yTicks: { y: number; value: number }[];
  /** Year boundaries (x) with the year they start, and whether there is room to label it. */
  yearMarks: { x: number; year: number; labelled: boolean }[];
  /** Highest balance shown. */
  max: number;
}

/** A round upper bound for the axis: 1, 2 or 5 times a power of ten. */
export function niceCeiling(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}

export function balanceChartGeometry(monthly: Estimate['monthly'], box: ChartBox): BalanceChartGeometry {
  const { width, height, padding } = box;
  const innerW = width - padding.left - padding.right;
  const innerH = height - padding.top - padding.bottom;
  const max = niceCeiling(Math.max(0, ...monthly.map((m) => m.balance)));
  const x = (monthIndex: number) => padding.left + (monthly.length ? (monthIndex / monthly.length) * innerW : 0);
  const y = (value: number) => padding.top + innerH - (value / max) * innerH;
  // Each point sits at the end of its month. A year starts with a jump up (its included
  // conversations and packs), drawn as a vertical step at the year's first day.
  const point = (xi: number, value: number) => `${x(xi).toFixed(1)},${y(value).toFixed(1)}`;
  const points: string[] = [];
  monthly.forEach((m, i) => {
    if (i % 12 === 0) points.push(point(i, m.balance + m.usage));
    points.push(point(i + 1, m.balance));
  });
  const line = points.length ? `M${points.join('L')}` : '';
  const base = (padding.top + innerH).toFixed(1);
  const area = monthly.length ? `${line}L${x(monthly.length).toFixed(1)},${base}L${x(0).toFixed(1)},${base}Z` : '';
  const yTicks = [0, 0.25, 0.5, 0.75, 1].map((f) => ({ y: y(max * f), value: max * f }));
  // In a narrow box, label every second (third, …) year so that labels never overlap,
  // always starting with the first year and never running past the right edge.
  const labelWidth = box.yearLabelWidth ?? 0;
  const yearMarks = [];
  let lastLabelled = -Infinity;
  for (let i = 0; i < monthly.length; i += 12) {
    const labelled = x(i) - lastLabelled >= labelWidth && x(i) + labelWidth <= width;
    if (labelled) lastLabelled = x(i);
    yearMarks.push({ x: x(i), year: i / 12 + 1, labelled });
  }
  return { line, area, yTicks, yearMarks, max };
}
