// What the server checks before a request reaches the API, the static files or Astro:
// the request target, the transfer coding, and for pages the method, the body's type
// and size, and the Range header. Each check answers through `refuse`
// (src/server/client-errors.ts); docs/operating/limits.md lists them.
import type { IncomingMessage } from 'node:http';
import { MAX_BODY_BYTES } from '../api/limits.ts';

/** Pages that take a form POST (the operator's sign-in and sign-out), and the largest body each takes. */
const FORM_PAGES: Record<string, number> = { '/admin/': 8 * 1024 };
/** Bodies a page form sends (`<form method="post">`). */
const FORM_TYPE = /^(application\/x-www-form-urlencoded|multipart\/form-data)\s*(;|$)/i;

/** The path of an origin-form target, for the page tables (trailing slash optional, as Astro takes it). */
const pagePath = (url: string) => {
  const path = url.split('?', 1)[0]!;
  return path.endsWith('/') ? path : `${path}/`;
};

/**
 * Turns an absolute-form target (`GET http://host/api/v1/health`, as proxies send) into
 * the origin form every handler expects, its host becoming the Host (RFC 9112, 3.2.2).
 * False for a target that names no resource here (`*`, `host:443`, another scheme).
 */
export function toOriginForm(req: IncomingMessage): boolean {
  const url = req.url ?? '/';
  if (url.startsWith('/')) return true;
  if (!/^https?:\/\//i.test(url)) return false;
  try {
    const parsed = new URL(url);
    req.url = `${parsed.pathname}${parsed.search}`;
    req.headers.host = parsed.host;
    return true;
  } catch {
    return false;
  }
}

/** Transfer codings other than chunked (gzip…) are not decoded here: such a body is refused, not misread. */
export function unknownTransferCoding(req: IncomingMessage): string | undefined {
  const coding = req.headers['transfer-encoding'];
  if (coding === undefined || coding.trim().toLowerCase() === 'chunked') return undefined;
  return coding.slice(0, 40);
}

/** The methods a page path answers: every page GET and HEAD; form pages POST too. */
export function pageMethods(url: string): string[] {
  return FORM_PAGES[pagePath(url)] === undefined ? ['GET', 'HEAD'] : ['GET', 'HEAD', 'POST'];
}

/** The largest body a request may send: the API's limit, or the form page's. */
export function bodyLimit(url: string): number {
  return url.startsWith('/api/') ? MAX_BODY_BYTES : (FORM_PAGES[pagePath(url)] ?? 0);
}

/** Whether a page POST's body is a form's. */
export const isFormBody = (req: IncomingMessage) => FORM_TYPE.test(req.headers['content-type'] ?? '');

/** Whether the declared length is over the limit (decided before anything is read). */
export const declaredTooLarge = (req: IncomingMessage, limit: number) => Number(req.headers['content-length'] ?? 0) > limit;

/**
 * A page form's body, read whole up to `limit` bytes: the bytes, `too-large` as soon as
 * more arrive (nothing more is read), or `cut-short` when the client hangs up first.
 * Astro then takes the bytes as the request's body (`req.body`) rather than reading the
 * stream itself, with no limit of its own.
 */
export function readFormBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too-large' | 'cut-short'> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.off('data', onData);
        req.pause();
        resolve('too-large');
      } else chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks)));
    req.once('close', () => {
      if (!req.readableEnded) resolve('cut-short');
    });
  });
}

const SINGLE_RANGE = /^bytes=(\d{1,15})-(\d{0,15})$/;
/**
 * Drops a Range header the static file server would misread: sirv takes `bytes=5-1` to a
 * read stream that throws (the process died of it), and reads suffix ranges and lists
 * of ranges wrongly. Only one range `first-[last]` with first ≤ last is kept; without it
 * the whole file is sent, as RFC 9110 allows for a Range the server does not support.
 */
export function dropUnusableRange(req: IncomingMessage): void {
  const range = req.headers.range;
  if (range === undefined) return;
  const match = SINGLE_RANGE.exec(range);
  if (!match || (match[2] !== '' && Number(match[2]) < Number(match[1]))) delete req.headers.range;
}
