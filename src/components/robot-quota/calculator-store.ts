// The calculator's state in nanostores: the typed fields, the latest estimate, a saved
// quote being viewed, and the share link. One store per island; it talks to the API
// and keeps the URL query in step (bookmarks, back/forward).
import { atom, map } from 'nanostores';
import { CALCULATOR_DEFAULTS, CALCULATOR_FIELDS, readCalculatorQuery, writeCalculatorQuery, type CalculatorField, type CalculatorValues } from '../../lib/quota/calculator-query.ts';
import { checkInputs } from '../../lib/quota/input-rules.ts';
import { formatCount, parseAmount } from '../../lib/quota/number-input.ts';
import type { Estimate } from '../../lib/quota/estimate.ts';
import type { PriceList } from '../../lib/quota/price-list.ts';
import { DEFAULT_GROWTH_PERIOD, type GrowthPeriod } from '../../lib/quota/usage.ts';
import { ApiError, type SavedQuote, type SupportApiClient } from '../../browser/support-api-client.ts';
import { QUOTE_ID_PATTERN } from '../../lib/id-formats.ts';

/** The inputs of an estimate: the number fields and the growth period. */
export type FieldValues = CalculatorValues;

export type ResultState =
  | {
      status: 'loading';
      estimate?: Estimate | undefined;
      input?: FieldValues | undefined;
      /** Why the figures were already out of date when this estimate started, if they were. */
      outdatedBy?: 'invalid' | 'unreachable' | undefined;
    }
  | { status: 'ready'; estimate: Estimate; input: FieldValues }
  | { status: 'invalid'; fieldErrors: Partial<Record<CalculatorField, string>>; message: string; estimate?: Estimate | undefined; input?: FieldValues | undefined }
  | { status: 'unreachable'; message: string; estimate?: Estimate | undefined; input?: FieldValues | undefined };

/**
 * Whether the figures on screen belong to the inputs as they are now. While an estimate
 * is on its way they are briefly out of date; after a wrong input or a failed request
 * they stay out of date, and `reason` says so in words for the page.
 */
export type FiguresState = { current: true } | { current: false; reason?: string };

const OUTDATED_BECAUSE = {
  invalid: '下面仍是上一次的估算结果，尚未更新：请先修改提示有误的项目，改好后会自动重算。在此之前不能打印、导出或生成链接。',
  unreachable: '下面仍是上一次的估算结果，尚未更新：暂时连不上估算服务，点「重试」成功后会自动重算。在此之前不能打印、导出或生成链接。',
};

export function figuresState(result: ResultState): FiguresState {
  switch (result.status) {
    case 'ready':
      return { current: true };
    case 'loading':
      // The reason stays on screen while a retry or a corrected input is on its way.
      return result.outdatedBy ? { current: false, reason: OUTDATED_BECAUSE[result.outdatedBy] } : { current: false };
    case 'invalid':
    case 'unreachable':
      return { current: false, reason: OUTDATED_BECAUSE[result.status] };
  }
}

function outdatedBy(result: ResultState) {
  return result.status === 'loading' ? result.outdatedBy : result.status === 'ready' ? undefined : result.status;
}

export type ShareState = { status: 'idle' } | { status: 'saving' } | { status: 'saved'; url: string; id: string } | { status: 'failed'; message: string };

const DEBOUNCE_MS = 300;

export interface CalculatorOptions {
  api: SupportApiClient;
  /** Keep the URL query in step with the fields (the tool page; not an article). */
  syncUrl: boolean;
}

export function createCalculatorStore({ api, syncUrl }: CalculatorOptions) {
  const $fields = map<Record<CalculatorField, string>>(
    Object.fromEntries(CALCULATOR_FIELDS.map((f) => [f, formatCount(CALCULATOR_DEFAULTS[f], 2)])) as Record<CalculatorField, string>,
  );
  const $growthPeriod = atom<GrowthPeriod>(DEFAULT_GROWTH_PERIOD);
  const $result = atom<ResultState>({ status: 'loading' });
  const $priceList = atom<PriceList | undefined>(undefined);
  const $quote = atom<SavedQuote | undefined>(undefined);
  const $quoteMissing = atom(false);
  /** A saved quote is being fetched: the form is not shown meanwhile (it would give way to the quote's inputs, moving the page). */
  const $opening = atom(false);
  const $share = atom<ShareState>({ status: 'idle' });

  let timer: ReturnType<typeof setTimeout> | undefined;
  let controller: AbortController | undefined;
  let sequence = 0;
  let shareSequence = 0;

  /** Drops the estimate in flight: its answer would be for inputs no longer there. */
  function supersede() {
    controller?.abort();
    controller = undefined;
    sequence++;
  }

  const previous = () => {
    const r = $result.get();
    return { estimate: r.estimate, input: r.input };
  };

  /**
   * The fields as numbers, or each wrong field with its message: the rules the API
   * applies (input-rules.ts), checked here so that a value it would refuse is not sent.
   */
  function parseFields(): { values: FieldValues } | { errors: Partial<Record<CalculatorField, string>> } {
    const typed = $fields.get();
    const growthPeriod = $growthPeriod.get();
    const check = checkInputs(Object.fromEntries(CALCULATOR_FIELDS.map((f) => [f, parseAmount(typed[f])])) as Record<CalculatorField, number | null>, growthPeriod);
    return check.ok ? { values: { ...check.values, growthPeriod } } : { errors: check.errors };
  }

  function syncQuery(values: FieldValues, mode: 'push' | 'replace') {
    if (!syncUrl) return;
    const query = writeCalculatorQuery(values);
    if (location.search === query || (!query && !location.search)) return;
    history[mode === 'push' ? 'pushState' : 'replaceState'](null, '', `${location.pathname}${query}${location.hash}`);
  }

  async function estimateNow(urlMode: 'push' | 'replace' | 'none' = 'push') {
    clearTimeout(timer);
    const parsed = parseFields();
    if ('errors' in parsed) {
      supersede();
      $result.set({ status: 'invalid', fieldErrors: parsed.errors, message: '请先修改提示有误的项目。', ...previous() });
      $share.set({ status: 'idle' });
      return;
    }
    controller?.abort();
    controller = new AbortController();
    const mine = ++sequence;
    $result.set({ status: 'loading', ...previous(), outdatedBy: outdatedBy($result.get()) });
    $share.set({ status: 'idle' });
    try {
      const estimate = await api.estimate(parsed.values, controller.signal);
      if (mine !== sequence) return;
      $result.set({ status: 'ready', estimate, input: parsed.values });
      if (urlMode !== 'none') syncQuery(parsed.values, urlMode);
    } catch (error) {
      // A newer request superseded this one: its answer, not this failure, will be shown.
      if (mine !== sequence || (error as Error).name === 'AbortError') return;
      if (error instanceof ApiError && error.status < 500) {
        const fieldErrors: Partial<Record<CalculatorField, string>> = {};
        for (const f of error.fields) if ((CALCULATOR_FIELDS as readonly string[]).includes(f.path)) fieldErrors[f.path as CalculatorField] = f.message;
        // The API's words are for any caller; on the form the fields are marked already.
        const message = Object.keys(fieldErrors).length ? '请先修改提示有误的项目。' : error.message;
        $result.set({ status: 'invalid', fieldErrors, message, ...previous() });
      } else {
        $result.set({ status: 'unreachable', message: '暂时连不上估算服务，已填写的内容不会丢失。', ...previous() });
      }
    }
  }

  function setField(field: CalculatorField, text: string) {
    $fields.setKey(field, text);
    changed();
  }

  function setGrowthPeriod(period: GrowthPeriod) {
    $growthPeriod.set(period);
    changed();
  }

  /** After an input changed: the figures are out of date, and a new estimate waits for the pause in typing. */
  function changed() {    // From the first keystroke the figures are the old ones: no CSV or quote of them
    // while the new estimate waits for the pause in typing, and no answer or quote link
    // still on its way for the inputs before this keystroke.
    supersede();
    shareSequence++;
    if ($share.get().status !== 'idle') $share.set({ status: 'idle' });
    const r = $result.get();
    if (r.status === 'ready') $result.set({ status: 'loading', estimate: r.estimate, input: r.input });
    clearTimeout(timer);
    timer = setTimeout(() => void estimateNow('push'), DEBOUNCE_MS);
  }

  function setValues(values: Partial<FieldValues>) {
    for (const field of CALCULATOR_FIELDS) {
      $fields.setKey(field, formatCount(values[field] ?? CALCULATOR_DEFAULTS[field], 2));
    }
    $growthPeriod.set(values.growthPeriod ?? DEFAULT_GROWTH_PERIOD);
  }

  async function openQuote(id: string) {
    // Not an id at all (cut short, mistyped): the API would answer 404 too.
    if (!QUOTE_ID_PATTERN.test(id)) return quoteNotFound();
    $opening.set(true);
    try {
      const quote = await api.quote(id);
      $quote.set(quote);
      setValues(quote.input);
      $result.set({ status: 'ready', estimate: quote.estimate, input: quote.input });
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) {
        await quoteNotFound();
      } else {
        $result.set({ status: 'unreachable', message: '暂时连不上服务器，无法打开这份估算。' });
      }
    } finally {
      $opening.set(false);
    }
  }

  /** Says the link's quote was not found and estimates the defaults. */
  async function quoteNotFound() {
    $quoteMissing.set(true);
    await estimateNow('none');
  }

  /** Leaves a saved quote and estimates its inputs with today's prices. */
  function reestimate() {
    $quote.set(undefined);
    $quoteMissing.set(false);
    if (syncUrl) {
      const values = parseFields();
      history.pushState(null, '', `${location.pathname}${'values' in values ? writeCalculatorQuery(values.values) : ''}`);
    }
    void estimateNow('none');
  }

  async function share() {
    const parsed = parseFields();
    if ('errors' in parsed) {
      $share.set({ status: 'failed', message: '请先修改提示有误的项目，再生成估算链接。' });
      return;
    }
    const mine = ++shareSequence;
    $share.set({ status: 'saving' });
    try {
      const quote = await api.saveQuote(parsed.values);
      // The inputs changed while it was saved: that link is not for what is on screen.
      if (mine !== shareSequence) return;
      $share.set({ status: 'saved', id: quote.id, url: new URL(quote.url, location.href).href });
    } catch (error) {
      if (mine !== shareSequence) return;
      $share.set({ status: 'failed', message: error instanceof ApiError ? error.message : '暂时无法生成链接，请稍后再试。' });
    }
  }

  function start() {
    api.priceList().then((list) => $priceList.set(list), () => {});
    const query = readCalculatorQuery(syncUrl ? location.search : '');
    setValues({ ...query.values, growthPeriod: query.growthPeriod });
    if (query.quote) void openQuote(query.quote);
    else void estimateNow(syncUrl ? 'replace' : 'none');
    if (!syncUrl) return () => {};
    const onPopState = () => {
      const next = readCalculatorQuery(location.search);
      $quote.set(undefined);
      setValues({ ...next.values, growthPeriod: next.growthPeriod });
      if (next.quote) void openQuote(next.quote);
      else void estimateNow('none');
    };
    addEventListener('popstate', onPopState);
    return () => removeEventListener('popstate', onPopState);
  }

  return { $fields, $growthPeriod, $result, $priceList, $quote, $quoteMissing, $opening, $share, setField, setGrowthPeriod, estimateNow, reestimate, share, start };
}

export type CalculatorStore = ReturnType<typeof createCalculatorStore>;
