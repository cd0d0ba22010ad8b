// `npm run price-list -- publish <file>`: publishes a price list to the PostgreSQL
// database (WENDA_DATABASE_URL), checked as the server checks its file first: every
// server process on that database switches to it within a second. Without PostgreSQL
// the price list is the file WENDA_PRICE_LIST names: edit it (docs/operating/price-list.md).
import { resolve } from 'node:path';
import { OperatorError } from '../config/friendly-errors.ts';
import { readJsonFile } from '../config/json-file.ts';
import { readStartDir, readStoreConfig } from '../server/config.ts';
import { parsePriceList } from '../server/price-list-file.ts';
import { StoreOpenError } from '../store/errors.ts';
import { connect, migratePostgres, redacted } from '../store/postgres-open.ts';
import { publishPriceList } from '../store/postgres-price-lists.ts';
import { commandArgs, fail } from './command-line.ts';

const USAGE = `用法：npm run price-list -- publish <价格表文件>
  检查价格表（与服务器检查 WENDA_PRICE_LIST 文件的规则相同），通过后发布到 WENDA_DATABASE_URL 的数据库：
  连着这个数据库的每个服务器进程在一秒内换用它。检查不通过时什么都不发布。
  例：WENDA_DATABASE_URL=postgres://wenda:密码@db.example.com/wenda npm run price-list -- publish content/price-list.json`;

const args = commandArgs(USAGE);
if (args[0] !== 'publish') fail(`${args.length ? `不认识的命令 ${args[0]}` : '没有给出命令'}。\n${USAGE}`);
if (args.length !== 2) fail(`publish 需要一个价格表文件，收到了 ${args.length - 1} 个参数。\n${USAGE}`);

try {
  const env = readStoreConfig();
  if (!env.WENDA_DATABASE_URL) {
    fail('没有设置 WENDA_DATABASE_URL：价格表只能发布到 PostgreSQL 数据库。只用 SQLite 时，服务器读 WENDA_PRICE_LIST 指向的文件，改那个文件即可（保存后自动生效）。');
  }
  const path = resolve(readStartDir() ?? process.cwd(), args[1]!);
  const raw = readJsonFile(path, `价格表 ${path}`);
  const list = parsePriceList(raw, `价格表 ${path}`);
  const url = env.WENDA_DATABASE_URL;
  const sql = connect({ url, poolSize: 1, statementTimeoutMs: 0 });
  try {
    await migratePostgres(sql, url);
    const published = await publishPriceList(sql, list.version, raw);
    console.log(`已把价格表版本 ${list.version} 发布到 ${redacted(url)}（第 ${published.id} 次发布）：各服务器进程会在一秒内换用它。`);
  } finally {
    await sql.end({ timeout: 5 });
  }
} catch (error) {
  if (error instanceof OperatorError || error instanceof StoreOpenError) fail(error.message);
  fail(`发布失败：${(error as Error).message}`);
}
