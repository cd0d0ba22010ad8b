// The WebSocket echo the diagnostics use (`/api/v1/diagnostics/ws`): it tells whether
// this visitor's network lets WebSockets through, as chat sessions need. Small messages
// only, and every socket is closed after a few seconds.
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { WEBSOCKET_ECHO_PATH } from '../lib/api-paths.ts';

const MAX_MESSAGE_BYTES = 1024;
const LIFETIME_MS = 10_000;

/**
 * For `http.createServer({ shouldUpgradeCallback })`: only WebSocket upgrades are taken
 * out of normal handling; any other Upgrade header (h2c…) gets an ordinary answer.
 */
export const isWebSocketUpgrade = (req: IncomingMessage) => req.headers.upgrade?.toLowerCase() === 'websocket';

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
