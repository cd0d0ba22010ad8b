// A consistent copy of the store while the server keeps writing: SQLite's online backup
// (node:sqlite's backup()) from a read-only connection of its own, so it works from
// another process beside the running server. `npm run backup -- <file>` (src/cli/backup.ts).
import { backup, DatabaseSync } from 'node:sqlite';
import { existsSync, linkSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { OperatorError } from '../config/friendly-errors.ts';

/** The backup cannot be made; the message says why and what to do, for the operator. */
export class BackupError extends OperatorError {
  override name = 'BackupError';
}

/**
 * Pages copied per step: all of them. A copy made in several steps starts again whenever
 * another connection (the server) writes between two steps, so under a steady stream of
 * writes it might never end; in one step it reads one snapshot, which writes made
 * meanwhile do not disturb (they go to the log).
 */
const ALL_PAGES = 2 ** 31 - 1;

export interface BackupResult {
  file: string;
  bytes: number;
  /** Rows per table in the copy, for the operator to see what it holds. */
  rows: Record<string, number>;
}

/**
 * Copies `<dataDir>/wenda.db` to `destination`, which must not exist yet. The copy is
 * written beside it under another name, checked (SQLite's integrity check), made a single
 * self-contained file (no -wal beside it), and only then given its name: a backup that
 * fails leaves nothing that looks like a backup.
 */
export async function backupStore(dataDir: string, destination: string): Promise<BackupResult> {
  const source = join(dataDir, 'wenda.db');
  if (!existsSync(dataDir)) throw new BackupError(`数据目录 ${dataDir} 不存在。请用 WENDA_DATA_DIR 指明 Wenda 的数据目录（与启动服务器时相同）。`);
  if (!existsSync(source)) throw new BackupError(`数据目录 ${dataDir} 里没有 wenda.db：这不是 Wenda 用过的数据目录。请用 WENDA_DATA_DIR 指明正确的目录。`);
  if (existsSync(destination)) throw new BackupError(`${destination} 已经存在，没有覆盖它。请换一个文件名，或先把那个文件移走。`);
  if (!existsSync(dirname(destination))) throw new BackupError(`备份要放的目录 ${dirname(destination)} 不存在，请先建好它。`);

  const partial = `${destination}.partial-${process.pid}`;
  const removePartial = () => {
    for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(partial + suffix, { force: true });
  };
  let reader: DatabaseSync | undefined;
  try {
    reader = new DatabaseSync(source, { readOnly: true });
    reader.exec('PRAGMA busy_timeout = 5000');
    await backup(reader, partial, { rate: ALL_PAGES });
  } catch (error) {
    removePartial();
    const reason = (error as Error).message;
    if (/not a database/i.test(reason)) throw new BackupError(`${source} 不是 SQLite 数据库（文件放错了，或已损坏），没有备份。`);
    throw new BackupError(`备份 ${source} 失败：${reason}`);
  } finally {
    if (reader?.isOpen) reader.close();
  }

  let rows: Record<string, number>;
  try {
    rows = checkCopy(partial);
    // Named only now, and never over a file that appeared meanwhile (link fails if it exists).
    try {
      linkSync(partial, destination);
    } catch (error) {
      // A file system without hard links: a rename, after one more look.
      if ((error as NodeJS.ErrnoException).code === 'EEXIST' || existsSync(destination)) throw error;
      renameSync(partial, destination);
    }
  } catch (error) {
    removePartial();
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new BackupError(`${destination} 在备份期间被别的程序建了出来，没有覆盖它。请换一个文件名。`);
    if (error instanceof BackupError) throw error;
    throw new BackupError(`备份写到 ${partial} 时失败：${(error as Error).message}`);
  }
  removePartial();
  return { file: destination, bytes: statSync(destination).size, rows };
}

/** Makes the copy one file (rollback journal, as the server turns it to WAL when it opens it), checks it, counts its rows. */
function checkCopy(file: string): Record<string, number> {
  const copy = new DatabaseSync(file);
  try {
    copy.exec('PRAGMA journal_mode = DELETE');
    const problems = (copy.prepare('PRAGMA integrity_check').all() as { integrity_check: string }[]).map((r) => r.integrity_check);
    if (problems.join() !== 'ok') throw new BackupError(`备份的副本没有通过 SQLite 的完整性检查（${problems.slice(0, 3).join('；')}），已删除。请再试一次。`);
    const tables = (copy.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
    return Object.fromEntries(tables.map((t) => [t, Number((copy.prepare(`SELECT COUNT(*) AS n FROM "${t}"`).get() as { n: number }).n)]));
  } finally {
    copy.close();
  }
}
