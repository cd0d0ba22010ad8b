// The PostgreSQL store against the store contract (tests/support/store-contract.ts),
// which the SQLite store passes too, on a database of its own on the test run's
// PostgreSQL server (tests/support/postgres-global-setup.ts), emptied before each test
// (quicker than a new database each time).
import { afterAll, inject } from 'vitest';
import { openPostgresStore, type PostgresStore } from '../../src/store/postgres.ts';
import { createTestDatabase } from '../support/postgres.ts';
import { storeContract } from '../support/store-contract.ts';

let store: PostgresStore | undefined;
afterAll(() => store?.end());

storeContract('postgresql', async () => {
  store ??= await openPostgresStore({ url: await createTestDatabase(inject('postgresUrl')) });
  await store.sql`TRUNCATE quotes, feedback, search_days, search_clicks, diagnostics_reports RESTART IDENTITY`;
  return { store, close: async () => {} };
});
