// Moving a growing install from SQLite to PostgreSQL (`npm run store:copy`): every row of
// every table, with its own ids (saved quotes' links and diagnostics references keep
// working), times and JSON text as they are, then each table verified: its rows counted
// and checksummed on both sides, from one snapshot of the SQLite file. Rows already there
// are left alone, so running it again (say, once more just before the switch) adds only
// what is new, and nothing twice.
import { createHash } from 'node:crypto';
import { DatabaseSync, type SQLInputValue } from 'node:sqlite';
import type { Sql } from 'postgres';
import { openMigratedDatabase } from './sqlite-open.ts';

/** How one table is read from SQLite, written to PostgreSQL and read back for the checksum. */
interface TableCopy {
  table: string;
  /** Columns in SQLite, in order; the same names in PostgreSQL. */
  columns: string[];
  /** Each column's placeholder cast in PostgreSQL (`$n` replaced), e.g. `$n::text::json`. */
  casts: string[];
  /** SQLite: every row, in key order. */
  source: string;
  /** PostgreSQL: every row in the same order, each column as the text SQLite holds. */
  target: string;
  /** Run after the rows are in (an identity column's sequence moved past the copied ids). */
  after?: string;
}

const ISO = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export const TABLES: readonly TableCopy[] = [
  {
    table: 'quotes',
    columns: ['id', 'input', 'estimate', 'price_list_version', 'created_at'],
    casts: ['$n::text', '$n::text::json', '$n::text::json', '$n::text', '$n::text::timestamptz'],
    // The rowid order is the order they were saved in: `seq` keeps it for ties in time.
    source: 'SELECT id, input, estimate, price_list_version, created_at FROM quotes ORDER BY rowid',
    target: `SELECT id, input::text, estimate::text, price_list_version, ${ISO('created_at')} FROM quotes ORDER BY seq`,
  },
  {
    table: 'feedback',
    columns: ['id', 'page', 'helpful', 'comment', 'created_at', 'voter'],
    casts: ['$n::bigint', '$n::text', '($n::int <> 0)', '$n::text', '$n::text::timestamptz', '$n::text'],
    source: 'SELECT id, page, helpful, comment, created_at, voter FROM feedback ORDER BY id',
    target: `SELECT id, page, helpful::int, comment, ${ISO('created_at')}, voter FROM feedback ORDER BY id`,
    after: `SELECT setval(pg_get_serial_sequence('feedback', 'id'), GREATEST((SELECT MAX(id) FROM feedback), 1))`,
  },
  {
    table: 'search_days',
    columns: ['day', 'query', 'outcome', 'searches', 'result_total', 'first_seen', 'last_seen'],
    casts: ['$n::text::date', '$n::text', '$n::text', '$n::int', '$n::int', '$n::text::timestamptz', '$n::text::timestamptz'],
    source: 'SELECT day, query, outcome, searches, result_total, first_seen, last_seen FROM search_days ORDER BY day, query, outcome',
    target: `SELECT day::text, query, outcome, searches, result_total, ${ISO('first_seen')}, ${ISO('last_seen')} FROM search_days ORDER BY day, query, outcome`,
  },
  {
    table: 'search_clicks',
    columns: ['day', 'query', 'page', 'position', 'clicks'],
    casts: ['$n::text::date', '$n::text', '$n::text', '$n::int', '$n::int'],
    source: 'SELECT day, query, page, position, clicks FROM search_clicks ORDER BY day, query, page, position',
    target: 'SELECT day::text, query, page, position, clicks FROM search_clicks ORDER BY day, query, page, position',
  },
  {
    table: 'diagnostics_reports',
    columns: ['id', 'report', 'created_at'],
    casts: ['$n::text', '$n::text::json', '$n::text::timestamptz'],
    source: 'SELECT id, report, created_at FROM diagnostics_reports ORDER BY id',
    target: `SELECT id, report::text, ${ISO('created_at')} FROM diagnostics_reports ORDER BY id`,
  },
];

/** Rows per INSERT. */
const BATCH = 500;

export interface TableReport {
  table: string;
  /** Rows in the SQLite file. */
  source: number;
  /** Rows this run added (the rest were there already). */
  added: number;
  /** Rows in PostgreSQL afterwards. */
  target: number;
  sourceChecksum: string;
  targetChecksum: string;
  /** Same count and same checksum. */
  matches: boolean;
}

/** A row as text, the same on both sides: every value as a string (null as null). */
const canonical = (values: unknown[]) => JSON.stringify(values.map((v) => (v === null || v === undefined ? null : String(v))));

class Checksum {
  private hash = createHash('sha256');
  rows = 0;
  add(values: unknown[]) {
    this.hash.update(canonical(values)).update('\n');
    this.rows++;
  }
  digest = () => this.hash.digest('hex').slice(0, 16);
}

/**
 * Copies `<dataDir>/wenda.db` (migrated first, as the server would) into the migrated
 * PostgreSQL database of `sql`, table by table, and verifies each.
 */
export async function copySqliteToPostgres(dataDir: string, sql: Sql): Promise<TableReport[]> {
  // Brings an older file to this version's tables (what the server does at start).
  const { db: migrated, file } = openMigratedDatabase(dataDir);
  migrated.close();
  // One read transaction for all of it: the copy and the checksums see the same rows
  // while a server may go on writing to the file.
  const source = new DatabaseSync(file, { readOnly: true });
  try {
    source.exec('PRAGMA busy_timeout = 5000; BEGIN');
    const reports: TableReport[] = [];
    for (const t of TABLES) reports.push(await copyTable(source, sql, t));
    source.exec('COMMIT');
    return reports;
  } finally {
    source.close();
  }
}

async function copyTable(source: DatabaseSync, sql: Sql, t: TableCopy): Promise<TableReport> {
  const sourceSum = new Checksum();
  let added = 0;
  let batch: SQLInputValue[][] = [];
  const flush = async () => {
    if (!batch.length) return;
    const params = batch.flat();
    const rows = batch.map((_, r) => `(${t.casts.map((cast, c) => cast.replace('$n', `$${r * t.columns.length + c + 1}`)).join(', ')})`);
    const result = await sql.unsafe(`INSERT INTO ${t.table} (${t.columns.join(', ')}) VALUES ${rows.join(', ')} ON CONFLICT DO NOTHING`, params as never[]);
    added += result.count;
    batch = [];
  };
  for (const row of source.prepare(t.source).iterate() as Iterable<Record<string, SQLInputValue>>) {
    const values = t.columns.map((c) => row[c]!);
    sourceSum.add(values);
    batch.push(values);
    if (batch.length >= BATCH) await flush();
  }
  await flush();
  if (t.after) await sql.unsafe(t.after);

  const targetSum = new Checksum();
  const cursor = sql.unsafe(t.target).values().cursor(BATCH);
  for await (const rows of cursor) for (const values of rows) targetSum.add(values);
  const [sourceChecksum, targetChecksum] = [sourceSum.digest(), targetSum.digest()];
  return {
    table: t.table,
    source: sourceSum.rows,
    added,
    target: targetSum.rows,
    sourceChecksum,
    targetChecksum,
    matches: sourceSum.rows === targetSum.rows && sourceChecksum === targetChecksum,
  };
}
