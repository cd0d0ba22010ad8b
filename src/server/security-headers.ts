// Security headers for every response of the server: the API's JSON and the site's
// pages. Pages also carry Astro's CSP <meta> (hashes of their scripts); the header adds
// what a <meta> cannot say (frame-ancestors). Set on the Node response before any
// handler runs: cheapest, and nothing can forget them.
import { ServerResponse, type IncomingMessage, type OutgoingHttpHeaders } from 'node:http';

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

/** Pages' and assets' header sets, set with `setSecurityHeaders` before their handler runs. */
const HEADERS = {
  site: Object.entries(siteSecurityHeaders),
  frameable: Object.entries(frameableSecurityHeaders),
};

/** Which header set a request path gets; `api` answers get theirs from `SecureServerResponse`. */
export function headerSetFor(path: string): keyof typeof HEADERS | 'api' {
  if (path.startsWith('/api/')) return 'api';
  return path.startsWith('/diagnostics/storage-probe') ? 'frameable' : 'site';
}

/** Sets the security headers for this path on a response about to be written. */
export function setSecurityHeaders(res: ServerResponse, set: keyof typeof HEADERS): void {
  for (const [name, value] of HEADERS[set]) res.setHeader(name, value);
}

/**
 * Reads of the API are public (the price list, health, a quote by its unguessable id),
 * so any site may read them from a browser; the diagnostics read the API's clock from
 * Date, which CORS hides unless exposed. Writes and preflights go through the API's
 * origin check (src/api/middleware/origin-guard.ts), which grants exactly the allowed
 * origins. A read that sends Authorization needs a preflight, which that check refuses.
 */
export const apiPublicReadHeaders: Record<string, string> = {
  ...apiSecurityHeaders,
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'Date',
};

/** The headers an API answer to `req` gets. */
export function apiHeadersFor(req: Pick<IncomingMessage, 'method' | 'headers'>): Record<string, string> {
  const read = req.method === 'GET' || req.method === 'HEAD';
  return read && req.headers.origin !== undefined ? apiPublicReadHeaders : apiSecurityHeaders;
}

/**
 * The server's response class. API answers get their headers where @hono/node-server
 * writes its head, merged into the object it passes: with nothing set beforehand Node
 * keeps its fast path, which `setHeader` per request would leave (a fifth of the
 * requests/s of the cheapest routes). Overridden on the class, not patched onto each
 * response, so every response keeps one shape for the engine.
 */
export class SecureServerResponse<Request extends IncomingMessage = IncomingMessage> extends ServerResponse<Request> {
  /** Set by the server entry on responses to `/api/` requests. */
  apiHeaders = false;

  override writeHead(status: number, ...rest: unknown[]): this {
    if (this.apiHeaders) {
      const extra = apiHeadersFor(this.req);
      const [headers] = rest;
      if (rest.length === 1 && headers !== null && typeof headers === 'object' && !Array.isArray(headers)) {
        return super.writeHead(status, { ...(headers as Record<string, string>), ...extra });
      }
      for (const name in extra) if (!this.hasHeader(name)) this.setHeader(name, extra[name]!);
    }
    return super.writeHead(status, ...(rest as [string, OutgoingHttpHeaders]));
  }
}
