// `npm run migrate`: brings the store's schema up to this version's, as a release step
// of its own (before the new version's servers start; they would do it at start too, and
// then find nothing left). PostgreSQL (WENDA_DATABASE_URL) under the same advisory lock
// the servers take, so it is safe while old servers run; else the SQLite file in
// WENDA_DATA_DIR. A schema newer than this version knows is refused, changing nothing.
import { OperatorError } from '../config/friendly-errors.ts';
import { readStoreConfig } from '../server/config.ts';
import { StoreOpenError } from '../store/errors.ts';
import { postgresMigrations } from '../store/postgres-migrations.ts';
import { connect, migratePostgres, redacted } from '../store/postgres-open.ts';
import { migrations } from '../store/migrations.ts';
import { openSqliteStore } from '../store/sqlite.ts';
import { commandArgs, fail } from './command-line.ts';

const USAGE = `用法：npm run migrate
  把数据存储的结构升级到这个版本：设置了 WENDA_DATABASE_URL 时是那个 PostgreSQL 数据库，
  否则是 WENDA_DATA_DIR 里的 wenda.db。可以在旧版本的服务器还在运行时执行。`;

const args = commandArgs(USAGE);
if (args.length) fail(`不认识的参数 ${args.join(' ')}。\n${USAGE}`);

try {
  const env = readStoreConfig();
  if (env.WENDA_DATABASE_URL) {
    const url = env.WENDA_DATABASE_URL;
    const sql = connect({ url, poolSize: 1, statementTimeoutMs: 0 });
    try {
      const applied = await migratePostgres(sql, url);
      const latest = postgresMigrations.at(-1)!.version;
      console.log(
        applied.length
          ? `已把 ${redacted(url)} 迁移到结构版本 ${latest}（本次执行了迁移 ${applied.join('、')}）。`
          : `${redacted(url)} 已是结构版本 ${latest}，没有要做的迁移。`,
      );
    } finally {
      await sql.end({ timeout: 5 });
    }
  } else {
    // Opening the file applies what is missing (src/store/sqlite-open.ts).
    openSqliteStore(env.WENDA_DATA_DIR).close();
    console.log(`${env.WENDA_DATA_DIR}/wenda.db 已是结构版本 ${migrations.at(-1)!.version}。`);
  }
} catch (error) {
  if (error instanceof OperatorError || error instanceof StoreOpenError) fail(error.message);
  fail(`迁移失败：${(error as Error).message}`);
}
