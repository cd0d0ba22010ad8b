// Security headers for every response of the server: the API's JSON and the site's
// pages. Pages also carry Astro's CSP <meta> (hashes of their scripts); the header adds
// what a <meta> cannot say (frame-ancestors). Set on the Node response before any
// handler runs: cheapest, and nothing can forget them.
import type { ServerResponse } from 'node:http';

const COMMON = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
};

/** For JSON answers of the API: nothing may run, nobody may frame them. */
export const apiSecurityHeaders: Record<string, string> = {
  ...COMMON,
  'Cache-Control': 'no-store',
  // frame-ancestors does what X-Frame-Options did; every byte counts on the hot routes.
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
};

/** For pages and assets: framing only by the site itself (the widget preview's frames). */
export const siteSecurityHeaders: Record<string, string> = {
  ...COMMON,
  'Content-Security-Policy': "frame-ancestors 'self'; object-src 'none'; base-uri 'self'",
  'X-Frame-Options': 'SAMEORIGIN',
};

/** The diagnostics' storage probe, which other sites' diagnostics frame on purpose. */
export const frameableSecurityHeaders: Record<string, string> = {
  ...COMMON,
  'Content-Security-Policy': "frame-ancestors *; object-src 'none'; base-uri 'self'",
};

const HEADERS = {
  api: Object.entries(apiSecurityHeaders),
  site: Object.entries(siteSecurityHeaders),
  frameable: Object.entries(frameableSecurityHeaders),
};

/** Which header set a request path gets. */
export function headerSetFor(path: string): keyof typeof HEADERS {
  if (path.startsWith('/api/')) return 'api';
  return path.startsWith('/diagnostics/storage-probe') ? 'frameable' : 'site';
}

/** Sets the security headers for this path on a response about to be written. */
export function setSecurityHeaders(res: ServerResponse, set: keyof typeof HEADERS): void {
  for (const [name, value] of HEADERS[set]) res.setHeader(name, value);
}

/**
 * The API's headers, added where @hono/node-server writes its head: with nothing set
 * beforehand Node keeps its fast path, which `setHeader` per request would leave
 * (a fifth of the requests/s of the cheapest routes).
 */
export function withApiHeaders(res: ServerResponse): ServerResponse {
  const writeHead = res.writeHead;
  res.writeHead = function (this: ServerResponse, status: number, ...rest: unknown[]) {
    const [headers] = rest;
    if (rest.length === 1 && headers !== null && typeof headers === 'object' && !Array.isArray(headers)) {
      return writeHead.call(this, status, { ...(headers as Record<string, string>), ...apiSecurityHeaders });
    }
    for (const [name, value] of API_HEADER_LIST) this.setHeader(name, value);
    return writeHead.apply(this, [status, ...rest] as never);
  } as ServerResponse['writeHead'];
  return res;
}
const API_HEADER_LIST = Object.entries(apiSecurityHeaders);
