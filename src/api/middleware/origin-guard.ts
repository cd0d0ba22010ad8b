// Browser writes only from the site itself or configured origins; CORS for exactly those.
// Requests without an Origin header (curl, servers) are not browser cross-site requests.
// Mounted on writes and preflights only: reads are public, and get their CORS headers
// with the API's other headers (src/api/answers.ts), so a read stays one handler deep in
// Hono (its fastest path).
import type { Context, MiddlewareHandler } from 'hono';
import type { Answers } from '../answers.ts';
import { rawHeader, type ApiEnv } from '../deps.ts';
import type { ErrorAnswer } from '../errors.ts';

export interface OriginGuardOptions {
  /** Origins besides the request's own that may call the API from a browser. */
  allowedOrigins: readonly string[];
  /** The host (name:port) the request was addressed to: its own site. */
  requestHost: (c: Context<ApiEnv>) => string;
  /** Whether a path is one of the API's routes: preflights of other paths get the 404. */
  isRoute: (path: string) => boolean;
  answer: Answers;
  error: ErrorAnswer;
}

const hostOf = (origin: string) => {
  try {
    return new URL(origin).host;
  } catch {
    return undefined;
  }
};

/**
 * Whether `origin` is on `host` (a Host header): compared as URLs compare them, so case,
 * IDN spelling and a default port (`:80`, `:443`) make no difference.
 */
function sameHost(origin: string, host: string): boolean {
  const originHost = hostOf(origin);
  if (originHost === undefined) return false;
  if (originHost === host) return true;
  return originHost === hostOf(`http://${host}`) || originHost === hostOf(`https://${host}`);
}

const PREFLIGHT = { 'Access-Control-Allow-Methods': 'GET, POST', 'Access-Control-Allow-Headers': 'Content-Type', 'Access-Control-Max-Age': '600' };

export function originGuard({ allowedOrigins, requestHost, isRoute, answer, error }: OriginGuardOptions): MiddlewareHandler<ApiEnv> {
  const allowed = new Set(allowedOrigins);
  return async (c, next) => {
    // A preflight of a path the API does not have gets the 404 (or 405) of any request.
    if (c.req.method === 'OPTIONS' && !isRoute(c.req.path)) return next();
    const origin = rawHeader(c, 'origin');
    // Hosts, not origins, are compared: behind a TLS proxy the request arrives as http.
    const crossOrigin = origin !== undefined && !sameHost(origin, requestHost(c));
    const permitted = !crossOrigin || allowed.has(origin);

    // Every answer to it names the caller (the diagnostics read the API's clock from Date, exposed too).
    if (crossOrigin && permitted) c.set('corsOrigin', origin);
    if (c.req.method === 'OPTIONS' && rawHeader(c, 'access-control-request-method')) {
      if (!permitted) return error(c, 403, 'forbidden_origin', '这个网站不能调用本接口。');
      return answer.empty(c, 204, PREFLIGHT);
    }
    if (!permitted) return error(c, 403, 'forbidden_origin', '这个网站不能向本接口提交数据。');
    return next();
  };
}
