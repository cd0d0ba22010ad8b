// The server's log: JSON, one line per event, on stdout, through pino (the Node
// ecosystem's usual logger, whose lines log collectors read as they are). Lines are
// gathered and written together, at most 100 ms after the first of them or once 64 KB
// are waiting, warnings and errors at once: a write is a system call, which costs more
// than making a line, and pino's own asynchronous stream writes each line by itself.
// Each batch is written synchronously, and what waits is written when the process
// exits, so only a `kill -9` can lose the last 100 ms of lines.
import { pino, type DestinationStream, type Logger } from 'pino';
import type { ServerEnv } from './config.ts';

export type Log = Logger;

let stdout: DestinationStream | undefined;

/** Lines waiting longer than this are written. */
const FLUSH_MS = 100;
/** `4`: a line of pino's format starts `{"level":40` for a warning, 50 for an error. */
const FIRST_DIGIT_OF_WARN = 0x34;
/** So many bytes waiting are written at once. */
const FLUSH_BYTES = 64 * 1024;

/** Stdout, written in batches (see above); one for the whole process. */
function batchedStdout(): DestinationStream {
  if (stdout) return stdout;
  const stream = pino.destination({ dest: 1, sync: true });
  let pending: string[] = [];
  let waiting = 0;
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (pending.length === 0) return;
    const text = pending.join('');
    pending = [];
    waiting = 0;
    stream.write(text);
  };
  // What waits, when the process exits (process.exit, the end of a graceful stop).
  process.once('exit', flush);
  return (stdout = {
    write(line: string) {
      pending.push(line);
      waiting += line.length;
      // A warning or an error (pino's `level` 40 and up, its line's tenth character) goes out at once.
      if (waiting >= FLUSH_BYTES || line.charCodeAt(9) >= FIRST_DIGIT_OF_WARN) flush();
      else timer ??= setTimeout(flush, FLUSH_MS).unref();
    },
  });
}

/**
 * The logger at WENDA_LOG_LEVEL, in pino's own format (`level` 30 info, 40 warn, 50 error;
 * `time` in ms since 1970). `destination`: where lines go (tests hand a stream); by
 * default stdout.
 */
export function createLog(level: ServerEnv['WENDA_LOG_LEVEL'], destination?: DestinationStream): Log {
  return pino({ level }, destination ?? batchedStdout());
}
