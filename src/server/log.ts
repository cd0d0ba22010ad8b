// The server's log: JSON, one line per event, on stdout, through pino (the Node
// ecosystem's usual logger, which log collectors read as they are). Lines are buffered
// and written asynchronously (sonic-boom), so a request never waits for its log line;
// pino writes what is buffered when the process exits.
import { pino, type DestinationStream, type Logger } from 'pino';
import type { ServerEnv } from './config.ts';

export type Log = Logger;

/**
 * The logger at WENDA_LOG_LEVEL. `destination`: where lines go (tests hand a stream);
 * by default stdout, asynchronously.
 */
export function createLog(level: ServerEnv['WENDA_LOG_LEVEL'], destination?: DestinationStream): Log {
  return pino(
    {
      level,
      // `"level":"info"` rather than 30: read by people as well as by collectors.
      formatters: { level: (label) => ({ level: label }) },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination ?? pino.destination({ dest: 1, sync: false }),
  );
}
