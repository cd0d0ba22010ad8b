// The estimate: total, per-year table (one card per year on a narrow screen), when the
// quota would run out, the carry-over rule, the sample-price notice, a word on steep
// growth, and the actions (share link, print, CSV). On paper: the inputs, the date, the
// quote's number and link with its QR code.
import type { ComponentChildren } from 'preact';
import { chinaDate } from '../../lib/china-time.ts';
import { useStore } from '@nanostores/preact';
import type { CalculatorValues } from '../../lib/quota/calculator-query.ts';
import { writeCalculatorQuery } from '../../lib/quota/calculator-query.ts';
import type { Estimate } from '../../lib/quota/estimate.ts';
import { estimateToCsv } from '../../lib/quota/estimate-csv.ts';
import { steepGrowthNote } from '../../lib/quota/growth-note.ts';
import { formatContractMonth, formatCount, formatInWords, formatYuan } from '../../lib/quota/number-input.ts';
import { displayPhone, type SupportLine } from '../../lib/contact/support-lines.ts';
import { BalanceChart } from './BalanceChart.tsx';
import { CopyLink } from './CopyLink.tsx';
import type { CalculatorStore, FiguresState } from './calculator-store.ts';
import { InputsSummary } from './InputsSummary.tsx';
import { PrintReference } from './PrintReference.tsx';
import { ScrollArea } from './ScrollArea.tsx';

function downloadCsv(estimate: Estimate, packName: (id: string) => string, input: CalculatorValues, day: string) {
  const blob = new Blob([estimateToCsv(estimate, packName, input)], { type: 'text/csv;charset=utf-8' });
  const link = Object.assign(document.createElement('a'), {
    href: URL.createObjectURL(blob),
    download: `机器人对话估算-${day}.csv`,
  });
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

function ShareLink({ store, disabled, describedBy }: { store: CalculatorStore; disabled: boolean; describedBy: string | undefined }) {
  const share = useStore(store.$share);
  if (share.status === 'saved') {
    return <CopyLink id={`quote-link-${share.id}`} label="估算链接（打开后只读，保留今天的价格）" url={share.url} announce="估算链接已生成" />;
  }
  return (
    <>
      <button type="button" class="rq-primary" disabled={disabled || share.status === 'saving'} aria-describedby={describedBy} onClick={() => void store.share()}>
        {share.status === 'saving' ? '正在生成……' : '生成估算链接'}
      </button>
      {share.status === 'failed' && (
        <p class="rq-error" role="alert">
          {share.message}
        </p>
      )}
    </>
  );
}

/** A count with its unit, whole on one line: 12,345 次. */
const Count = ({ n, unit = '' }: { n: number; unit?: string }) => <span class="figure">{`${formatCount(n)}${unit && ` ${unit}`}`}</span>;
const Yuan = ({ n }: { n: number }) => <span class="figure">{formatYuan(n)}</span>;

/** One figure of the estimate: its name and its value (a year card's widest ones span the card). */
function Fact({ label, wide = false, valueClass, children }: { label: string; wide?: boolean; valueClass?: string; children: ComponentChildren }) {
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
function YearCards({ estimate, packName, idPrefix, headingLevel }: { estimate: Estimate; packName: (id: string) => string; idPrefix: string; headingLevel: 3 | 4 }) {
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

/** Waits until the page has drawn what changed (a quote link just saved) before printing. */
const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

export function QuotaResults({
  store,
  estimate,
  input,
  figures,
  idPrefix,
  headingLevel,
  presalesLine,
  today,
  fullPagePath,
}: {
  store: CalculatorStore;
  estimate: Estimate;
  /** The inputs `estimate` was made from. */
  input: CalculatorValues;
  /** Whether `estimate` belongs to the inputs as they are now. */
  figures: FiguresState;
  idPrefix: string;
  headingLevel: 2 | 3;
  /** Whom to ask for real prices (site config), named beside the total on paper. */
  presalesLine: SupportLine;
  /** Today in China ('' until known). */
  today: string;
  /** In an article: the tool page, where the printed link leads. */
  fullPagePath?: string | undefined;
}) {
  const Heading = `h${headingLevel}` as const;
  const priceList = useStore(store.$priceList);
  const quote = useStore(store.$quote);
  const share = useStore(store.$share);
  const names = new Map(priceList?.packs.map((p) => [p.id, p.name]));
  const packName = (id: string) => names.get(id) ?? id;
  const years = estimate.years.length;
  const reason = figures.current ? undefined : figures.reason;
  const reasonId = reason ? `${idPrefix}-stale-reason` : undefined;
  const growthNote = steepGrowthNote(input, { editable: !quote });
  const saved = quote ? { id: quote.id, url: new URL(quote.url, location.href).href } : share.status === 'saved' ? share : undefined;
  const inputsUrl = new URL(`${fullPagePath ?? location.pathname}${writeCalculatorQuery(input)}`, location.href).href;

  // A printout is something to come back to: it is saved first, so that it carries the
  // quote's number and link (if saving fails, it carries the link of its inputs).
  const printEstimate = async () => {
    if (!figures.current) return;
    if (!saved) await store.share();
    await nextFrame();
    print();
  };

  return (
    <section
      class={figures.current ? 'rq-results' : 'rq-results rq-results--stale'}
      id={`${idPrefix}-results`}
      tabIndex={-1}
      aria-labelledby={`${idPrefix}-results-title`}
      aria-describedby={reasonId}
    >
      <Heading id={`${idPrefix}-results-title`} class="visually-hidden">
        估算结果
      </Heading>
      <PrintReference quoteId={saved?.id} url={saved?.url ?? inputsUrl} date={quote ? chinaDate(quote.createdAt) : today} />
      {/* The form is not printed: its values are, as a quote states them. A saved quote shows them already. */}
      {!quote && <InputsSummary values={input} printOnly />}
      {reason && (
        <p class="rq-stale-reason" id={reasonId}>
          {reason}
        </p>
      )}
      {estimate.priceList.sample && (
        <p class="rq-sample" role="note">
          <strong>示例价格</strong>：以下金额按示例价目表（版本 {estimate.priceList.version}）计算，仅供参考；正式报价以官方价目表为准，请联系售前获取。
        </p>
      )}
      <dl class="rq-summary">
        <div>
          <dt>{years} 年合计</dt>
          <dd class="rq-total figure" data-testid="total-cost">
            {formatYuan(estimate.totalCost)}
          </dd>
          {/* A printout travels without the page around it: the notice goes with the figure. */}
          {estimate.priceList.sample && (
            <dd class="rq-print-sample" data-testid="print-sample-notice">
              示例价格，仅供参考，正式价格请拨打{presalesLine.label}电话 <span class="figure">{displayPhone(presalesLine.phone)}</span>
            </dd>
          )}
        </div>
        <Fact label="需加购对话">
          <Count n={estimate.totalPurchased} unit="次" />
          {estimate.totalPurchased >= 1e4 && (
            <small>
              （<span class="figure">{formatInWords(estimate.totalPurchased)}</span>）
            </small>
          )}
        </Fact>
        <div>
          <dt>不加购的话，何时用完</dt>
          <dd data-testid="runs-out">{estimate.runsOutInMonth ? <span class="figure">{formatContractMonth(estimate.runsOutInMonth)}</span> : '合同期内够用'}</dd>
        </div>
      </dl>
      {growthNote && (
        <p class="rq-growth-note" role="note" data-testid="growth-note">
          {growthNote}
        </p>
      )}
      <p class="rq-rule">没用完的对话次数不会清零，续费后转入下一个周期；不续费就无法再用，也不能折现。</p>

      <YearCards estimate={estimate} packName={packName} idPrefix={idPrefix} headingLevel={headingLevel === 2 ? 3 : 4} />
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

      <BalanceChart estimate={estimate} idPrefix={idPrefix} />

      {/* Out-of-date figures are neither printed, exported nor quoted. */}
      <div class="rq-actions no-print">
        {quote ? (
          <CopyLink id={`quote-link-${quote.id}`} label="这份估算的链接（打开后只读，金额与估算时相同）" url={new URL(quote.url, location.href).href} />
        ) : (
          <ShareLink store={store} disabled={!figures.current} describedBy={reasonId} />
        )}
        <button type="button" disabled={!figures.current} aria-describedby={reasonId} onClick={() => void printEstimate()}>
          打印估算结果
        </button>
        <button
          type="button"
          disabled={!figures.current}
          aria-describedby={reasonId}
          onClick={() => figures.current && downloadCsv(estimate, packName, input, quote ? chinaDate(quote.createdAt) : chinaDate())}
        >
          导出 CSV
        </button>
      </div>
    </section>
  );
}
