// The robot quota calculator's estimate on paper and in Excel: the printout (brand, date,
// no controls, whole on A4) and the CSV, dated in China's time whatever the browser's.
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { useBrowser } from '../support/browser.ts';
import { colours, contrast } from '../support/contrast.ts';
import { pdfWords } from '../support/pdf-words.ts';
import { apiEstimate, total, useOwnServers } from '../support/robot-quota.ts';
import { startServer } from '../support/server.ts';
import { formatCount, formatYuan } from '../../src/lib/quota/number-input.ts';
import site from '../../content/site.json' with { type: 'json' };

const { baseUrl, openPage, newContext } = useBrowser();
const presales = site.supportLines.find((l) => l.label === '售前咨询')!;
const ownServers = useOwnServers();

describe('robot quota calculator: printing and exports', () => {
  test('exports the table as CSV that Excel reads as Chinese', async () => {
    const { page, context } = await openPage('/tools/robot-quota/?robots=2&monthly=120000&years=2');
    await total(page).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 CSV' }).click()]);
    const bytes = readFileSync(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toContain('第 2 年');
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    await context.close();
  });

  test('prints as an estimate: brand and date on top, no form controls or buttons, the sample notice and the pre-sales line beside the total', async () => {
    const { page, context } = await openPage('/tools/robot-quota/?robots=2&monthly=120000');
    await total(page).waitFor();
    const notice = page.getByTestId('print-sample-notice');
    await expect(notice.isVisible()).resolves.toBe(false);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.print-head').textContent()).toContain('文本机器人费用估算');
    await expect(notice.isVisible()).resolves.toBe(true);
    expect(await notice.textContent()).toBe(`示例价格，仅供参考，正式价格请拨打售前咨询电话 ${presales.phone}`);
    // Beside the total: in the same group of the summary.
    expect(await notice.evaluate((el) => el.parentElement?.querySelector('[data-testid=total-cost]') !== null)).toBe(true);
    await expect(page.getByRole('button', { name: '打印估算结果' }).isVisible()).resolves.toBe(false);
    await expect(page.locator('.print-head').isVisible()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: '导出 CSV' }).isVisible()).resolves.toBe(false);
    await expect(page.locator('.site-header').isVisible()).resolves.toBe(false);
    await expect(page.locator('.rq-sample').isVisible()).resolves.toBe(true);
    await expect(total(page).isVisible()).resolves.toBe(true);
    await context.close();
  });
  test.each(['light', 'dark'] as const)('prints whole on A4 from %s mode: numbers and 第 N 年 on one line, the chart below the totals, dark text on white', async (scheme) => {
    const expected = await apiEstimate({ robots: 3, monthlyConversations: 80000, monthlyGrowthPercent: 5, years: 3 });
    {
      // 688 px is A4's printable width (210 − 2 × 14 mm): the page laid out as on paper.
      const { page, context, errors } = await openPage('/tools/robot-quota/?robots=3&monthly=80000&growth=5&years=3', { width: 688, colorScheme: scheme });
      await total(page).waitFor();
      await page.emulateMedia({ media: 'print', colorScheme: scheme });
      await expect.poll(() => page.locator('.rq-chart svg').getAttribute('width'), { message: 'the chart is drawn for the page' }).toBe('688');
      const layout = await page.evaluate(() => {
        const lines = (node: Node) => {
          const range = document.createRange();
          range.selectNodeContents(node);
          return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
        };
        const split: string[] = [];
        for (const cell of document.querySelectorAll('.rq-years th, .rq-years td')) {
          const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
          for (let text = walker.nextNode(); text; text = walker.nextNode()) if (text.textContent!.trim() && lines(text) > 1) split.push(text.textContent!);
        }
        return {
          split,
          years: [...document.querySelectorAll('.rq-years tbody th')].map((th) => [th.textContent, lines(th)]),
          tableBottom: document.querySelector('.rq-years')!.getBoundingClientRect().bottom,
          chartTop: document.querySelector('.rq-chart')!.getBoundingClientRect().top,
          colorScheme: getComputedStyle(document.documentElement).colorScheme,
          ticks: [...document.querySelectorAll('.rq-chart .rq-axis')].map((t) => t.textContent!).filter((t) => t.endsWith('万')),
        };
      });
      expect(layout.split, scheme).toEqual([]);
      expect(layout.years).toEqual([['第 1 年', 1], ['第 2 年', 1], ['第 3 年', 1]]);
      expect(layout.chartTop).toBeGreaterThanOrEqual(layout.tableBottom);
      expect(layout.colorScheme).toBe('light');
      // Every text prints dark on a light ground: the values typed, the figures, the notes.
      const texts = page.locator('.robot-quota :is(input, select, th, td, dt, dd, p, small, legend, label, caption)').filter({ visible: true });
      const count = await texts.count();
      expect(count).toBeGreaterThan(40);
      const printed = await Promise.all(
        Array.from({ length: count }, async (_, i) => ({
          ...(await colours(texts.nth(i))),
          what: `${scheme}: ${(await texts.nth(i).evaluate((e) => (e instanceof HTMLInputElement ? e.value : e.textContent)))?.slice(0, 20)}`,
        })),
      );
      for (const { color, background, what } of printed) {
        expect(contrast(color, background), what).toBeGreaterThanOrEqual(4.5);
        expect(contrast(background, 'rgb(255, 255, 255)'), what).toBeLessThan(1.25);
      }

      // And on paper, as Chromium prints it.
      const words = pdfWords(await page.pdf({ format: 'A4', printBackground: true }));
      const text = words.map((w) => w.text);
      for (const y of expected.years) {
        for (const figure of [y.carriedIn, y.included, y.usage, y.endingBalance].map((n) => formatCount(n)).concat(formatYuan(y.cost))) {
          expect(text, `${scheme}: ${figure} whole`).toContain(figure);
        }
      }
      // One header and one 合计, after the last year: neither is repeated on a page of its own.
      expect(text.filter((t) => t === '年度'), scheme).toHaveLength(1);
      const totals = words.filter((w) => w.text === '合计');
      expect(totals, scheme).toHaveLength(1);
      // The chart's axis labels come after the totals: the chart is not drawn over the table.
      const foot = totals[0]!;
      expect(layout.ticks).toHaveLength(4);
      for (const tick of layout.ticks.map((t) => t.replace('万', ''))) {
        const below = words.some((w) => w.text === tick && (w.page > foot.page || (w.page === foot.page && w.yMin >= foot.yMax)));
        expect(below, `${scheme}: ${tick}万 below 合计`).toBe(true);
      }
      expect(errors).toEqual([]);
      await context.close();
    }
  });

  test('a quote saved at 20:00 UTC on 25 November is dated 26 November (China) in its banner, its printout and its CSV, and its link can be copied', async () => {
    const server = await startServer();
    ownServers.push(server);
    const saved = await (
      await fetch(`${server.url}/api/v1/robot-quota/quotes`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ robots: 2, monthlyConversations: 90000 }) })
    ).json();
    const createdAt = '2026-11-25T20:00:00.000Z';
    const db = new DatabaseSync(join(server.dataDir, 'wenda.db'));
    db.prepare('UPDATE quotes SET created_at = ? WHERE id = ?').run(createdAt, saved.id);
    db.close();
    expect((await (await fetch(`${server.url}/api/v1/robot-quota/quotes/${saved.id}`)).json()).createdAt).toBe(createdAt);

    // West of UTC the browser's own day is the 25th too: only China's is the 26th.
    const context = await newContext({ viewport: { width: 1280, height: 800 }, timezoneId: 'America/Los_Angeles', permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    await page.goto(`${server.url}${saved.url}`);
    const banner = page.locator('.rq-quote-banner');
    await banner.waitFor();
    expect(await banner.textContent()).toContain('生成于 2026-11-26');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.rq-print-date').textContent()).toBe('估算日期：2026-11-26');
    await page.emulateMedia({ media: 'screen' });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('机器人对话估算-2026-11-26.csv');

    // Read-only, and still easy to pass on.
    await page.getByRole('button', { name: '复制链接' }).click();
    await page.getByRole('button', { name: '已复制' }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${server.url}${saved.url}`);
    expect(await page.getByLabel(/这份估算的链接/).inputValue()).toBe(`${server.url}${saved.url}`);
    await context.close();
  });

  test('a new estimate printed or exported at 20:00 UTC is dated the next day, China’s, in a browser on UTC', async () => {
    const context = await newContext({ viewport: { width: 1280, height: 800 }, timezoneId: 'UTC' });
    const page = await context.newPage();
    await page.clock.setFixedTime(new Date('2026-11-25T20:00:00Z'));
    await page.goto(`${baseUrl}/tools/robot-quota/?robots=2`);
    await total(page).waitFor();
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.rq-print-date').textContent()).toBe('估算日期：2026-11-26');
    await page.emulateMedia({ media: 'screen' });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('机器人对话估算-2026-11-26.csv');
    await context.close();
  });
});
