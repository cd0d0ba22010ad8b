// Raw HTTP/1.1 over node:net for the fault tests: requests no HTTP client would send,
// and the server's answer exactly as written on the wire.
import { connect } from 'node:net';

export interface RawAnswer {
  /** Everything the server wrote, as latin1 (one char per byte). */
  text: string;
  /** The status of the first response line, or undefined when nothing came back. */
  status: number | undefined;
  /** Whether the server closed the connection (rather than this side giving up). */
  closedByServer: boolean;
  /** The socket's error (ECONNRESET…), if any. */
  error: string | undefined;
  ms: number;
}

/**
 * Writes `parts` to a new connection (`gapMs` apart) and collects what comes back until
 * the server closes or `waitMs` pass, when this side hangs up.
 */
export function rawExchange(port: number, parts: (string | Buffer)[], { waitMs = 3000, gapMs = 0 } = {}): Promise<RawAnswer> {
  const started = performance.now();
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let closedByServer = false;
    let error: string | undefined;
    let done = false;
    const socket = connect(port, '127.0.0.1');
    const timer = setTimeout(() => socket.destroy(), waitMs);
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      const text = Buffer.concat(chunks).toString('latin1');
      const status = /^HTTP\/1\.[01] (\d{3})/.exec(text)?.[1];
      resolve({ text, status: status === undefined ? undefined : Number(status), closedByServer, error, ms: performance.now() - started });
    };
    socket.on('connect', async () => {
      for (const part of parts) {
        if (socket.destroyed) break;
        socket.write(part);
        if (gapMs) await new Promise((r) => setTimeout(r, gapMs));
      }
    });
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('end', () => {
      closedByServer = true;
      socket.end();
    });
    socket.on('error', (e: NodeJS.ErrnoException) => (error = e.code ?? e.message));
    socket.on('close', finish);
  });
}

/** The responses in an answer (a 100 Continue may precede the final one): status, headers, body. */
export function finalResponse(text: string): { status: number; headers: Map<string, string>; body: string } | undefined {
  let rest = text;
  for (;;) {
    const end = rest.indexOf('\r\n\r\n');
    if (end < 0) return undefined;
    const [first, ...lines] = rest.slice(0, end).split('\r\n');
    const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(first ?? '')?.[1]);
    if (!status) return undefined;
    const headers = new Map(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()] as [string, string]));
    rest = rest.slice(end + 4);
    if (status >= 200 || status === 101) return { status, headers, body: rest };
  }
}
