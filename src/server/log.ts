// The server's log: JSON, one line per event, on stdout, through pino (the Node
// ecosystem's usual logger, whose lines log collectors read as they are). Lines are
// gathered while the event loop turns and written together once per turn, after the
// answers of that turn are on their way: a write costs far more than a line (measured
// 2026-12-07: pino's own asynchronous stream, a write per line, tripled the cost of a
// request's line). Each batch is written synchronously, as Node writes stdout to pipes
// and files anyway, so nothing is left unwritten when the process exits.
import { pino, type DestinationStream, type Logger } from 'pino';
import type { ServerEnv } from './config.ts';

export type Log = Logger;

let stdout: DestinationStream | undefined;

/** Stdout, written at most once per turn of the event loop; one for the whole process. */
function batchedStdout(): DestinationStream {
  if (stdout) return stdout;
  const stream = pino.destination({ dest: 1, sync: true });
  let pending: string[] = [];
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    if (pending.length === 0) return;
    const text = pending.length === 1 ? pending[0]! : pending.join('');
    pending = [];
    stream.write(text);
  };
  // The lines of the last turn, when the process exits before it ends (process.exit).
  process.once('exit', flush);
  return (stdout = {
    write(line: string) {
      pending.push(line);
      if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
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
