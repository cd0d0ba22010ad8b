// `npm run store:copy`: a SQLite store with rows in every table (more quotes than one
// batch) copied into PostgreSQL; the PostgreSQL store then answers exactly as the SQLite one did, ids and
// all; a second run adds nothing; a table changed behind its back fails the check.
// (The command's own refusal of a mismatch: src/cli/store-copy.ts prints each table's verdict and exits 1.)
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, expect, inject, test } from 'vitest';
import { lastDays } from '../../src/lib/search/analytics.ts';
import { copySqliteToPostgres } from '../../src/store/copy.ts';
import { openPostgresStore } from '../../src/store/postgres.ts';
import { openSqliteStore } from '../../src/store/sqlite.ts';
import type { Store } from '../../src/store/types.ts';
import { createTestDatabase } from '../support/postgres.ts';
import { chinaNoon, collect } from '../support/store-contract.ts';

const run = promisify(execFile);
const cli = new URL('../../src/cli/store-copy.ts', import.meta.url).pathname;
const dataDir = mkdtempSync(join(tmpdir(), 'wenda-copy-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** Everything a store answers, for comparing two. */
async function everything(s: Store) {
  const range = lastDays(90, chinaNoon(0));
  const quotes = (await collect(s.allQuotes())).rows;
  return {
    quotes,
    reopened: await Promise.all(quotes.map((q) => s.getQuote(q.id))),
    feedback: (await collect(s.allFeedbackByPage())).rows,
    misses: (await collect(s.allSearchMisses())).rows,
    totals: await s.searchTotals(range),
    queries: (await collect(s.allSearchQueries(range, 'all'))).rows,
    articles: (await collect(s.allArticlesFromSearch(range))).rows,
  };
}

test('every table copied with its ids, verified; a second run adds nothing; the copy answers as the original', async () => {
  const source = openSqliteStore(dataDir);
  const quotes = [];
  for (let i = 0; i < 620; i++) quotes.push(await source.saveQuote({ input: { robots: i, note: '机器人 🤖' }, estimate: { totalCost: 1234.5 + i, unit: 0.1 }, priceListVersion: '2026-12' }));
  for (let i = 0; i < 40; i++) await source.addFeedback({ page: `/faq/p${i % 7}/`, helpful: i % 3 > 0, comment: i % 4 ? `评论 ${i}` : undefined, voter: i % 5 ? `v${i}` : undefined });
  for (let d = 0; d < 5; d++) for (const q of ['发票', 'zqx', 'vip 退款']) await source.recordSearch({ query: q, outcome: q === 'zqx' ? 'none' : 'results', results: q === 'zqx' ? 0 : 3 }, chinaNoon(d));
  await source.recordSearchClick({ query: '发票', page: '/faq/invoice/', position: 2 }, chinaNoon(0));
  const report = await source.saveDiagnosticsReport({ checks: [{ id: 'dns', ok: false }], note: '无法连接' });
  const before = await everything(source);
  source.close();

  const url = await createTestDatabase(inject('postgresUrl'));
  const first = await run(process.execPath, [cli, dataDir, url]);
  expect(first.stdout).toContain('quotes：SQLite 620 行，本次新增 620 行，PostgreSQL 620 行，一致');
  expect(first.stdout).toContain('feedback：SQLite 40 行，本次新增 40 行，PostgreSQL 40 行，一致');
  expect(first.stdout).toMatch(/search_days：SQLite 15 行，本次新增 15 行，PostgreSQL 15 行，一致/);
  expect(first.stdout).toContain('search_clicks：SQLite 1 行，本次新增 1 行，PostgreSQL 1 行，一致');
  expect(first.stdout).toContain('diagnostics_reports：SQLite 1 行，本次新增 1 行，PostgreSQL 1 行，一致');
  expect(first.stdout).toContain('逐表核对通过');

  const second = await run(process.execPath, [cli, dataDir, url]);
  expect(second.stdout.match(/本次新增 0 行/g)).toHaveLength(5);
  expect(second.stdout).toContain('逐表核对通过');

  const copy = await openPostgresStore({ url });
  try {
    expect(await everything(copy)).toEqual(before);
    expect(await copy.getDiagnosticsReport(report.id)).toEqual(report);
    // New votes after the copy get ids past the copied ones.
    const vote = await copy.addFeedback({ page: '/faq/new/', helpful: true });
    expect(vote.id).toBeGreaterThan(40);

    // A row changed in PostgreSQL, and the vote just added: the next copy finds both tables
    // differ (the command then exits 1 naming them).
    await copy.sql`UPDATE quotes SET price_list_version = 'changed' WHERE id = ${quotes[0]!.id}`;
    const reports = await copySqliteToPostgres(dataDir, copy.sql);
    expect(reports.filter((r) => !r.matches).map((r) => [r.table, r.source, r.added, r.target])).toEqual([
      ['quotes', 620, 0, 620],
      ['feedback', 40, 0, 41],
    ]);
  } finally {
    await copy.end();
  }
}, 60_000);

test('bad arguments: a message and the usage, nothing touched', async () => {
  const bad = await run(process.execPath, [cli, dataDir, 'mysql://x@localhost/db']).then(
    () => undefined,
    (e: { code: number; stderr: string }) => e,
  );
  expect(bad?.code).toBe(1);
  expect(bad?.stderr).toContain('PostgreSQL 网址有误');
  expect(bad?.stderr).toContain('用法：npm run store:copy');
});
