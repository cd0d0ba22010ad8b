// Security headers for every response of the server: the API's JSON and the site's
// pages. Static pages also carry Astro's CSP <meta> (hashes of their scripts); the header
// adds what a <meta> cannot say (frame-ancestors). Pages rendered on request (/admin/)
// get Astro's CSP as a header instead, which would replace the server's: the two are
// merged where the head is written (`SecureServerResponse`). Set on the Node response
// before any handler runs: cheapest, and nothing can forget them. The table per kind
// of response is in docs/operating/security.md.
import { ServerResponse, type IncomingMessage, type OutgoingHttpHeaders } from 'node:http';
import { lastForwarded } from '../api/deps.ts';
import { API_BASE } from '../lib/api-paths.ts';
import { FRAMEABLE_HEADER_CSP, SITE_HEADER_CSP } from '../config/csp.ts';

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
  // frame-ancestors does what X-Frame-Options did; every byte counts on the hot routes.
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
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

/** Which header set a request path gets; `api` answers get theirs from `SecureServerResponse`. */
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
export function servedOverHttps(req: Pick<IncomingMessage, 'headers'>, { siteUrlIsHttps, trustProxy }: { siteUrlIsHttps: boolean; trustProxy: boolean }): boolean {
  if (siteUrlIsHttps) return true;
  if (!trustProxy) return false;
  const proto = req.headers['x-forwarded-proto'];
  return lastForwarded(Array.isArray(proto) ? proto.join(',') : proto)?.toLowerCase() === 'https';
}

/**
 * Astro's CSP for a page rendered on request, with the directives of the server's own
 * (`frame-ancestors` above all, which Astro's cannot hold) that it lacks appended.
 */
export function mergeCsp(astro: string, server: string): string {
  const names = (policy: string) => new Set(policy.split(';').map((d) => d.trim().split(/\s+/)[0]!.toLowerCase()).filter(Boolean));
  const present = names(astro);
  const missing = server.split(';').map((d) => d.trim()).filter((d) => d && !present.has(d.split(/\s+/)[0]!.toLowerCase()));
  return missing.length ? `${astro.trim().replace(/;*$/, ';')} ${missing.join('; ')}` : astro;
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

const ADMIN_API = `${API_BASE}/admin`;
const withHsts = { plain: { ...apiSecurityHeaders, ...HSTS }, publicRead: { ...apiPublicReadHeaders, ...HSTS } };

/**
 * The headers an API answer to `req` gets. The admin routes are never public: their
 * answers allow no other origin (a browser elsewhere cannot read them even with the token).
 */
export function apiHeadersFor(req: Pick<IncomingMessage, 'method' | 'headers' | 'url'>, https = false): Record<string, string> {
  const read = req.method === 'GET' || req.method === 'HEAD';
  const publicRead = read && req.headers.origin !== undefined && !req.url?.startsWith(ADMIN_API);
  if (https) return publicRead ? withHsts.publicRead : withHsts.plain;
  return publicRead ? apiPublicReadHeaders : apiSecurityHeaders;
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
  /** Set by the server entry when the request came over HTTPS (`servedOverHttps`): HSTS. */
  https = false;

  override writeHead(status: number, ...rest: unknown[]): this {
    if (!this.apiHeaders) {
      this.keepServerCsp(rest[rest.length - 1]);
    } else {
      const extra = apiHeadersFor(this.req, this.https);
      const [headers] = rest;
      if (rest.length === 1 && headers !== null && typeof headers === 'object' && !Array.isArray(headers)) {
        return super.writeHead(status, { ...(headers as Record<string, string>), ...extra });
      }
      for (const name in extra) if (!this.hasHeader(name)) this.setHeader(name, extra[name]!);
    }
    return super.writeHead(status, ...(rest as [string, OutgoingHttpHeaders]));
  }

  /** A page's own CSP header (Astro's, on pages rendered on request) keeps the server's directives. */
  private keepServerCsp(headers: unknown) {
    const server = this.getHeader('content-security-policy');
    if (typeof server !== 'string' || headers === null || typeof headers !== 'object' || Array.isArray(headers)) return;
    const given = headers as Record<string, unknown>;
    for (const name in given) {
      const value = given[name];
      if (name.toLowerCase() === 'content-security-policy' && typeof value === 'string') given[name] = mergeCsp(value, server);
    }
  }
}
