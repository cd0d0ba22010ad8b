// The estimate's figures year by year, as cards on a narrow screen and as a table on a
// wide one (robot-quota.css decides by the calculator's width), and the pieces both and
// the summary write figures with: counts, amounts, pack lists, a cost's split.
import type { ComponentChildren } from 'preact';
import type { Estimate } from '../../lib/quota/estimate.ts';
import { formatCount, formatYuan } from '../../lib/quota/number-input.ts';
import { ScrollArea } from './ScrollArea.tsx';

/** A count with its unit, whole on one line: 12,345 次. */
export const Count = ({ n, unit = '' }: { n: number; unit?: string }) => <span class="figure">{`${formatCount(n)}${unit && ` ${unit}`}`}</span>;
export const Yuan = ({ n }: { n: number }) => <span class="figure">{formatYuan(n)}</span>;

/** One figure of the estimate: its name and its value (a year card's widest ones span the card). */
export function Fact({ label, wide = false, valueClass, children }: { label: string; wide?: boolean; valueClass?: string; children: ComponentChildren }) {
  return (
    <div class={wide ? 'rq-card-wide' : undefined}>
      <dt>{label}</dt>
      <dd class={valueClass}>{children}</dd>
    </div>
  );
}

function PackList({ packs, packName }: { packs: Estimate['years'][number]['packs']; packName: (id: string) => string }) {
  if (!packs.length) return <>不需要</>;
  return (
    <>
      {packs.map((p, i) => (
        <span key={p.id}>
          {packName(p.id)} × {p.count}
          {i < packs.length - 1 && '，'}
        </span>
      ))}
    </>
  );
}

function CostSplit({ year }: { year: Estimate['years'][number] }) {
  return (
    <small class="rq-split">
      <span>
        机器人 <Yuan n={year.licenceCost} />
      </span>
      {year.packCost > 0 && (
        <span>
          {' '}
          + 对话包 <Yuan n={year.packCost} />
        </span>
      )}
    </small>
  );
}

/**
 * The yearly figures as cards, one per year and one for the total: what a narrow screen
 * shows instead of the table (robot-quota.css decides by the calculator's width), so
 * that every column, the cost and the total included, is read without swiping.
 */
export function YearCards({ estimate, packName, idPrefix, headingLevel }: { estimate: Estimate; packName: (id: string) => string; idPrefix: string; headingLevel: 3 | 4 }) {
  const CardHeading = `h${headingLevel}` as const;
  return (
    <section class="rq-year-cards" aria-labelledby={`${idPrefix}-cards-title`}>
      <p class="rq-cards-title" id={`${idPrefix}-cards-title`}>
        逐年明细
      </p>
      <ol>
        {estimate.years.map((y) => (
          <li key={y.year}>
            <CardHeading>第 {y.year} 年</CardHeading>
            <dl>
              <Fact label="上年转入"><Count n={y.carriedIn} unit="次" /></Fact>
              <Fact label="年度包含"><Count n={y.included} unit="次" /></Fact>
              <Fact label="预计用量"><Count n={y.usage} unit="次" /></Fact>
              <Fact label="年末剩余"><Count n={y.endingBalance} unit="次" /></Fact>
              <Fact label="加购对话包" wide valueClass="rq-packs"><PackList packs={y.packs} packName={packName} /></Fact>
              <Fact label="费用" wide>
                <Yuan n={y.cost} />
                <CostSplit year={y} />
              </Fact>
            </dl>
          </li>
        ))}
        <li class="rq-card-total">
          <CardHeading>合计</CardHeading>
          <dl>
            <Fact label="需加购"><Count n={estimate.totalPurchased} unit="次" /></Fact>
            <Fact label="费用"><Yuan n={estimate.totalCost} /></Fact>
          </dl>
        </li>
      </ol>
    </section>
  );
}

/** The yearly figures as a table, what a wide screen shows (it scrolls sideways in the narrowest of those). */
export function YearTable({ estimate, packName, idPrefix }: { estimate: Estimate; packName: (id: string) => string; idPrefix: string }) {
  return (
    <div class="rq-years-table">
      <ScrollArea labelledBy={`${idPrefix}-years-caption`} hintId={`${idPrefix}-years-table-hint`}>
        <table class="rq-years">
          <caption id={`${idPrefix}-years-caption`}>
            <span>逐年明细（对话单位：次；金额单位：元）</span>
          </caption>
          <thead>
            <tr>
              <th scope="col">年度</th>
              <th scope="col">上年转入</th>
              <th scope="col">年度包含</th>
              <th scope="col">预计用量</th>
              <th scope="col">加购对话包</th>
              <th scope="col">年末剩余</th>
              <th scope="col">费用</th>
            </tr>
          </thead>
          <tbody>
            {estimate.years.map((y) => (
              <tr key={y.year}>
                <th scope="row">第 {y.year} 年</th>
                <td>
                  <Count n={y.carriedIn} />
                </td>
                <td>
                  <Count n={y.included} />
                </td>
                <td>
                  <Count n={y.usage} />
                </td>
                <td class="rq-packs">
                  <PackList packs={y.packs} packName={packName} />
                </td>
                <td>
                  <Count n={y.endingBalance} />
                </td>
                <td>
                  <Yuan n={y.cost} />
                  <CostSplit year={y} />
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">合计</th>
              <td colSpan={3} />
              <td>
                <Count n={estimate.totalPurchased} unit="次" />
              </td>
              <td />
              <td>
                <Yuan n={estimate.totalCost} />
              </td>
            </tr>
          </tfoot>
        </table>
      </ScrollArea>
    </div>
  );
}
