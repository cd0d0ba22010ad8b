// How the API answers, every answer alike (routes, refusals, errors, 404s): its JSON or
// NDJSON body, and its own headers, so `app.request()` sees what clients get. The
// headers are one plain object made in advance for each kind of answer, the security
// headers with `Cache-Control: no-store`, CORS and HSTS as the request calls for:
// @hono/node-server writes such an answer's head straight from it, where a `Headers`
// object (c.header(), c.json() with headers) would be built and copied per request.
// Bodies of 1 KB or more are compressed for clients that take br or gzip. Each answer
// names its request (`X-Request-Id`, src/server/request-id.ts).
import type { Context, TypedResponse } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { JSONParsed } from 'hono/utils/types';
import { API_BASE } from '../lib/api-paths.ts';
import { apiSecurityHeaders, HSTS, overHttps, type HttpsOptions } from '../server/security-headers.ts';
import { chooseEncoding, compressBytes, compressStream, COMPRESS_THRESHOLD, varyOnEncoding } from '../server/adapters/compression.ts';
import { newRequestId, requestIdFor, REQUEST_ID_HEADER } from '../server/request-id.ts';
import { rawHeader, type ApiEnv } from './deps.ts';

declare const jsonOf: unique symbol;
/** JSON text of a `T`, made beforehand (src/api/json-cache.ts). */
export type JsonText<T> = string & { readonly [jsonOf]: T };

/** A JSON answer as the typed routes of @hono/zod-openapi check it against their schema. */
export type JsonAnswer<T, S extends ContentfulStatusCode> = Response & TypedResponse<JSONParsed<T>, S, 'json'>;

type HeaderSet = Record<string, string>;

const JSON_TYPE = 'application/json';
const ADMIN_API = `${API_BASE}/admin`;

/**
 * Reads are public (the price list, health, a quote by its unguessable id): any site may
 * read them from a browser, and the diagnostics read the API's clock from `Date`, which
 * CORS hides unless exposed. The admin routes are never public: their answers allow no
 * other origin. Writes and preflights get CORS from the origin check (origin-guard.ts),
 * which grants exactly the allowed origins (`corsOrigin`).
 */
const EXPOSED = `Date, ${REQUEST_ID_HEADER}`;
const PUBLIC_READ = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Expose-Headers': EXPOSED };

/** The API's header sets, by whether the answer is a public read and whether it goes over HTTPS. */
function headerSets(contentType?: string): Record<'plain' | 'publicRead' | 'https' | 'httpsPublicRead', HeaderSet> {
  const plain: HeaderSet = contentType ? { 'Content-Type': contentType, ...apiSecurityHeaders } : { ...apiSecurityHeaders };
  return {
    plain,
    publicRead: { ...plain, ...PUBLIC_READ },
    https: { ...plain, ...HSTS },
    httpsPublicRead: { ...plain, ...PUBLIC_READ, ...HSTS },
  };
}

/** The API's way of answering, for one app: made by `createApiApp` with its HTTPS settings. */
export function apiAnswers(https: HttpsOptions) {
  const jsonSets = headerSets(JSON_TYPE);
  const ndjsonSets = headerSets('application/x-ndjson; charset=utf-8');
  const bareSets = headerSets();
  const otherSets = new Map<string, ReturnType<typeof headerSets>>();
  const textSets = (contentType: string) => otherSets.get(contentType) ?? otherSets.set(contentType, headerSets(contentType)).get(contentType)!;

  /**
   * The request's id: on Node, the one the server gave it (or gives it now); called in
   * process (`app.request()`), one kept in the context.
   */
  function requestId(c: Context<ApiEnv>): string {
    const incoming = c.env?.incoming;
    if (incoming) return requestIdFor(incoming, https.trustProxy);
    let id = c.get('requestId');
    if (id === undefined) c.set('requestId', (id = newRequestId(c.req.header('x-request-id'), https.trustProxy)));
    return id;
  }

  /** The header set for this request's answer, with its id; `extra` (Allow, Retry-After …) added too. */
  function headersFor(c: Context<ApiEnv>, sets: ReturnType<typeof headerSets>, extra?: HeaderSet): HeaderSet {
    const secure = overHttps(https.trustProxy ? rawHeader(c, 'x-forwarded-proto') : undefined, https);
    const method = c.req.method;
    const publicRead = (method === 'GET' || method === 'HEAD') && rawHeader(c, 'origin') !== undefined && !c.req.path.startsWith(ADMIN_API);
    const set = secure ? (publicRead ? sets.httpsPublicRead : sets.https) : publicRead ? sets.publicRead : sets.plain;
    const granted = c.get('corsOrigin');
    const headers: HeaderSet = { ...set, ...extra, [REQUEST_ID_HEADER]: requestId(c) };
    if (granted !== undefined) {
      headers['Access-Control-Allow-Origin'] = granted;
      headers['Access-Control-Expose-Headers'] = EXPOSED;
      headers.Vary = headers.Vary ? `${headers.Vary}, Origin` : 'Origin';
    }
    return headers;
  }

  /** A body of text: compressed when it is 1 KB or more and the client takes br or gzip. */
  function textAnswer(c: Context<ApiEnv>, text: string, status: number, headers: HeaderSet): Response {
    // Three bytes a character at most: shorter text is under the threshold however written.
    if (text.length * 3 < COMPRESS_THRESHOLD || Buffer.byteLength(text) < COMPRESS_THRESHOLD) return new Response(text, { status, headers });
    const encoding = chooseEncoding(rawHeader(c, 'accept-encoding'));
    const vary = varyOnEncoding(headers.Vary);
    if (!encoding) return new Response(text, { status, headers: { ...headers, Vary: vary } });
    return new Response(compressBytes(text, encoding), { status, headers: { ...headers, 'Content-Encoding': encoding, Vary: vary } });
  }

  /** `value` as JSON. */
  function jsonAnswer<T, S extends ContentfulStatusCode>(c: Context<ApiEnv>, value: T, status: S, extra?: HeaderSet): JsonAnswer<T, S> {
    return textAnswer(c, JSON.stringify(value), status, headersFor(c, jsonSets, extra)) as JsonAnswer<T, S>;
  }

  return {
    requestId,

    json: jsonAnswer,

    /** JSON text made beforehand. */
    jsonText<T, S extends ContentfulStatusCode>(c: Context<ApiEnv>, text: JsonText<T>, status: S): JsonAnswer<T, S> {
      return textAnswer(c, text, status, headersFor(c, jsonSets)) as JsonAnswer<T, S>;
    },

    /** Text of another type (Prometheus's exposition format), compressed as JSON is. */
    text(c: Context<ApiEnv>, text: string, contentType: string): Response {
      return textAnswer(c, text, 200, headersFor(c, textSets(contentType)));
    },

    /** An answer without a body (a preflight's 204). */
    empty(c: Context<ApiEnv>, status: 204, extra: HeaderSet): Response {
      return new Response(null, { status, headers: headersFor(c, bareSets, extra) });
    },

    /** A whole list as NDJSON, made as it is read (a HEAD gets the headers alone); compressed for clients that take it. */
    ndjson(c: Context<ApiEnv>, body: ReadableStream<Uint8Array> | null): Response {
      const headers = headersFor(c, ndjsonSets);
      const encoding = chooseEncoding(rawHeader(c, 'accept-encoding'));
      const vary = varyOnEncoding(headers.Vary);
      if (!encoding) return new Response(body, { status: 200, headers: { ...headers, Vary: vary } });
      return new Response(body && compressStream(body, encoding), { status: 200, headers: { ...headers, 'Content-Encoding': encoding, Vary: vary } });
    },
  };
}

export type Answers = ReturnType<typeof apiAnswers>;
