// `npm run store:copy -- <sqlite dir> <postgres url>`: copies a SQLite store into
// PostgreSQL (migrating it first) and verifies every table; the work is in
// src/store/copy.ts. Moving an install: docs/operating/scale-out.md.
import { resolve } from 'node:path';
import { OperatorError } from '../config/friendly-errors.ts';
import { readStartDir, serverEnvSchema } from '../server/config.ts';
import { copySqliteToPostgres } from '../store/copy.ts';
import { StoreOpenError } from '../store/errors.ts';
import { connect, migratePostgres, redacted } from '../store/postgres-open.ts';
import { commandArgs, fail } from './command-line.ts';

const USAGE = `用法：npm run store:copy -- <SQLite 数据目录> <PostgreSQL 网址>
  把数据目录里 wenda.db 的全部数据（反馈、搜索统计与失败的搜索、诊断报告、保存的报价，连同它们的编号）
  复制到 PostgreSQL 数据库（先迁移到这个版本的结构），再逐表核对行数与校验和。
  已经在目标库里的行不会重复添加：可以再运行一次，只补上新增的数据。
  例：npm run store:copy -- /var/lib/wenda postgres://wenda:密码@db.example.com:5432/wenda?sslmode=require`;

const args = commandArgs(USAGE);
if (args.length !== 2) fail(`需要两个参数（数据目录和 PostgreSQL 网址），收到了 ${args.length} 个。\n${USAGE}`);
const option = args.find((a) => a.startsWith('-'));
if (option) fail(`不认识的选项 ${option}。\n${USAGE}`);

// The URL is checked as the server checks WENDA_DATABASE_URL.
const checked = serverEnvSchema.shape.WENDA_DATABASE_URL.safeParse(args[1]);
if (!checked.success || !checked.data) fail(`PostgreSQL 网址有误：${checked.error?.issues.map((i) => i.message).join('；') ?? '不能为空'}\n${USAGE}`);
const url = checked.data;
// npm runs scripts from the project: a relative directory is taken from where npm was started.
const dataDir = resolve(readStartDir() ?? process.cwd(), args[0]!);

const sql = connect({ url, poolSize: 2, statementTimeoutMs: 0 });
try {
  const started = Date.now();
  await migratePostgres(sql, url);
  const reports = await copySqliteToPostgres(dataDir, sql);
  console.log(`从 ${dataDir}/wenda.db 复制到 ${redacted(url)}（用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒）：`);
  for (const r of reports) {
    const verdict = r.matches ? '一致' : `不一致（SQLite 校验和 ${r.sourceChecksum}，PostgreSQL ${r.targetChecksum}）`;
    console.log(`  ${r.table}：SQLite ${r.source} 行，本次新增 ${r.added} 行，PostgreSQL ${r.target} 行，${verdict}`);
  }
  const bad = reports.filter((r) => !r.matches);
  if (bad.length) {
    fail(`核对没有通过：${bad.map((r) => r.table).join('、')}。目标库里可能已有别处来的数据，或复制期间被改动过；请换一个空的数据库重新复制。`);
  }
  console.log('逐表核对通过。');
} catch (error) {
  if (error instanceof OperatorError || error instanceof StoreOpenError) fail(error.message);
  fail(`复制失败：${(error as Error).message}`);
} finally {
  await sql.end({ timeout: 5 });
}
