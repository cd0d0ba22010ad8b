// What several processes share through PostgreSQL (issue 22, item 4), each "process"
// here a pool of its own on one database: the write limit counted once for all, the
// admin-token guesses adding up across processes, and price lists published with
// `npm run price-list -- publish` reaching every process within a second, a bad one
// refused with the last good list kept.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Sql } from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { MAX_WRONG_TOKENS, TokenThrottle, WINDOW_MS } from '../../src/api/middleware/token-throttle.ts';
import { watchPriceListFile } from '../../src/server/price-list-file.ts';
import { followPublishedPriceLists } from '../../src/server/price-list-published.ts';
import { connect, migratePostgres } from '../../src/store/postgres-open.ts';
import { postgresGuessTally, postgresWriteCounter } from '../../src/store/postgres-shared.ts';
import { createTestDatabase } from '../support/postgres.ts';

const run = promisify(execFile);
const cli = new URL('../../src/cli/price-list.ts', import.meta.url).pathname;
const sampleFile = new URL('../../content/price-list.sample.json', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'wenda-shared-'));
let url: string;
const pools: Sql[] = [];
const closing: (() => unknown)[] = [];
beforeAll(async () => {
  url = await createTestDatabase(inject('postgresUrl'));
  await migratePostgres(process_(), url);
});
afterAll(async () => {
  for (const close of closing) await close();
  await Promise.all(pools.map((p) => p.end()));
  rmSync(dir, { recursive: true, force: true });
});
/** A pool of its own, as a server process has. */
function process_() {
  const sql = connect({ url, poolSize: 2 });
  pools.push(sql);
  return sql;
}
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
async function within(ms: number, probe: () => boolean) {
  for (const end = Date.now() + ms; Date.now() < end; await sleep(20)) if (probe()) return true;
  return probe();
}

describe('the write limit', () => {
  test('one budget per client for every process; the next minute starts again', async () => {
    const [a, b, c] = [postgresWriteCounter(process_(), 5), postgresWriteCounter(process_(), 5), postgresWriteCounter(process_(), 5)];
    const now = Date.now();
    const waits = [];
    for (let i = 0; i < 6; i++) waits.push(await [a, b, c][i % 3]!('203.0.113.7', now + i));
    expect(waits.slice(0, 5)).toEqual([0, 0, 0, 0, 0]);
    expect(waits[5]).toBeGreaterThanOrEqual(59);
    // Another client has its own budget; the same one starts again a minute on.
    expect(await b('203.0.113.8', now)).toBe(0);
    expect(await c('203.0.113.7', now + 60_001)).toBe(0);
  });

  test('writes at the same time from many processes: exactly the budget goes through', async () => {
    const counters = Array.from({ length: 3 }, () => postgresWriteCounter(process_(), 20));
    const now = Date.now();
    const waits = await Promise.all(Array.from({ length: 45 }, (_, i) => counters[i % 3]!('198.51.100.1', now)));
    expect(waits.filter((w) => w === 0)).toHaveLength(20);
  });
});

describe('admin-token guesses', () => {
  test('wrong tokens through any process add up; every process refuses once the limit is reached; a right one clears it everywhere', async () => {
    const throttles = await Promise.all(
      [0, 1, 2].map(async () => {
        let tally: Awaited<ReturnType<typeof postgresGuessTally>> | undefined;
        const throttle = new TokenThrottle({ failed: (k, n) => tally?.failed(k, n), succeeded: (k) => tally?.succeeded(k) });
        tally = await postgresGuessTally(process_(), (key, entry) => throttle.heard(key, entry), WINDOW_MS);
        closing.push(() => tally!.close());
        return throttle;
      }),
    );
    const now = Date.now();
    // One guess after another (a guesser waits for each answer), spread over the three.
    for (let i = 0; i < MAX_WRONG_TOKENS; i++) {
      throttles[i % 3]!.failed('2001:db8:1:2::7', now + i);
      await sleep(30);
    }
    for (const t of throttles) expect(await within(1000, () => t.retryAfterSeconds('2001:db8:1:2::99', now + 20) > 0)).toBe(true);
    throttles[1]!.succeeded('2001:db8:1:2::5');
    for (const t of throttles) expect(await within(1000, () => t.retryAfterSeconds('2001:db8:1:2::7', now + 20) === 0)).toBe(true);
  });

  test('a process started later learns the guesses already counted', async () => {
    const first = process_();
    const tally = await postgresGuessTally(first, () => {}, WINDOW_MS);
    closing.push(() => tally.close());
    const now = Date.now();
    for (let i = 0; i < MAX_WRONG_TOKENS; i++) tally.failed('192.0.2.44', now);
    for (let counted = 0; counted < MAX_WRONG_TOKENS; await sleep(20)) {
      counted = Number((await first`SELECT COALESCE(MAX(wrong), 0) AS n FROM token_guesses WHERE client = '192.0.2.44'`)[0]!.n);
    }
    const late = new TokenThrottle();
    const lateTally = await postgresGuessTally(process_(), (key, entry) => late.heard(key, entry), WINDOW_MS);
    closing.push(() => lateTally.close());
    expect(await within(1000, () => late.retryAfterSeconds('192.0.2.44', Date.now()) > 0)).toBe(true);
  });
});

describe('published price lists', () => {
  test('every process switches within a second; a bad file publishes nothing; a bad row keeps the last good list', async () => {
    const file = () => watchPriceListFile(sampleFile, { log: { info() {}, error() {} } });
    const logs: string[] = [];
    const log = { info: (m: string) => logs.push(m), error: (m: string) => logs.push(m) };
    const followers = await Promise.all([0, 1, 2].map(() => followPublishedPriceLists(process_(), file(), log)));
    for (const f of followers) closing.push(() => f.close());
    expect(followers.map((f) => f.current().version)).toEqual(['2026-11-sample', '2026-11-sample', '2026-11-sample']);

    const sample = JSON.parse(readFileSync(sampleFile, 'utf8'));
    const next = join(dir, 'next.json');
    writeFileSync(next, JSON.stringify({ ...sample, version: '2026-12-正式' }));
    const env = { ...process.env, WENDA_DATABASE_URL: url };
    const published = await run(process.execPath, [cli, 'publish', next], { env });
    expect(published.stdout).toContain('已把价格表版本 2026-12-正式 发布到');
    const at = Date.now();
    expect(await within(1000, () => followers.every((f) => f.current().version === '2026-12-正式'))).toBe(true);
    expect(Date.now() - at).toBeLessThan(1000);

    // Checked as the file is: a bad one is refused with the field named, nothing published.
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ ...sample, version: '坏的', robotLicencePerYear: -1 }));
    const refused = await run(process.execPath, [cli, 'publish', bad], { env }).then(
      () => undefined,
      (e: { code: number; stderr: string }) => e,
    );
    expect(refused?.code).toBe(1);
    expect(refused?.stderr).toContain('robotLicencePerYear');
    // A bad list that reached the database anyway (by hand): refused by every process, the last good one kept.
    await pools[0]!`INSERT INTO price_lists (version, body, published_at) VALUES ('手写的', '{"version": "手写的"}', now())`;
    await pools[0]!`SELECT pg_notify('wenda_price_list', 'x')`;
    expect(await within(1000, () => logs.filter((m) => m.includes('数据库里新发布的价格表无效，继续使用版本 2026-12-正式')).length === 3)).toBe(true);
    expect(followers.map((f) => f.current().version)).toEqual(['2026-12-正式', '2026-12-正式', '2026-12-正式']);

    // A process started now takes the newest publication that passes the checks.
    const late = await followPublishedPriceLists(process_(), file(), log);
    closing.push(() => late.close());
    expect(late.current().version).toBe('2026-12-正式');
  });

  test('without PostgreSQL there is nothing to publish to: the message says to edit the file', async () => {
    const { WENDA_DATABASE_URL: _, ...env } = process.env;
    const refused = await run(process.execPath, [cli, 'publish', sampleFile], { env }).then(
      () => undefined,
      (e: { code: number; stderr: string }) => e,
    );
    expect(refused?.code).toBe(1);
    expect(refused?.stderr).toContain('没有设置 WENDA_DATABASE_URL');
  });
});
