// The estimate: total, per-year table (one card per year on a narrow screen), when the
// quota would run out, the carry-over rule, the sample-price notice, a word on steep
// growth, and the actions (share link, print, CSV). On paper: the inputs, the date, the
// quote's number and link with its QR code.
import { chinaDate } from '../../lib/china-time.ts';
import { useStore } from '@nanostores/preact';
import type { CalculatorValues } from '../../lib/quota/calculator-query.ts';
import { writeCalculatorQuery } from '../../lib/quota/calculator-query.ts';
import type { Estimate } from '../../lib/quota/estimate.ts';
import { estimateToCsv } from '../../lib/quota/estimate-csv.ts';
import { steepGrowthNote } from '../../lib/quota/growth-note.ts';
import { formatContractMonth, formatInWords, formatYuan } from '../../lib/quota/number-input.ts';
import { displayPhone, type SupportLine } from '../../lib/contact/support-lines.ts';
import { BalanceChart } from './BalanceChart.tsx';
import { CopyLink } from './CopyLink.tsx';
import type { CalculatorStore, FiguresState } from './calculator-store.ts';
import { InputsSummary } from './InputsSummary.tsx';
import { PrintReference } from './PrintReference.tsx';
import { Count, Fact, YearCards, YearTable } from './YearlyFigures.tsx';

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
      <YearTable estimate={estimate} packName={packName} idPrefix={idPrefix} />

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
