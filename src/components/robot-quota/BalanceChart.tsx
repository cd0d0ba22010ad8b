// The balance month by month as an SVG line, under a title saying what it draws, with a
// description and the monthly table as its text alternative. The drawing is as many units wide as the chart
// is pixels wide, so its labels keep their CSS size (13px) on a phone, on a desktop and
// on paper (drawn for the A4 page while printing, whatever the screen's width).
import { useEffect, useState } from 'preact/hooks';
import { balanceChartGeometry, type ChartBox } from '../../lib/quota/balance-chart.ts';
import type { Estimate } from '../../lib/quota/estimate.ts';
import { formatContractMonth, formatCount, formatInWords } from '../../lib/quota/number-input.ts';
import { ScrollArea } from './ScrollArea.tsx';
import { useMeasured } from './use-measured.ts';

const PADDING = { left: 72, bottom: 28, top: 12, right: 12 };
/** "第 5 年" at 13px, its 4px offset from the mark and a gap before the next label. */
const YEAR_LABEL_WIDTH = 56;

/** The chart's box for a drawing `width` px wide: flatter when wide, never under 200px tall. */
function chartBox(width: number): ChartBox {
  return { width, height: Math.round(Math.min(300, Math.max(200, width * 0.35))), padding: PADDING, yearLabelWidth: YEAR_LABEL_WIDTH };
}

/** A4's width less the page margins of robot-quota.css's @page (210 − 2 × 14 mm), in px. */
const PRINT_WIDTH = Math.round((182 / 25.4) * 96);

/** Whether the page is being printed (or shown as printed): from beforeprint to afterprint. */
function usePrinting() {
  const [printing, setPrinting] = useState(false);
  useEffect(() => {
    const print = matchMedia('print');
    const follow = () => setPrinting(print.matches);
    const start = () => setPrinting(true);
    print.addEventListener('change', follow);
    addEventListener('beforeprint', start);
    addEventListener('afterprint', follow);
    return () => {
      print.removeEventListener('change', follow);
      removeEventListener('beforeprint', start);
      removeEventListener('afterprint', follow);
    };
  }, []);
  return printing;
}

/** The box's content width in px (640 until measured). */
const contentWidth = (el: HTMLElement) => Math.round(el.clientWidth) || undefined;

const shortCount = (n: number) => (n >= 1e4 ? formatInWords(n).replace(' ', '') : formatCount(n));

export function BalanceChart({ estimate, idPrefix }: { estimate: Estimate; idPrefix: string }) {
  const { ref, value: screenWidth } = useMeasured(640, contentWidth);
  const box = chartBox(usePrinting() ? PRINT_WIDTH : screenWidth);
  const g = balanceChartGeometry(estimate.monthly, box);
  const last = estimate.monthly.at(-1);
  const lowest = Math.min(...estimate.monthly.map((m) => m.balance));
  return (
    <figure class="rq-chart">
      <p class="rq-chart-title" id={`${idPrefix}-chart-title`}>
        每月月末剩余次数（含当年加购）
      </p>
      <p class="rq-chart-note">每年续费时，剩余次数加上当年包含的次数和年初加购的对话包，之后逐月减去用量。</p>
      <div class="rq-chart-box" ref={ref}>
        <svg viewBox={`0 0 ${box.width} ${box.height}`} width={box.width} height={box.height} role="img" aria-labelledby={`${idPrefix}-chart-title ${idPrefix}-chart-desc`}>
          <desc id={`${idPrefix}-chart-desc`}>
            {`共 ${estimate.monthly.length} 个月；最少剩余 ${formatCount(lowest)} 次，期末剩余 ${formatCount(last?.balance ?? 0)} 次。`}
          </desc>
          {g.yTicks.map((t) => (
            <g key={t.value}>
              <line class="rq-grid" x1={box.padding.left} x2={box.width - box.padding.right} y1={t.y} y2={t.y} />
              <text class="rq-axis" x={box.padding.left - 8} y={t.y + 4} text-anchor="end">
                {shortCount(t.value)}
              </text>
            </g>
          ))}
          {g.yearMarks.map((m) => (
            <g key={m.year}>
              <line class="rq-year" x1={m.x} x2={m.x} y1={box.padding.top} y2={box.height - box.padding.bottom} />
              {m.labelled && (
                <text class="rq-axis" x={m.x + 4} y={box.height - 8}>
                  第 {m.year} 年
                </text>
              )}
            </g>
          ))}
          <path class="rq-area" d={g.area} />
          <path class="rq-line" d={g.line} />
        </svg>
      </div>
      <figcaption>
        <details>
          <summary>查看每月剩余次数（表格）</summary>
          <ScrollArea labelledBy={`${idPrefix}-monthly-caption`} hintId={`${idPrefix}-monthly-table-hint`}>
            <table>
              <caption id={`${idPrefix}-monthly-caption`} class="visually-hidden">
                每月用量与月末剩余次数
              </caption>
              <thead>
                <tr>
                  <th scope="col">月份</th>
                  <th scope="col">用量（次）</th>
                  <th scope="col">月末剩余（次）</th>
                </tr>
              </thead>
              <tbody>
                {estimate.monthly.map((m) => (
                  <tr key={m.month}>
                    <th scope="row">{formatContractMonth(m.month)}</th>
                    <td>{formatCount(m.usage)}</td>
                    <td>{formatCount(m.balance)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollArea>
        </details>
      </figcaption>
    </figure>
  );
}
