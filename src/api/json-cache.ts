// Ready-made JSON for answers that many requests share: the price list (one per loaded
// list), recent estimates (a marketing-day spike asks for the same few inputs over and
// over) and recent searches (a help center's searches are mostly the same few questions).
// Estimates are keyed by the price list object, so a reloaded list starts afresh.
import type { PriceList } from '../lib/quota/price-list.ts';
import { RecentlyUsed } from '../lib/recently-used.ts';
import type { JsonText } from './answers.ts';

/** Estimates kept per price list, least recently used dropped first. */
export const MAX_CACHED_ESTIMATES = 500;
/** Longer bodies are answered but not kept: a typical estimate body is about 100 characters. */
export const MAX_CACHED_BODY_CHARS = 1024;

const priceListJson = new WeakMap<PriceList, JsonText<PriceList>>();
const estimateJson = new WeakMap<PriceList, RecentlyUsed<string, string>>();

const NON_ASCII = /[\u0080-\uffff]/g;
const HAS_NON_ASCII = /[\u0080-\uffff]/;
const escapeChar = (char: string) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * A value as JSON text in plain ASCII, other characters written as \uXXXX escapes (the
 * same JSON to any parser). Node writes an ASCII answer together with its head in one
 * copy; text with Chinese in it is transcoded to UTF-8 on every request, and bytes go
 * out as a second buffer: each costs a tenth of a small answer's time.
 */
export function asciiJson<T>(value: T): JsonText<T> {
  const json = JSON.stringify(value);
  if (!HAS_NON_ASCII.test(json)) return json as JsonText<T>;
  // replace() keeps the two-byte form of text that had Chinese in it; Latin-1 round trip
  // makes it a one-byte string again, which is what Node writes without transcoding.
  return Buffer.from(json.replace(NON_ASCII, escapeChar), 'latin1').toString('latin1') as JsonText<T>;
}

/** A value as JSON text as is: Chinese goes out as UTF-8, 3 bytes a character where `asciiJson` writes 6. */
export const jsonText = <T>(value: T): JsonText<T> => JSON.stringify(value) as JsonText<T>;

/** The price list as ASCII JSON: made once per loaded list. */
export function cachedPriceListJson(list: PriceList): JsonText<PriceList> {
  let json = priceListJson.get(list);
  if (json === undefined) {
    json = asciiJson(list);
    priceListJson.set(list, json);
  }
  return json;
}

/**
 * Estimates answered before, by request body, under one price list: the same text always
 * gets the same answer there, so a body seen before is answered without parsing or
 * checking it again. Only estimates are kept, never a refusal, and only of bodies up to
 * MAX_CACHED_BODY_CHARS; the least recently used go first beyond MAX_CACHED_ESTIMATES.
 */
export const estimateAnswers = {
  /** The answer kept for `body` under `list`, now the most recently used. */
  get<T>(list: PriceList, body: string): JsonText<T> | undefined {
    return estimateJson.get(list)?.get(body) as JsonText<T> | undefined;
  },

  /** Keeps `answer` for `body` under `list`. */
  keep(list: PriceList, body: string, answer: string): void {
    if (body.length > MAX_CACHED_BODY_CHARS) return;
    let cache = estimateJson.get(list);
    if (!cache) {
      cache = new RecentlyUsed(MAX_CACHED_ESTIMATES);
      estimateJson.set(list, cache);
    }
    cache.set(body, answer);
  },
};

/**
 * Search answers kept, in characters of JSON in all (some 8 MB): a typical answer is 1,000
 * to 3,000 characters, one of 100 hits some 40,000. The least recently used go first.
 */
export const MAX_CACHED_SEARCH_CHARS = 4_000_000;

/**
 * Search answers given before, by query, `limit` and `literal`: a process searches the
 * index it loaded first for as long as it runs (after a rebuild the server answers 503
 * until restarted; `astro dev` answers from the old index until restarted), so the same
 * search gets the same answer. Only answers are kept,
 * never a refusal.
 */
export function searchAnswers<T>() {
  const kept = new RecentlyUsed<string, JsonText<T>>(MAX_CACHED_SEARCH_CHARS, (json) => json.length);
  const key = (query: string, limit: number, literal: boolean) => `${literal ? 1 : 0}|${limit}|${query}`;
  return {
    get: (query: string, limit: number, literal: boolean) => kept.get(key(query, limit, literal)),
    keep: (query: string, limit: number, literal: boolean, answer: JsonText<T>) => kept.set(key(query, limit, literal), answer),
  };
}
