// The operator page in tests: a server of the file's own with the admin token, signing
// in, a table's rows and a CSV's, and many stored rows for the long tables.
import { afterEach, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { startServer, type RunningServer } from './server.ts';
import { openSqliteStore } from '../../src/store/sqlite.ts';
import { shownCell } from '../../src/lib/admin/table-cells.ts';

export const TOKEN = 'feedback-test-admin-token';
/** `server()` starts a server with the admin token (or `env`); each is stopped after its test. */
export function useServers() {
  let servers: RunningServer[] = [];
  afterEach(async () => {
    for (const s of servers) await s.stop();
    servers = [];
  });
  return async function server(env: Record<string, string> = { WENDA_ADMIN_TOKEN: TOKEN }) {
    const s = await startServer({ env });
    servers.push(s);
    return s;
  };
}

export async function signIn(page: Page, base: string, token = TOKEN) {
  await page.goto(`${base}/admin/`);
  await page.getByLabel('管理员令牌').fill(token);
  await page.getByRole('button', { name: '登录' }).click();
}

export const tableRows = (page: Page, table: string) =>
  page.locator(`table[data-table="${table}"] tbody tr`).evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent!.trim())));

/**
 * A CSV's rows as the page's table shows them: the page groups the figures of its number
 * columns (80,000), the CSV keeps them plain (80000).
 */
export async function csvAsShown(page: Page, table: string, rows: string[][]): Promise<string[][]> {
  const numbers = await page
    .locator(`table[data-table="${table}"] thead th`)
    .evaluateAll((ths) => ths.flatMap((th, i) => (th.classList.contains('admin-col-number') ? [i] : [])));
  return rows.map((row) => row.map((cell, i) => (numbers.includes(i) ? shownCell(cell) : cell)));
}

/** A CSV export's rows (header left out), cells as the page shows them (no cell here holds a line break). */
export function csvRows(csv: string) {
  const lines = csv.replace(/^\uFEFF/, '').trim().split('\r\n').slice(1);
  return lines.map((line) => {
    const cells: string[] = [];
    const cell = /("(?:[^"]|"")*"|[^,]*)(,|$)/y;
    for (let m = cell.exec(line); m; m = m[2] ? cell.exec(line) : null) {
      cells.push(m[1]!.replace(/^"|"$/g, '').replace(/""/g, '"').replace(/^'(?=[=+\-@])/, ''));
    }
    return cells;
  });
}

export const postJson = (base: string, path: string, body: unknown) =>
  fetch(`${base}/api/v1${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

/**
 * `quotes` saved quotes (the newest asks for the most conversations), `misses` failed
 * searches and votes on `feedback` pages. The site has fewer pages than a long table
 * needs, so those votes go straight into the server's SQLite file, on made-up paths
 * (as stored before the API took votes only for the site's pages).
 */
export async function storeMany(s: RunningServer, { quotes = 0, misses = 0, feedback = 0 }) {
  for (let i = 1; i <= quotes; i++) expect((await postJson(s.url, '/robot-quota/quotes', { robots: 1 + (i % 4), monthlyConversations: 1000 * i })).status).toBe(201);
  for (let i = 1; i <= misses; i++) expect((await postJson(s.url, '/search-misses', { query: `搜索词 ${i}` })).status).toBe(202);
  if (!feedback) return;
  const store = openSqliteStore(s.dataDir);
  try {
    for (let i = 1; i <= feedback; i++) {
      await store.addFeedback({ page: `/spam/${i}/`, helpful: i % 3 > 0, ...(i % 10 ? {} : { comment: `评论 ${i}` }) });
      // One vote a millisecond or more apart, as through the API: the newest-first order is by time.
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  } finally {
    store.close();
  }
}
