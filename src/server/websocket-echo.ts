// The WebSocket echo the diagnostics use (`/api/v1/diagnostics/ws`): it tells whether
// this visitor's network lets WebSockets through, as chat sessions need. Small messages
// only, and every socket is closed after a few seconds.
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { WEBSOCKET_ECHO_PATH } from '../lib/api-paths.ts';
import { refuseOnSocket } from './client-errors.ts';

const MAX_MESSAGE_BYTES = 1024;
const LIFETIME_MS = 10_000;

/**
 * For `http.createServer({ shouldUpgradeCallback })`: only a WebSocket GET of the echo
 * path is taken out of normal handling; any other Upgrade (h2c, WebSocket elsewhere)
 * gets an ordinary answer, as if the header were not there.
 */
export const isWebSocketEchoUpgrade = (req: IncomingMessage) =>
  req.method === 'GET' && req.headers.upgrade?.toLowerCase() === 'websocket' && pathOf(req.url) === WEBSOCKET_ECHO_PATH;

/** The path of a request target, or undefined when the target is not a valid URL. */
function pathOf(target: string | undefined): string | undefined {
  try {
    return new URL(target ?? '/', 'http://x').pathname;
  } catch {
    return undefined;
  }
}

/** Answers upgrades to the echo path; leaves every other upgrade to `others` (or refuses it). */
export function attachWebSocketEcho(server: Pick<Server, 'on'>, others?: (req: IncomingMessage, socket: Duplex, head: Buffer) => void) {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  // A bad handshake (no key, an unknown version…) gets the API's JSON error, not ws's HTML.
  wss.on('wsClientError', (error: Error, socket: Duplex) => {
    const header = /Sec-WebSocket-\w+|Upgrade/.exec(error.message)?.[0] ?? '(handshake)';
    const version = header === 'Sec-WebSocket-Version' ? { 'Sec-WebSocket-Version': '13, 8' } : undefined;
    refuseOnSocket(socket, 400, { code: 'invalid_request', message: `WebSocket 握手无效：${header} 缺少或不正确。`, fields: [{ path: header, message: '缺少或不正确' }] }, version);
  });
  wss.on('connection', (socket) => {
    const timer = setTimeout(() => socket.close(1000, 'done'), LIFETIME_MS);
    socket.on('message', (data, isBinary) => socket.send(data, { binary: isBinary }));
    socket.on('close', () => clearTimeout(timer));
    socket.on('error', () => socket.terminate());
  });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    // A malformed target must not throw here: this runs outside any request handler.
    if (pathOf(req.url) === WEBSOCKET_ECHO_PATH) {
      wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
    } else if (others) {
      others(req, socket, head);
    } else {
      socket.destroy();
    }
  });
  return wss;
}
