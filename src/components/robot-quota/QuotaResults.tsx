// The estimate: total, per-year table, when the quota would run out, the carry-over
// rule, the sample-price notice, and the actions (share link, print, CSV).
import { chinaDate } from '../../lib/china-time.ts';
import { useStore } from '@nanostores/preact';
import type { Estimate } from '../../lib/quota/estimate.ts';
import { estimateToCsv } from '../../lib/quota/estimate-csv.ts';
import { formatContractMonth, formatCount, formatInWords, formatYuan } from '../../lib/quota/number-input.ts';
import { displayPhone, type SupportLine } from '../../lib/contact/support-lines.ts';
import { BalanceChart } from './BalanceChart.tsx';
import { CopyLink } from './CopyLink.tsx';
import type { CalculatorStore, FiguresState } from './calculator-store.ts';
import { ScrollArea } from './ScrollArea.tsx';

function downloadCsv(estimate: Estimate, packName: (id: string) => string, day: string) {
  const blob = new Blob([estimateToCsv(estimate, packName)], { type: 'text/csv;charset=utf-8' });
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

export function QuotaResults({
  store,
  estimate,
  figures,
  idPrefix,
  headingLevel,
  presalesLine,
}: {
  store: CalculatorStore;
  estimate: Estimate;
  /** Whether `estimate` belongs to the inputs as they are now. */
  figures: FiguresState;
  idPrefix: string;
  headingLevel: 2 | 3;
  /** Whom to ask for real prices (site config), named beside the total on paper. */
  presalesLine: SupportLine;
}) {
  const Heading = `h${headingLevel}` as const;
  const priceList = useStore(store.$priceList);
  const quote = useStore(store.$quote);
  const names = new Map(priceList?.packs.map((p) => [p.id, p.name]));
  const packName = (id: string) => names.get(id) ?? id;
  const years = estimate.years.length;
  const reason = figures.current ? undefined : figures.reason;
  const reasonId = reason ? `${idPrefix}-stale-reason` : undefined;

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
          <dd class="rq-total" data-testid="total-cost">
            {formatYuan(estimate.totalCost)}
          </dd>
          {/* A printout travels without the page around it: the notice goes with the figure. */}
          {estimate.priceList.sample && (
            <dd class="rq-print-sample" data-testid="print-sample-notice">
              示例价格，仅供参考，正式价格请拨打{presalesLine.label}电话 {displayPhone(presalesLine.phone)}
            </dd>
          )}
        </div>
        <div>
          <dt>需加购对话</dt>
          <dd>
            {formatCount(estimate.totalPurchased)} 次{estimate.totalPurchased >= 1e4 && <small>（{formatInWords(estimate.totalPurchased)}）</small>}
          </dd>
        </div>
        <div>
          <dt>不加购的话，何时用完</dt>
          <dd data-testid="runs-out">{estimate.runsOutInMonth ? formatContractMonth(estimate.runsOutInMonth) : '合同期内够用'}</dd>
        </div>
      </dl>
      <p class="rq-rule">没用完的对话次数不会清零，续费后转入下一个周期；不续费就无法再用，也不能折现。</p>

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
                <td>{formatCount(y.carriedIn)}</td>
                <td>{formatCount(y.included)}</td>
                <td>{formatCount(y.usage)}</td>
                <td class="rq-packs">
                  {y.packs.length
                    ? y.packs.map((p, i) => (
                        <span key={p.id}>
                          {packName(p.id)} × {p.count}
                          {i < y.packs.length - 1 && '，'}
                        </span>
                      ))
                    : '不需要'}
                </td>
                <td>{formatCount(y.endingBalance)}</td>
                <td>
                  {formatYuan(y.cost)}
                  <small class="rq-split">
                    <span>机器人 {formatYuan(y.licenceCost)}</span>
                    {y.packCost > 0 && <span> + 对话包 {formatYuan(y.packCost)}</span>}
                  </small>
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">合计</th>
              <td colSpan={3} />
              <td>{formatCount(estimate.totalPurchased)} 次</td>
              <td />
              <td>{formatYuan(estimate.totalCost)}</td>
            </tr>
          </tfoot>
        </table>
      </ScrollArea>

      <BalanceChart estimate={estimate} idPrefix={idPrefix} />

      {/* Out-of-date figures are neither printed, exported nor quoted. */}
      <div class="rq-actions no-print">
        {quote ? (
          <CopyLink id={`quote-link-${quote.id}`} label="这份估算的链接（打开后只读，金额与估算时相同）" url={new URL(quote.url, location.href).href} />
        ) : (
          <ShareLink store={store} disabled={!figures.current} describedBy={reasonId} />
        )}
        <button type="button" disabled={!figures.current} aria-describedby={reasonId} onClick={() => figures.current && print()}>
          打印估算结果
        </button>
        <button type="button" disabled={!figures.current} aria-describedby={reasonId} onClick={() => figures.current && downloadCsv(estimate, packName, quote ? chinaDate(quote.createdAt) : chinaDate())}>
          导出 CSV
        </button>
      </div>
    </section>
  );
}
