// What several server processes on one PostgreSQL database must share (issue 22, item 4),
// kept in tables of migration 2: the write rate limit's one-minute windows per client
// (counted in the database on each write), and the admin-token guesses per client
// (counted in the database, every process told of the totals by NOTIFY, so the checks
// stay as quick as in memory). Sessions need nothing here: they are signed cookies.
import type { Sql } from 'postgres';
import { StoreUnavailableError } from './errors.ts';
import { isUnavailable } from './postgres-open.ts';

const WINDOW_MS = 60_000;
/** The channel the totals of wrong admin tokens go out on. */
export const TOKEN_GUESSES_CHANNEL = 'wenda_token_guesses';

/**
 * Counts one write of `client` at `now` (ms) in the database: a fixed one-minute window
 * per client, as the in-memory count (src/api/middleware/rate-limit.ts). Gives the
 * seconds to wait when the write is over `writesPerMinute`, else 0. Windows long over
 * are swept now and then by the same statement's neighbour.
 */
export function postgresWriteCounter(sql: Sql, writesPerMinute: number) {
  let nextSweep = 0;
  return async (client: string, now: number): Promise<number> => {
    if (writesPerMinute <= 0) return 0;
    try {
      if (now >= nextSweep) {
        nextSweep = now + WINDOW_MS;
        await sql`DELETE FROM write_windows WHERE reset_at <= ${now}`;
      }
      const [row] = (await sql`
        INSERT INTO write_windows (client, reset_at, writes) VALUES (${client}, ${now + WINDOW_MS}, 1)
        ON CONFLICT (client) DO UPDATE SET
          writes = CASE WHEN write_windows.reset_at <= ${now} THEN 1 ELSE write_windows.writes + 1 END,
          reset_at = CASE WHEN write_windows.reset_at <= ${now} THEN ${now + WINDOW_MS} ELSE write_windows.reset_at END
        RETURNING writes, reset_at`) as unknown as [{ writes: number; reset_at: string }];
      return row.writes > writesPerMinute ? Math.max(1, Math.ceil((Number(row.reset_at) - now) / 1000)) : 0;
    } catch (error) {
      if (isUnavailable(error)) throw new StoreUnavailableError(`数据库暂时不可用（${(error as Error).message}）`, { cause: error });
      throw error;
    }
  };
}

/** What a throttle is told by the database: a client's wrong tokens of all processes (none: `undefined`). */
export type HearGuesses = (key: string, entry: { count: number; last: number } | undefined) => void;

/**
 * The admin-token guesses in the database: a GuessTally for TokenThrottle
 * (src/api/middleware/token-throttle.ts) that counts each wrong token there and
 * announces the new total; `hear` gets every announcement (this process's too) and,
 * at start, the totals still within `windowMs`. A database that does not answer loses
 * nothing already counted: this process's own count still holds.
 */
export async function postgresGuessTally(sql: Sql, hear: HearGuesses, windowMs: number) {
  const announce = (payload: string) => {
    try {
      const { client, wrong, last } = JSON.parse(payload) as { client: string; wrong: number; last: number };
      hear(client, wrong > 0 ? { count: wrong, last: Number(last) } : undefined);
    } catch {
      // Not ours: ignored.
    }
  };
  const load = async () => {
    const rows = await sql`SELECT client, wrong, last_at FROM token_guesses WHERE last_at > ${Date.now() - windowMs}`;
    for (const r of rows) hear(r.client as string, { count: Number(r.wrong), last: Number(r.last_at) });
  };
  // On every (re)connection of the listening connection: what was missed meanwhile.
  const listening = await sql.listen(TOKEN_GUESSES_CHANNEL, announce, () => void load().catch(() => {}));
  const quietly = (work: Promise<unknown>) => void work.catch(() => {});
  return {
    failed(key: string, now: number) {
      quietly(sql`
        WITH counted AS (
          INSERT INTO token_guesses (client, wrong, last_at) VALUES (${key}, 1, ${now})
          ON CONFLICT (client) DO UPDATE SET
            wrong = CASE WHEN ${now} - token_guesses.last_at > ${windowMs} THEN 1 ELSE token_guesses.wrong + 1 END,
            last_at = ${now}
          RETURNING client, wrong, last_at
        )
        SELECT pg_notify(${TOKEN_GUESSES_CHANNEL}, json_build_object('client', client, 'wrong', wrong, 'last', last_at)::text) FROM counted`);
    },
    succeeded(key: string) {
      quietly(sql`
        WITH forgotten AS (DELETE FROM token_guesses WHERE client = ${key} RETURNING client)
        SELECT pg_notify(${TOKEN_GUESSES_CHANNEL}, json_build_object('client', client, 'wrong', 0, 'last', 0)::text) FROM forgotten`);
    },
    close: () => listening.unlisten(),
  };
}
