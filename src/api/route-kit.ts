// What each route module is registered with besides `ApiDeps`: the API's way of answering
// and of refusing, and the limits a route attaches where it is defined.
import type { MiddlewareHandler } from 'hono';
import type { Answers } from './answers.ts';
import type { ApiEnv } from './deps.ts';
import type { ErrorAnswer } from './errors.ts';
import type { Log } from '../server/log.ts';

export interface RouteKit {
  answer: Answers;
  error: ErrorAnswer;
  /** One budget per client for the writes that store something (middleware/rate-limit.ts). */
  storingWrite: MiddlewareHandler<ApiEnv>;
  /** The app's log (deps.log, or its own). */
  log: Pick<Log, 'error' | 'warn'>;
}
