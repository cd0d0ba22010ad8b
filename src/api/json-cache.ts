// Ready-made JSON for answers that many requests share: the price list (one per loaded
// list) and recent estimates (a marketing-day spike asks for the same few inputs over
// and over). Keyed by the price list object, so a reloaded list starts afresh.
import type { PriceList } from '../lib/quota/price-list.ts';

const MAX_ESTIMATES = 500;

const priceListJson = new WeakMap<PriceList, Uint8Array>();
const estimateJson = new WeakMap<PriceList, Map<string, Uint8Array>>();
const encoder = new TextEncoder();

/** The price list as UTF-8 JSON bytes: written to the socket as they are, no encoding per request. */
export function cachedPriceListJson(list: PriceList): Uint8Array {
  let json = priceListJson.get(list);
  if (json === undefined) {
    json = encoder.encode(JSON.stringify(list));
    priceListJson.set(list, json);
  }
  return json;
}

/** The estimate's JSON bytes for `input` under `list`, computed by `estimate` on a miss. */
export function cachedEstimateJson(list: PriceList, input: object, estimate: () => unknown): Uint8Array {
  let cache = estimateJson.get(list);
  if (!cache) {
    cache = new Map();
    estimateJson.set(list, cache);
  }
  const key = JSON.stringify(input);
  let json = cache.get(key);
  if (json !== undefined) {
    // Refresh its place: the map's order is the eviction order.
    cache.delete(key);
  } else {
    json = encoder.encode(JSON.stringify(estimate()));
    if (cache.size >= MAX_ESTIMATES) cache.delete(cache.keys().next().value!);
  }
  cache.set(key, json);
  return json;
}
