// The SQLite schema as numbered migrations, applied in order at start. Never edit a
// released migration: add the next number.

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'quotes, feedback, search misses, diagnostics reports',
    sql: `
      CREATE TABLE quotes (
        id TEXT PRIMARY KEY,
        input TEXT NOT NULL,
        estimate TEXT NOT NULL,
        price_list_version TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX quotes_created_at ON quotes (created_at);

      CREATE TABLE feedback (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        page TEXT NOT NULL,
        helpful INTEGER NOT NULL CHECK (helpful IN (0, 1)),
        comment TEXT,
        created_at TEXT NOT NULL
      );
      CREATE INDEX feedback_page ON feedback (page, created_at);

      CREATE TABLE search_misses (
        query TEXT PRIMARY KEY,
        count INTEGER NOT NULL,
        first_seen TEXT NOT NULL,
        last_seen TEXT NOT NULL
      );
      CREATE INDEX search_misses_count ON search_misses (count DESC, last_seen DESC);

      CREATE TABLE diagnostics_reports (
        id TEXT PRIMARY KEY,
        report TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
    `,
  },
  {
    version: 2,
    name: 'one changeable vote per browser and page',
    sql: `
      ALTER TABLE feedback ADD COLUMN voter TEXT;
      CREATE UNIQUE INDEX feedback_page_voter ON feedback (page, voter) WHERE voter IS NOT NULL;
    `,
  },
  // Search analytics (issue 18): every settled search, not only failed ones, as daily
  // totals per query and outcome, and result clicks as daily totals per query, page and
  // position. The old failed searches become rows of the first and last day they were
  // seen (the count between them has no day of its own: it goes to the last); they did
  // not say whether nothing or only stray words were found, so they count as `none`.
  {
    version: 3,
    name: 'search analytics: daily searches per query and outcome, result clicks',
    sql: `
      CREATE TABLE search_days (
        day TEXT NOT NULL,
        query TEXT NOT NULL,
        outcome TEXT NOT NULL CHECK (outcome IN ('results', 'partial', 'guess', 'none')),
        searches INTEGER NOT NULL,
        result_total INTEGER NOT NULL,
        first_seen TEXT NOT NULL,
        last_seen TEXT NOT NULL,
        PRIMARY KEY (day, query, outcome)
      ) WITHOUT ROWID;
      CREATE INDEX search_days_query ON search_days (query, outcome);

      CREATE TABLE search_clicks (
        day TEXT NOT NULL,
        query TEXT NOT NULL,
        page TEXT NOT NULL,
        position INTEGER NOT NULL,
        clicks INTEGER NOT NULL,
        PRIMARY KEY (day, query, page, position)
      ) WITHOUT ROWID;
      CREATE INDEX search_clicks_page ON search_clicks (page, day);

      INSERT INTO search_days (day, query, outcome, searches, result_total, first_seen, last_seen)
        SELECT date(first_seen, '+8 hours'), query, 'none',
          CASE WHEN date(first_seen, '+8 hours') = date(last_seen, '+8 hours') THEN count ELSE 1 END, 0,
          first_seen,
          CASE WHEN date(first_seen, '+8 hours') = date(last_seen, '+8 hours') THEN last_seen ELSE first_seen END
        FROM search_misses;
      INSERT INTO search_days (day, query, outcome, searches, result_total, first_seen, last_seen)
        SELECT date(last_seen, '+8 hours'), query, 'none', count - 1, 0, last_seen, last_seen
        FROM search_misses WHERE date(first_seen, '+8 hours') <> date(last_seen, '+8 hours') AND count > 1;
      DROP TABLE search_misses;
    `,
  },
];
