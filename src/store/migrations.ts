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
];
