// `npm run backup -- <file>`: a consistent copy of the store (WENDA_DATA_DIR/wenda.db)
// into <file>, while the server keeps running and writing. Restore: see
// docs/operating/backup-and-restore.md. The work is in src/store/backup.ts.
import { resolve } from 'node:path';
import { OperatorError } from '../config/friendly-errors.ts';
import { readBackupConfig } from '../server/config.ts';
import { backupStore } from '../store/backup.ts';
import { commandArgs, fail } from './command-line.ts';

const USAGE = `用法：npm run backup -- <备份文件>
  把数据目录（WENDA_DATA_DIR，默认是项目下的 data/）里的 wenda.db 备份到 <备份文件>，服务器不必停。
  <备份文件> 不能已经存在；相对路径从运行 npm 的目录算起。
  例：WENDA_DATA_DIR=/var/lib/wenda npm run backup -- /backups/wenda-$(date +%F).db`;

const args = commandArgs(USAGE);
if (args.length === 0) fail(`没有给出备份文件。\n${USAGE}`);
if (args.length > 1) fail(`只能给一个备份文件，收到了 ${args.length} 个：${args.join(' ')}\n${USAGE}`);
if (args[0]!.startsWith('-')) fail(`不认识的选项 ${args[0]}。\n${USAGE}`);

try {
  const env = readBackupConfig();
  const destination = resolve(env.INIT_CWD ?? process.cwd(), args[0]!);
  const started = Date.now();
  const { file, bytes, rows } = await backupStore(env.WENDA_DATA_DIR, destination);
  const contents = Object.entries(rows)
    .filter(([table]) => table !== 'schema_migrations')
    .map(([table, n]) => `${table} ${n} 行`)
    .join('，');
  console.log(`已备份到 ${file}（${(bytes / 1024 / 1024).toFixed(1)} MB，用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒；${contents}）。`);
} catch (error) {
  if (error instanceof OperatorError) fail(error.message);
  fail(`备份失败：${(error as Error).message}`);
}
