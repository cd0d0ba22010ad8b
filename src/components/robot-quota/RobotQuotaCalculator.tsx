// The robot quota calculator island: inputs, live estimate from the support API, saved
// quotes opened read-only. All figures come from the API; this only shows them.
import { useStore } from '@nanostores/preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { chinaDate } from '../../lib/china-time.ts';
import { CALCULATOR_FIELDS, writeCalculatorQuery } from '../../lib/quota/calculator-query.ts';
import { INPUT_RULES } from '../../lib/quota/input-rules.ts';
import { formatCount, formatYuan, parseAmount } from '../../lib/quota/number-input.ts';
import { supportApiClient } from '../../browser/support-api-client.ts';
import type { SupportLine } from '../../lib/contact/support-lines.ts';
import { createCalculatorStore, figuresState, type CalculatorStore } from './calculator-store.ts';
import { QuotaInputs } from './QuotaInputs.tsx';
import { QuotaResults } from './QuotaResults.tsx';

export interface RobotQuotaCalculatorProps {
  /** Support API origin; empty for the site's own. */
  apiBaseUrl: string;
  /** Mirror the inputs in the URL (the tool page does; an article does not). */
  syncUrl: boolean;
  /** Unique per page, for element ids. */
  idPrefix: string;
  /** Level of the results' heading: 2 on the tool's own page, 3 inside an article's section. */
  headingLevel?: 2 | 3;
  /** The pre-sales line (site config), for the printed sample-price notice. */
  presalesLine: SupportLine;
  /** In an article: the tool page, linked with the inputs as they are now. */
  fullPagePath?: string | undefined;
}

/** 在完整页面中打开, with what has been typed so far in the query the tool page reads. */
function FullPageLink({ store, path }: { store: CalculatorStore; path: string }) {
  const fields = useStore(store.$fields);
  const values = Object.fromEntries(CALCULATOR_FIELDS.flatMap((f) => {
    const value = parseAmount(fields[f]);
    return value === null ? [] : [[f, value]];
  }));
  return (
    <header class="robot-quota-head">
      <p class="robot-quota-title">机器人对话估算</p>
      <a href={`${path}${writeCalculatorQuery(values)}`}>在完整页面中打开</a>
    </header>
  );
}

function QuoteBanner({ store }: { store: CalculatorStore }) {
  const quote = useStore(store.$quote);
  const priceList = useStore(store.$priceList);
  const missing = useStore(store.$quoteMissing);
  if (missing) {
    return (
      <p class="rq-notice" role="alert">
        没有找到这份估算，链接可能不完整。下面是按默认条件的估算。
      </p>
    );
  }
  if (!quote) return null;
  const changed = priceList && priceList.version !== quote.priceListVersion;
  return (
    <div class="rq-quote-banner">
      <p>
        <strong>估算 {quote.id}</strong> · 生成于 <time dateTime={quote.createdAt}>{chinaDate(quote.createdAt)}</time> · 价目表版本 {quote.priceListVersion}
        {quote.estimate.priceList.sample && '（示例价格）'}
      </p>
      {changed && (
        <p class="rq-notice" role="status">
          今天的价目表（版本 {priceList.version}）与估算时不同，金额可能已变化。
        </p>
      )}
      <button type="button" class="no-print" onClick={() => store.reestimate()}>
        {changed ? '按今天的价格重新估算' : '修改条件重新估算'}
      </button>
    </div>
  );
}

function QuoteInputsSummary({ store }: { store: CalculatorStore }) {
  const quote = useStore(store.$quote)!;
  const i = quote.input;
  return (
    <dl class="rq-inputs-summary">
      <div><dt>{INPUT_RULES.robots.label}</dt><dd>{formatCount(i.robots)} 个</dd></div>
      <div><dt>{INPUT_RULES.monthlyConversations.label}</dt><dd>{formatCount(i.monthlyConversations)} 次/月</dd></div>
      <div><dt>{INPUT_RULES.monthlyGrowthPercent.label}</dt><dd>{formatCount(i.monthlyGrowthPercent, 2)}%</dd></div>
      <div><dt>{INPUT_RULES.years.label}</dt><dd>{i.years} 年</dd></div>
      <div><dt>{INPUT_RULES.carryOverBalance.label}</dt><dd>{formatCount(i.carryOverBalance)} 次</dd></div>
    </dl>
  );
}

export default function RobotQuotaCalculator({ apiBaseUrl, syncUrl, idPrefix, headingLevel = 3, presalesLine, fullPagePath }: RobotQuotaCalculatorProps) {
  const store = useMemo(() => createCalculatorStore({ api: supportApiClient(apiBaseUrl), syncUrl }), [apiBaseUrl, syncUrl]);
  // The inputs are rendered disabled on the server and enabled once hydrated: what was
  // typed before would be replaced by the defaults.
  const [ready, setReady] = useState(false);
  useEffect(() => {
    setReady(true);
    return store.start();
  }, [store]);
  // Today in China, known only in the browser (the page itself is built ahead).
  const [today, setToday] = useState('');
  useEffect(() => setToday(chinaDate()), []);
  const result = useStore(store.$result);
  const quote = useStore(store.$quote);
  const estimate = result.estimate;

  return (
    <div class="rq" aria-busy={result.status === 'loading' ? 'true' : 'false'}>
      {fullPagePath && <FullPageLink store={store} path={fullPagePath} />}
      {/* A saved estimate was made on its own day, with that day's prices. */}
      <p class="rq-print-date">估算日期：{quote ? chinaDate(quote.createdAt) : today}</p>
      <QuoteBanner store={store} />
      {quote ? <QuoteInputsSummary store={store} /> : <QuotaInputs store={store} idPrefix={idPrefix} ready={ready} />}

      <div class="rq-status" role="status">
        {result.status === 'loading' && !estimate && '正在估算……'}
        {result.status === 'invalid' && <span class="rq-error">{result.message}</span>}
      </div>
      {result.status === 'unreachable' && (
        <div class="rq-offline" role="alert">
          <p>{result.message}</p>
          <button
            type="button"
            onClick={async () => {
              // The inputs go into the URL as after typing; focus moves to the new
              // figures, since this button goes away.
              await store.estimateNow(quote ? 'none' : 'push');
              if (store.$result.get().status === 'ready') document.getElementById(`${idPrefix}-results`)?.focus();
            }}
          >
            重试
          </button>
        </div>
      )}
      {estimate ? (
        <QuotaResults store={store} estimate={estimate} figures={figuresState(result)} idPrefix={idPrefix} headingLevel={headingLevel} presalesLine={presalesLine} />
      ) : (
        result.status !== 'loading' && <p class="rq-empty">填写上面的条件后，这里会显示逐年费用和剩余次数。</p>
      )}
      {estimate && result.status === 'ready' && (
        <p class="visually-hidden" role="status">
          估算已更新：合计 {formatYuan(estimate.totalCost)}
        </p>
      )}
    </div>
  );
}
