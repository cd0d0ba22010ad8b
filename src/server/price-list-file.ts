// The price list file: validated at start (a bad file stops the server), then watched;
// a change takes effect without a rebuild, and a bad edit keeps the last good list.
import { unwatchFile, watchFile } from 'node:fs';
import { parseWithFriendlyErrors } from '../config/friendly-errors.ts';
import { readJsonFile } from '../config/json-file.ts';
import { priceListSchema, type PriceList } from '../lib/quota/price-list.ts';

export interface PriceListSource {
  current(): PriceList;
  close(): void;
}

/** A price list checked as the server checks its file; `name` says where it came from in the message. */
export function parsePriceList(raw: unknown, name: string): PriceList {
  return parseWithFriendlyErrors(priceListSchema, raw, `${name} 有误：`);
}

function load(path: string): PriceList {
  return parsePriceList(readJsonFile(path, `价格表 ${path}`), `价格表 ${path}`);
}

export interface WatchOptions {
  /** How often the file's mtime is checked, in ms. */
  intervalMs?: number;
  log?: Pick<Console, 'info' | 'error'>;
}

export function watchPriceListFile(path: string, { intervalMs = 500, log = console }: WatchOptions = {}): PriceListSource {
  let current = load(path);
  // Polling (not fs.watch) survives editors that replace the file and mounted volumes.
  watchFile(path, { interval: intervalMs, persistent: false }, (now, before) => {
    if (now.mtimeMs === before.mtimeMs && now.size === before.size) return;
    try {
      current = load(path);
      log.info(`[price-list] 已重新加载价格表 ${path}（版本 ${current.version}）`);
    } catch (error) {
      log.error(`[price-list] 新的价格表无效，继续使用版本 ${current.version}。${(error as Error).message}`);
    }
  });
  return {
    current: () => current,
    close: () => unwatchFile(path),
  };
}
