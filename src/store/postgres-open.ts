// Connecting to PostgreSQL and migrating it: the pool made from the settings (size,
// statement timeout; TLS from the URL's sslmode), and the migrations
// (postgres-migrations.ts) applied in one transaction under an advisory lock, so that
// any number of processes starting together migrate once: the first takes the lock and
// migrates, the others wait for it and then find nothing left to do. A database whose
// schema is newer than this code knows is refused with a message saying so.
import postgres, { type Sql } from 'postgres';
import { StoreOpenError } from './errors.ts';
import type { Migration } from './migrations.ts';
import { postgresMigrations } from './postgres-migrations.ts';

export interface PostgresSettings {
  /** `postgres://user:password@host:port/database?sslmode=…` */
  url: string;
  /** Connections at most (per process). */
  poolSize?: number | undefined;
  /** A statement running longer is cancelled (0: no limit). */
  statementTimeoutMs?: number | undefined;
}

/** The key of the advisory lock migrations are applied under ('wenda' in ASCII). */
export const MIGRATION_LOCK = 0x77656e6461;
/** How long a connection attempt may take before the database counts as down. */
const CONNECT_TIMEOUT_S = 5;

/** Errors that say the database is not there (or not answering), rather than that the call was wrong. */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'CONNECT_TIMEOUT',
  'CONNECTION_CLOSED',
  'CONNECTION_DESTROYED',
  // PostgreSQL's own: shutting down, starting up, too many connections, a statement timed out.
  '57P01',
  '57P02',
  '57P03',
  '53300',
  '57014',
]);
export function isUnavailable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || code.startsWith('08'));
}

/** The URL without its password, for messages. */
export const redacted = (url: string) => url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');

export function connect({ url, poolSize = 10, statementTimeoutMs = 5000 }: PostgresSettings): Sql {
  return postgres(url, {
    max: poolSize,
    connect_timeout: CONNECT_TIMEOUT_S,
    idle_timeout: 60,
    // Reconnection waits at most a second (the driver's own backoff grows to 20 s): once
    // a stopped database is back, writes resume within about a second.
    backoff: (retries: number) => Math.min(0.05 * 2 ** retries, 1),
    // "relation already exists, skipping" and the like: nothing for the operator.
    onnotice: () => {},
    connection: { statement_timeout: statementTimeoutMs, application_name: 'wenda' },
  });
}

/**
 * Applies the migrations not yet applied; returns the versions this call applied (none
 * when another process had). Throws StoreOpenError when the database's schema is newer.
 */
export async function migratePostgres(sql: Sql, url: string, migrations: readonly Migration[] = postgresMigrations): Promise<number[]> {
  const known = migrations.at(-1)?.version ?? 0;
  let applied: number[] = [];
  try {
    await sql.begin(async (tx) => {
      // Waiting for another process's migration, or migrating, may take longer than a request's statement may.
      await tx`SET LOCAL statement_timeout = 0`;
      await tx`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`;
      await tx`CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL)`;
      const [{ v }] = (await tx`SELECT COALESCE(MAX(version), 0)::int AS v FROM schema_migrations`) as unknown as [{ v: number }];
      if (v > known) throw newerSchema(url, v, known);
      applied = [];
      for (const migration of migrations) {
        if (migration.version <= v) continue;
        try {
          await tx.unsafe(migration.sql);
        } catch (error) {
          throw new StoreOpenError(`数据库迁移 ${migration.version}（${migration.name}）失败：${(error as Error).message}`);
        }
        await tx`INSERT INTO schema_migrations (version, name, applied_at) VALUES (${migration.version}, ${migration.name}, now())`;
        applied.push(migration.version);
      }
    });
  } catch (error) {
    if (error instanceof StoreOpenError) throw error;
    if (isUnavailable(error) || !(error as { code?: string }).code || /^(28|3D)/.test((error as { code: string }).code)) {
      throw new StoreOpenError(`连不上 PostgreSQL 数据库 ${redacted(url)}（${(error as Error).message}）。请检查 WENDA_DATABASE_URL，以及数据库是否在运行。`);
    }
    throw new StoreOpenError(`迁移 PostgreSQL 数据库 ${redacted(url)} 时出错（${(error as Error).message}），没有改动它。`);
  }
  return applied;
}

/** The schema version the database is at, without changing it; newer than known is refused. */
export async function checkPostgresSchema(sql: Sql, url: string, migrations: readonly Migration[] = postgresMigrations): Promise<number> {
  const known = migrations.at(-1)?.version ?? 0;
  const [{ v }] = (await sql`SELECT COALESCE(MAX(version), 0)::int AS v FROM schema_migrations`) as unknown as [{ v: number }];
  if (v > known) throw newerSchema(url, v, known);
  return v;
}

const newerSchema = (url: string, found: number, known: number) =>
  new StoreOpenError(
    `数据库 ${redacted(url)} 的结构版本是 ${found}，这个版本的 Wenda 只认识到 ${known}：它已被更新版本的 Wenda 迁移过。请运行那个更新的版本，或换回与这个版本相配的数据库备份。`,
  );
