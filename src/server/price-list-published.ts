// The price list with PostgreSQL: the newest list published to the database
// (src/store/postgres-price-lists.ts) once there is one, else the file
// (price-list-file.ts) as without it. Every process listens for publications and
// switches within a moment; a published list that fails the checks is refused (logged)
// and the last good one stays in force, as with a bad edit of the file. A process
// starting takes the newest publication that passes them.
import type { Sql } from 'postgres';
import type { PriceList } from '../lib/quota/price-list.ts';
import { latestPriceLists, PRICE_LIST_CHANNEL, type PublishedPriceList } from '../store/postgres-price-lists.ts';
import { parsePriceList, type PriceListSource } from './price-list-file.ts';

/** Publications looked through at start for the newest good one. */
const START_LOOKBACK = 20;

export async function followPublishedPriceLists(sql: Sql, file: PriceListSource, log: Pick<Console, 'info' | 'error'> = console): Promise<PriceListSource> {
  let published: PriceList | undefined;
  let seen = 0;
  const parse = (row: PublishedPriceList) => parsePriceList(JSON.parse(row.body), `数据库里发布的价格表（第 ${row.id} 次发布）`);
  function take([row]: PublishedPriceList[]) {
    if (!row || row.id <= seen) return;
    seen = row.id;
    try {
      published = parse(row);
      log.info(`[price-list] 已换用数据库里发布的价格表（版本 ${published.version}）`);
    } catch (error) {
      log.error(`[price-list] 数据库里新发布的价格表无效，继续使用版本 ${(published ?? file.current()).version}。${(error as Error).message}`);
    }
  }
  /** At start: the newest publication that passes the checks (of the last few). */
  async function start() {
    const rows = await latestPriceLists(sql, START_LOOKBACK);
    seen = rows[0]?.id ?? 0;
    for (const row of rows) {
      try {
        published = parse(row);
        return;
      } catch (error) {
        log.error(`[price-list] 跳过数据库里无效的价格表：${(error as Error).message}`);
      }
    }
  }
  // One check at a time; a notice during one asks for another after it.
  let checking: Promise<void> | undefined;
  let again = false;
  const check = (): Promise<void> => {
    if (checking) {
      again = true;
      return checking;
    }
    checking = latestPriceLists(sql)
      .then(take, (error: Error) => log.error(`[price-list] 读不到数据库里发布的价格表：${error.message}`))
      .finally(() => {
        checking = undefined;
        if (again) {
          again = false;
          void check();
        }
      });
    return checking;
  };
  await start();
  // On each (re)connection too: a publication made while the connection was down.
  const listening = await sql.listen(PRICE_LIST_CHANNEL, () => void check(), () => void check());
  return {
    current: () => published ?? file.current(),
    close() {
      void listening.unlisten().catch(() => {});
      file.close();
    },
  };
}
