// The robot quota calculator island: inputs, live estimate from the support API, saved
// quotes opened read-only. All figures come from the API; this only shows them.
import { useStore } from '@nanostores/preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { chinaDate } from '../../lib/china-time.ts';
import { CALCULATOR_FIELDS, writeCalculatorQuery } from '../../lib/quota/calculator-query.ts';
import { formatYuan, parseAmount } from '../../lib/quota/number-input.ts';
import { supportApiClient } from '../../browser/support-api-client.ts';
import type { SupportLine } from '../../lib/contact/support-lines.ts';
import { createCalculatorStore, figuresState, type CalculatorStore } from './calculator-store.ts';
import { InputsSummary } from './InputsSummary.tsx';
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
  /** The tool's name (the tools registry), over it in an article. */
  title: string;
  /** The site's name, in the printed page's footer (the tool page only). */
  siteName?: string | undefined;
}

/**
 * The printed pages' footer: the site's name, the day printed and the page number, in
 * the page margins (CSS @page margin boxes), on every page. A constructed stylesheet:
 * the page's CSP allows no inline <style>.
 */
function usePrintFooter(siteName: string | undefined, today: string) {
  useEffect(() => {
    if (!siteName || !today) return;
    const sheet = new CSSStyleSheet();
    const right = `${JSON.stringify(`打印于 ${today} · 第 `)} counter(page) " 页，共 " counter(pages) " 页"`;
    sheet.replaceSync(`@media print { @page { @bottom-left { content: ${JSON.stringify(siteName)}; } @bottom-right { content: ${right}; } } }`);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    return () => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    };
  }, [siteName, today]);
}

/** 在完整页面中打开, with what has been typed so far in the query the tool page reads. */
function FullPageLink({ store, path, title }: { store: CalculatorStore; path: string; title: string }) {
  const fields = useStore(store.$fields);
  const growthPeriod = useStore(store.$growthPeriod);
  const values = {
    ...Object.fromEntries(CALCULATOR_FIELDS.flatMap((f) => {
      const value = parseAmount(fields[f]);
      return value === null ? [] : [[f, value]];
    })),
    growthPeriod,
  };
  return (
    <header class="robot-quota-head">
      <p class="robot-quota-title">{title}</p>
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
        <strong>
          估算 <span class="figure">{quote.id}</span>
        </strong>{' '}
        · 生成于 <time dateTime={quote.createdAt}>{chinaDate(quote.createdAt)}</time> · 价目表版本 <span class="figure">{quote.priceListVersion}</span>
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

export default function RobotQuotaCalculator({ apiBaseUrl, syncUrl, idPrefix, headingLevel = 3, presalesLine, fullPagePath, title, siteName }: RobotQuotaCalculatorProps) {
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
  usePrintFooter(siteName, today);
  const result = useStore(store.$result);
  const quote = useStore(store.$quote);
  const opening = useStore(store.$opening);
  const estimate = result.estimate;

  return (
    <div class="rq" aria-busy={result.status === 'loading' ? 'true' : 'false'}>
      {fullPagePath && <FullPageLink store={store} path={fullPagePath} title={title} />}
      <QuoteBanner store={store} />
      {quote ? <InputsSummary values={quote.input} /> : <QuotaInputs store={store} idPrefix={idPrefix} ready={ready} waiting={opening} />}

      <div class="rq-status" role="status">
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
      {estimate && result.input ? (
        <QuotaResults
          store={store}
          estimate={estimate}
          input={result.input}
          figures={figuresState(result)}
          idPrefix={idPrefix}
          headingLevel={headingLevel}
          presalesLine={presalesLine}
          today={today}
          fullPagePath={fullPagePath}
        />
      ) : result.status === 'loading' ? (
        // Until the first figures come, their room is kept, so that nothing under the
        // calculator moves into view and out again (no layout shift). Without
        // JavaScript this never shows (RobotQuota.astro).
        <div class="rq-pending">
          <p>{!ready ? '' : opening ? '正在打开这份估算……' : '正在估算……'}</p>
        </div>
      ) : (
        result.status === 'invalid' && <p class="rq-empty">改好上面提示有误的项目后，这里会显示逐年费用和剩余次数。</p>
      )}
      {estimate && result.status === 'ready' && (
        <p class="visually-hidden" role="status">
          估算已更新：合计 {formatYuan(estimate.totalCost)}
        </p>
      )}
    </div>
  );
}
