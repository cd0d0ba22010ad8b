// Compression of what the server makes on request: the API's answers (src/api/answers.ts)
// and Astro's pages rendered on request (`/admin/`, its CSV exports). Static files are
// compressed at build and sent as they are. Brotli when the client takes it, else gzip;
// only answers of COMPRESS_THRESHOLD bytes or more (a smaller one gains less than the
// encoding costs); quality set for answers made per request, not for files made once.
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { Duplex } from 'node:stream';
import { brotliCompressSync, constants, createBrotliCompress, createGzip, gzipSync, type BrotliCompress, type Gzip } from 'node:zlib';

/** Answers smaller than this go out as they are. */
export const COMPRESS_THRESHOLD = 1024;

export type Encoding = 'br' | 'gzip';

/** Brotli's quality 5: about gzip's speed at a tenth fewer bytes (its default, 11, is for files made once). */
const BROTLI = { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } };

/** Types worth compressing: text of any kind, JSON and NDJSON, JavaScript, XML and SVG. */
const COMPRESSIBLE = /^(text\/|application\/(.+\+)?(json|x-ndjson|javascript|xml)\b|image\/svg\+xml)/i;

/**
 * The encoding to send for an `Accept-Encoding` header: `br` or `gzip`, whichever the
 * client weighs more (brotli on a tie), none when it takes neither (`q=0` refuses one,
 * `*` stands for those not named).
 */
export function chooseEncoding(acceptEncoding: string | undefined): Encoding | undefined {
  if (!acceptEncoding) return undefined;
  const weights = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    weights.set(name.trim(), q === undefined ? 1 : Number(q) || 0);
  }
  const weight = (name: Encoding) => weights.get(name) ?? weights.get('*') ?? 0;
  const [br, gzip] = [weight('br'), weight('gzip')];
  if (br <= 0 && gzip <= 0) return undefined;
  return br >= gzip ? 'br' : 'gzip';
}

/** Whether an answer of this type and size is compressed (an unknown size is). */
export function worthCompressing(contentType: string | undefined, bytes?: number): boolean {
  return COMPRESSIBLE.test(contentType ?? '') && (bytes === undefined || bytes >= COMPRESS_THRESHOLD);
}

/** A whole answer compressed at once (it is small: the API's answers are read whole). */
export function compressBytes(body: string | Uint8Array, encoding: Encoding): Buffer<ArrayBuffer> {
  return encoding === 'br' ? brotliCompressSync(body, BROTLI) : gzipSync(body);
}

const compressor = (encoding: Encoding): BrotliCompress | Gzip => (encoding === 'br' ? createBrotliCompress(BROTLI) : createGzip());

/**
 * A body of any length compressed as it is read, off the main thread (zlib works in
 * Node's thread pool); cancelling the result cancels `body`.
 */
export function compressStream(body: ReadableStream<Uint8Array>, encoding: Encoding): ReadableStream<Uint8Array> {
  return body.pipeThrough(Duplex.toWeb(compressor(encoding)) as unknown as ReadableWritablePair<Uint8Array, Uint8Array>);
}

/** `Vary` with `Accept-Encoding` added to what it says already. */
export const varyOnEncoding = (vary: string | undefined) => (vary && !/accept-encoding/i.test(vary) ? `${vary}, Accept-Encoding` : 'Accept-Encoding');

type WriteHead = (status: number, ...rest: unknown[]) => ServerResponse;
type Write = (chunk: unknown, ...rest: unknown[]) => boolean;
type End = (...rest: unknown[]) => ServerResponse;

/**
 * Compresses the answer a handler writes to `res` (Astro's pages rendered on request)
 * when `req` takes br or gzip and the answer is compressible text of at least the
 * threshold. Its head is held until the first bytes of its body (or its end): the size
 * is then known from `Content-Length` or, short of it, from what was written so far.
 * The compressed bytes go out at the client's pace: `write` says to wait while they
 * have not drained, and `drain` comes when they have.
 */
export function compressNodeAnswer(req: IncomingMessage, res: ServerResponse): void {
  const encoding = chooseEncoding(req.headers['accept-encoding']);
  if (!encoding || req.method === 'HEAD') return;
  const writeHead = res.writeHead.bind(res) as WriteHead;
  const write = res.write.bind(res) as Write;
  const end = res.end.bind(res) as End;
  let head: { status: number; headers: OutgoingHttpHeaders } | undefined;
  let held: Buffer[] = [];
  let heldBytes = 0;
  let zip: BrotliCompress | Gzip | undefined;
  let decided = false;

  const header = (name: string) => {
    const given = Object.entries(head?.headers ?? {}).find(([key]) => key.toLowerCase() === name)?.[1];
    return given ?? res.getHeader(name);
  };
  const dropHeader = (name: string) => {
    res.removeHeader(name);
    for (const key of Object.keys(head?.headers ?? {})) if (key.toLowerCase() === name) delete head!.headers[key];
  };
  /** Decides once the size is known or past the threshold, then writes the head and what was held. */
  const decide = (ended: boolean) => {
    decided = true;
    const status = head?.status ?? res.statusCode;
    const declared = header('content-length');
    const bytes = declared !== undefined ? Number(declared) : ended ? heldBytes : undefined;
    const type = header('content-type');
    const compress = status >= 200 && status !== 204 && status !== 304 && header('content-encoding') === undefined && worthCompressing(typeof type === 'string' ? type : undefined, bytes);
    if (compress) {
      dropHeader('content-length');
      const vary = header('vary');
      if (head) head.headers = { ...head.headers, 'Content-Encoding': encoding, Vary: varyOnEncoding(typeof vary === 'string' ? vary : undefined) };
      else {
        res.setHeader('Content-Encoding', encoding);
        res.setHeader('Vary', varyOnEncoding(typeof vary === 'string' ? vary : undefined));
      }
      zip = compressor(encoding);
      zip.on('data', (chunk: Buffer) => {
        if (!write(chunk)) {
          zip!.pause();
          res.once('drain', () => zip!.resume());
        }
      });
      zip.once('end', () => end());
      zip.once('error', (error) => res.destroy(error));
      // A client gone mid-answer: nothing more is compressed for it.
      res.once('close', () => zip!.destroy());
    }
    if (head) writeHead(head.status, head.headers);
    const pieces = held;
    held = [];
    for (const piece of pieces) void (zip ? zip.write(piece) : write(piece));
  };
  const toBuffer = (chunk: unknown, encodingName?: unknown) =>
    typeof chunk === 'string' ? Buffer.from(chunk, typeof encodingName === 'string' ? (encodingName as BufferEncoding) : 'utf8') : Buffer.from(chunk as Uint8Array);

  res.writeHead = function (status: number, ...rest: unknown[]) {
    const headers = rest[rest.length - 1];
    head = { status, headers: headers && typeof headers === 'object' && !Array.isArray(headers) ? { ...(headers as OutgoingHttpHeaders) } : {} };
    return res;
  } as ServerResponse['writeHead'];
  res.write = function (chunk: unknown, ...rest: unknown[]) {
    const callback = rest.find((arg) => typeof arg === 'function') as (() => void) | undefined;
    if (!decided) {
      const piece = toBuffer(chunk, rest[0]);
      held.push(piece);
      heldBytes += piece.length;
      if (heldBytes >= COMPRESS_THRESHOLD) decide(false);
      callback?.();
      return true;
    }
    if (zip) return zip.write(toBuffer(chunk, rest[0]), callback);
    return write(chunk, ...rest);
  } as ServerResponse['write'];
  res.end = function (...rest: unknown[]) {
    if (decided && !zip) return end(...rest);
    const callback = rest.find((arg) => typeof arg === 'function') as (() => void) | undefined;
    if (callback) res.once('finish', callback);
    const chunk = typeof rest[0] === 'function' ? undefined : rest[0];
    if (chunk !== undefined && chunk !== null) {
      const piece = toBuffer(chunk, rest[1]);
      held.push(piece);
      heldBytes += piece.length;
    }
    if (!decided) decide(true);
    else for (const piece of held.splice(0)) zip!.write(piece);
    if (zip) zip.end();
    else end();
    return res;
  } as ServerResponse['end'];
}
