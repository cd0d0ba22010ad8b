// Which store the server uses: PostgreSQL when WENDA_DATABASE_URL is set (any number of
// server processes on one database), else the SQLite file in WENDA_DATA_DIR (one process).
import { openPostgresStore } from './postgres.ts';
import { openSqliteStore } from './sqlite.ts';
import type { Store } from './types.ts';

export interface StoreSettings {
  WENDA_DATA_DIR: string;
  WENDA_DATABASE_URL?: string | undefined;
  WENDA_DATABASE_POOL_SIZE?: number | undefined;
  WENDA_DATABASE_STATEMENT_TIMEOUT_MS?: number | undefined;
}

/** Opens (and migrates) the store the settings name; throws StoreOpenError with a message for the operator. */
export async function openStore(settings: StoreSettings): Promise<Store> {
  if (!settings.WENDA_DATABASE_URL) return openSqliteStore(settings.WENDA_DATA_DIR);
  return openPostgresStore({
    url: settings.WENDA_DATABASE_URL,
    poolSize: settings.WENDA_DATABASE_POOL_SIZE,
    statementTimeoutMs: settings.WENDA_DATABASE_STATEMENT_TIMEOUT_MS,
  });
}
