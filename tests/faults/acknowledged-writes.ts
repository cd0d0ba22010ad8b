// A write load on the built server that remembers what the server acknowledged (a 201
// with the new row's id), and a check that a database file holds every one of them.
import { DatabaseSync } from 'node:sqlite';

/** The kinds of stored write, each with the table its rows land in. */
const KINDS = [
  { path: '/robot-quota/quotes', table: 'quotes', body: (n: number) => ({ robots: 1 + (n % 5), monthlyConversations: 1000 * (1 + (n % 90)) }) },
  { path: '/feedback', table: 'feedback', body: (n: number) => ({ page: '/faq/change-administrator/', helpful: n % 2 === 0, comment: `第 ${n} 票` }) },
  {
    path: '/diagnostics/reports',
    table: 'diagnostics_reports',
    body: (n: number) => ({ browser: { name: 'Chrome' }, checks: [{ id: 'cookies', status: 'pass', finding: `正常 ${n}` }] }),
  },
] as const;
type Table = (typeof KINDS)[number]['table'];

export interface Acknowledged {
  /** Ids the server answered with, per table. */
  ids: Record<Table, (string | number)[]>;
  count(): number;
}

export const noneAcknowledged = (): Acknowledged => {
  const ids: Acknowledged['ids'] = { quotes: [], feedback: [], diagnostics_reports: [] };
  return { ids, count: () => Object.values(ids).reduce((n, list) => n + list.length, 0) };
};

/**
 * `connections` writers posting one write after another (the three kinds in turn) to
 * `baseUrl` until `stop()`; what was acknowledged goes into `acked`. A request that fails
 * (the server killed under it) is not acknowledged and does not stop the load: the
 * writer waits a little and goes on, until stopped.
 */
export function writeLoad(baseUrl: () => string, acked: Acknowledged, connections = 16) {
  let running = true;
  let n = 0;
  let refused = 0;
  const writer = async () => {
    while (running) {
      const i = n++;
      const kind = KINDS[i % KINDS.length]!;
      try {
        const res = await fetch(`${baseUrl()}/api/v1${kind.path}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(kind.body(i)),
        });
        const answer = (await res.json()) as { id?: string | number };
        if (res.status === 201 && answer.id !== undefined) acked.ids[kind.table].push(answer.id);
        else refused++;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
  };
  const writers = Array.from({ length: connections }, writer);
  return {
    /** Answers other than 201 (a bug: none is expected). */
    refused: () => refused,
    async stop() {
      running = false;
      await Promise.all(writers);
    },
  };
}

/** The acknowledged ids missing from the database file, per table (empty lists when none is). */
export function missingFrom(dbFile: string, acked: Acknowledged): Record<string, (string | number)[]> {
  const db = new DatabaseSync(dbFile, { readOnly: true });
  try {
    return Object.fromEntries(
      Object.entries(acked.ids).map(([table, ids]) => {
        const has = db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`);
        return [table, ids.filter((id) => has.get(id) === undefined)];
      }),
    );
  } finally {
    db.close();
  }
}

/** SQLite's own check of the file: 'ok' when sound. */
export function integrityOf(dbFile: string): string {
  const db = new DatabaseSync(dbFile, { readOnly: true });
  try {
    return (db.prepare('PRAGMA integrity_check').all() as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
  } finally {
    db.close();
  }
}
