// Security headers for every response of the server: the API's JSON and the site's
// pages. Static pages also carry Astro's CSP <meta> (hashes of their scripts); the header
// adds what a <meta> cannot say (frame-ancestors). Pages rendered on request (/admin/)
// get Astro's CSP as a header instead, which would replace the server's: the two are
// merged where the head is written (`keepServerCsp`). Pages' sets are put on the Node
// response before any handler runs; the API's set is here too, and the API app answers
// with it (src/api/answers.ts). The table per kind of response is in
// docs/operating/security.md.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { lastForwarded } from '../api/deps.ts';
import { API_HEADER_CSP, FRAMEABLE_HEADER_CSP, mergeCsp, SITE_HEADER_CSP } from '../config/csp.ts';

const COMMON = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
};

/** Two years, Mozilla's recommendation; no includeSubDomains: the operator's other hosts are not ours to bind. */
export const HSTS = { 'Strict-Transport-Security': 'max-age=63072000' };

/** For JSON answers of the API: nothing may run, nobody may frame them or load them as a resource. */
export const apiSecurityHeaders: Record<string, string> = {
  ...COMMON,
  'Cache-Control': 'no-store',
  'Content-Security-Policy': API_HEADER_CSP,
  // Cross-origin reads go through CORS, which this does not affect; it only stops no-cors loads.
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** For pages and assets: framing only by the site itself (the widget preview's frames). */
export const siteSecurityHeaders: Record<string, string> = {
  ...COMMON,
  'Content-Security-Policy': SITE_HEADER_CSP,
  'X-Frame-Options': 'SAMEORIGIN',
  // Windows the site opens (the chat, other sites) get no handle on its pages, nor they on them.
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** The diagnostics' storage probe, which other sites' diagnostics frame on purpose. */
export const frameableSecurityHeaders: Record<string, string> = {
  ...COMMON,
  'Content-Security-Policy': FRAMEABLE_HEADER_CSP,
  'Cross-Origin-Resource-Policy': 'cross-origin',
};

/** The widget's launcher script (`/widget/v1.js`), which other sites load with <script src>. */
export const embeddableSecurityHeaders: Record<string, string> = {
  ...siteSecurityHeaders,
  'Cross-Origin-Resource-Policy': 'cross-origin',
};

/** Pages' and assets' header sets, set with `setSecurityHeaders` before their handler runs. */
const HEADERS = {
  site: Object.entries(siteSecurityHeaders),
  frameable: Object.entries(frameableSecurityHeaders),
  embeddable: Object.entries(embeddableSecurityHeaders),
};

/** Which header set a request path gets; `api` answers get theirs from the API app. */
export function headerSetFor(path: string): keyof typeof HEADERS | 'api' {
  if (path.startsWith('/api/')) return 'api';
  if (path.startsWith('/diagnostics/storage-probe')) return 'frameable';
  return path.startsWith('/widget/') ? 'embeddable' : 'site';
}

/** Sets the security headers for this path on a response about to be written; HSTS with `https`. */
export function setSecurityHeaders(res: ServerResponse, set: keyof typeof HEADERS, https = false): void {
  for (const [name, value] of HEADERS[set]) res.setHeader(name, value);
  if (https) res.setHeader('Strict-Transport-Security', HSTS['Strict-Transport-Security']);
}

/**
 * Whether this request reached the site over HTTPS, so its answer carries HSTS: the
 * site's configured address is https (then every answer says so; browsers ignore it
 * over plain http), or a trusted proxy says `X-Forwarded-Proto: https`.
 */
export function servedOverHttps(req: Pick<IncomingMessage, 'headers'>, options: HttpsOptions): boolean {
  const proto = req.headers['x-forwarded-proto'];
  return overHttps(Array.isArray(proto) ? proto.join(',') : proto, options);
}

export interface HttpsOptions {
  /** The site's configured address is https. */
  siteUrlIsHttps: boolean;
  /** A proxy in front is trusted (`WENDA_TRUST_PROXY`): its `X-Forwarded-Proto` counts. */
  trustProxy: boolean;
}

/** `servedOverHttps` for the value of `X-Forwarded-Proto` (the API reads it from its request). */
export function overHttps(forwardedProto: string | undefined, { siteUrlIsHttps, trustProxy }: HttpsOptions): boolean {
  if (siteUrlIsHttps) return true;
  return trustProxy && lastForwarded(forwardedProto)?.toLowerCase() === 'https';
}

/**
 * A page's own CSP header (Astro's, on pages rendered on request) keeps the server's
 * directives: the server's, already set on `res` (`setSecurityHeaders`), are merged into
 * the one the page writes with its head. For responses handed to Astro.
 */
export function keepServerCsp(res: ServerResponse): void {
  const server = res.getHeader('content-security-policy');
  if (typeof server !== 'string') return;
  const writeHead = res.writeHead.bind(res) as (status: number, ...rest: unknown[]) => ServerResponse;
  res.writeHead = function (status: number, ...rest: unknown[]) {
    const headers = rest[rest.length - 1];
    if (headers !== null && typeof headers === 'object' && !Array.isArray(headers)) {
      const given = headers as Record<string, unknown>;
      for (const name in given) {
        const value = given[name];
        if (name.toLowerCase() === 'content-security-policy' && typeof value === 'string') given[name] = mergeCsp(value, server);
      }
    }
    return writeHead(status, ...rest);
  } as ServerResponse['writeHead'];
}
