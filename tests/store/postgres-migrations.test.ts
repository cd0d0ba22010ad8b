// PostgreSQL migrations for many processes: ten sessions starting together migrate once
// (the advisory lock); `npm run migrate` as a release step; a database migrated by a newer Wenda is
// refused with a message saying so, and left as it was; an unreachable one is named.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import postgres from 'postgres';
import { afterAll, describe, expect, inject, test } from 'vitest';
import { StoreOpenError } from '../../src/store/errors.ts';
import { postgresMigrations } from '../../src/store/postgres-migrations.ts';
import { openPostgresStore } from '../../src/store/postgres.ts';
import { connect, migratePostgres } from '../../src/store/postgres-open.ts';
import { createTestDatabase, freePort } from '../support/postgres.ts';

const run = promisify(execFile);
const migrateCli = new URL('../../src/cli/migrate.ts', import.meta.url).pathname;
const latest = postgresMigrations.at(-1)!.version;
const admins: postgres.Sql[] = [];
afterAll(() => Promise.all(admins.map((a) => a.end())));
function admin(url: string) {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  admins.push(sql);
  return sql;
}

describe('migrations for many processes', () => {
  test('ten processes starting together: one migrates, nine find nothing to do; the schema is whole', async () => {
    const url = await createTestDatabase(inject('postgresUrl'));
    // Ten pools, each its own session, as ten processes are to the database (ten node
    // processes would cost some 15 s on a busy machine; \`npm run migrate\` runs as a process below).
    const pools = Array.from({ length: 10 }, () => connect({ url, poolSize: 1 }));
    try {
      const applied = await Promise.all(pools.map((sql) => migratePostgres(sql, url)));
      expect(applied.filter((versions) => versions.length > 0)).toEqual([postgresMigrations.map((m) => m.version)]);
    } finally {
      await Promise.all(pools.map((sql) => sql.end()));
    }
    const sql = admin(url);
    expect(await sql`SELECT version FROM schema_migrations ORDER BY version`).toEqual(postgresMigrations.map((m) => ({ version: m.version })));
    const tables = await sql`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`;
    expect(tables.map((t) => t.tablename)).toEqual(['diagnostics_reports', 'feedback', 'price_lists', 'quotes', 'schema_migrations', 'search_clicks', 'search_days', 'token_guesses', 'write_windows']);
  });

  test('`npm run migrate` as a release step: migrates, then finds nothing to do', async () => {
    const env = { ...process.env, WENDA_DATABASE_URL: await createTestDatabase(inject('postgresUrl')) };
    expect((await run(process.execPath, [migrateCli], { env })).stdout).toContain(`迁移到结构版本 ${latest}（本次执行了迁移 ${postgresMigrations.map((m) => m.version).join('、')}）`);
    expect((await run(process.execPath, [migrateCli], { env })).stdout).toContain('没有要做的迁移');
  }, 30_000);

  test('a schema newer than this version knows: refused, with a message, and nothing changed', async () => {
    const url = await createTestDatabase(inject('postgresUrl'));
    (await openPostgresStore({ url })).close();
    const sql = admin(url);
    await sql`INSERT INTO schema_migrations (version, name, applied_at) VALUES (${latest + 1}, 'from the future', now())`;
    const refused = await openPostgresStore({ url }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(StoreOpenError);
    expect((refused as Error).message).toContain(`结构版本是 ${latest + 1}，这个版本的 Wenda 只认识到 ${latest}`);
    // The password is never shown.
    expect((refused as Error).message).not.toMatch(/:[^@/]*@/);
    const cli = await run(process.execPath, [migrateCli], { env: { ...process.env, WENDA_DATABASE_URL: url } }).then(
      () => undefined,
      (e: { code: number; stderr: string }) => e,
    );
    expect(cli?.code).toBe(1);
    expect(cli?.stderr).toContain(`只认识到 ${latest}`);
    expect((await sql`SELECT MAX(version) AS v FROM schema_migrations`)[0]!.v).toBe(latest + 1);
  }, 30_000);

  test('a database that does not answer is named (without its password)', async () => {
    const url = `postgres://wenda:secret@127.0.0.1:${await freePort()}/wenda`;
    const refused = await openPostgresStore({ url }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(StoreOpenError);
    expect((refused as Error).message).toContain('连不上 PostgreSQL 数据库 postgres://wenda:***@127.0.0.1');
    expect((refused as Error).message).not.toContain('secret');
  });
});
