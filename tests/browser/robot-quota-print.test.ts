// The robot quota calculator's estimate on paper and in Excel: the printout (brand, date,
// no controls, whole on A4, every figure on one line, the quote's number, link and QR
// code, a footer on every page) and the CSV, dated in China's time whatever the browser's.
import { describe, expect, test } from 'vitest';
import jsQR from 'jsqr';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { useBrowser } from '../support/browser.ts';
import { colours, contrast } from '../support/contrast.ts';
import { pdfWords, type PdfWord } from '../support/pdf-words.ts';
import { apiEstimate, total, useOwnServers } from '../support/robot-quota.ts';
import { startServer } from '../support/server.ts';
import { chinaDate } from '../../src/lib/china-time.ts';
import { formatCount, formatYuan } from '../../src/lib/quota/number-input.ts';
import site from '../../content/site.json' with { type: 'json' };

/** The QR code at the top of a PDF's first page, read back (poppler's pdftoppm draws the top 10 cm; jsQR reads it). */
function qrOnFirstPage(pdf: Buffer): string | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'wenda-pdf-'));
  try {
    writeFileSync(join(dir, 'page.pdf'), pdf);
    execFileSync('pdftoppm', ['-r', '120', '-H', '480', '-gray', '-f', '1', '-l', '1', '-singlefile', join(dir, 'page.pdf'), join(dir, 'page')]);
    const pgm = readFileSync(join(dir, 'page.pgm'));
    const [header, width, height] = /^P5\s+(\d+)\s+(\d+)\s+\d+\s/.exec(pgm.subarray(0, 40).toString('latin1'))!;
    const grey = pgm.subarray(header.length);
    const rgba = new Uint8ClampedArray(grey.length * 4);
    grey.forEach((v, i) => rgba.set([v, v, v, 255], i * 4));
    return jsQR(rgba, Number(width), Number(height))?.data;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The words printed on the line of `word`, left to right (a line: the same page, nearly the same middle; CJK boxes are taller than digits'). */
function lineOf(words: PdfWord[], word: PdfWord): PdfWord[] {
  const middle = (w: PdfWord) => (w.yMin + w.yMax) / 2;
  return words.filter((w) => w.page === word.page && Math.abs(middle(w) - middle(word)) < 5).sort((a, b) => a.xMin - b.xMin);
}

const { baseUrl, openPage, newContext } = useBrowser();
const presales = site.supportLines.find((l) => l.label === '售前咨询')!;
const ownServers = useOwnServers();

describe('robot quota calculator: printing and exports', () => {
  test('exports the table as CSV that Excel reads as Chinese, with the inputs and their growth period', async () => {
    const { page, context } = await openPage('/tools/robot-quota/?robots=2&monthly=120000&growth=10&period=year&years=2');
    await total(page).waitFor();
    // The link's period is the form's; 10 % a year for 2 years is no steep growth.
    expect(await page.getByLabel('增长周期').inputValue()).toBe('year');
    await expect(page.getByTestId('growth-note').count()).resolves.toBe(0);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 CSV' }).click()]);
    const bytes = readFileSync(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toContain('第 2 年');
    expect(text).toContain('\r\n增长率,10,%\r\n');
    expect(text).toContain('\r\n增长周期,每年\r\n');
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
  test.each(['light', 'dark'] as const)(
    'prints on A4 from %s mode: every figure on one line, the quote’s number, link and QR code, the inputs as on screen, a footer on each page, a full first page, the chart below the totals, dark text on white',
    async (scheme) => {
      const expected = await apiEstimate({ robots: 3, monthlyConversations: 80000, monthlyGrowthPercent: 10, years: 3 });
      // 688 px is A4's printable width (210 − 2 × 14 mm): the page laid out as on paper.
      const { page, context, errors } = await openPage('/tools/robot-quota/?robots=3&monthly=80000&growth=10&years=3', { width: 688, colorScheme: scheme });
      await total(page).waitFor();
      // 打印估算结果 saves the estimate first, so that the printout carries its number and link.
      await page.evaluate(() => {
        window.print = () => void (document.body.dataset.printed = 'yes');
      });
      await page.getByRole('button', { name: '打印估算结果' }).click();
      await expect.poll(() => page.evaluate(() => document.body.dataset.printed)).toBe('yes');
      const link = await page.getByLabel(/估算链接/).inputValue();
      const id = new URL(link).searchParams.get('quote')!;
      expect(id).toMatch(/^[A-Za-z0-9]{12}$/);
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
        // The site's rule for figures: each one, wherever it is printed, on one line.
        const figures = [...document.querySelectorAll('.figure, time, a[href^="tel:"]')].filter((el) => el.getClientRects().length);
        return {
          split,
          figures: figures.length,
          splitFigures: figures.filter((el) => lines(el) > 1).map((el) => el.textContent),
          years: [...document.querySelectorAll('.rq-years tbody th')].map((th) => [th.textContent, lines(th)]),
          tableBottom: document.querySelector('.rq-years')!.getBoundingClientRect().bottom,
          chartTop: document.querySelector('.rq-chart')!.getBoundingClientRect().top,
          colorScheme: getComputedStyle(document.documentElement).colorScheme,
          ticks: [...document.querySelectorAll('.rq-chart .rq-axis')].map((t) => t.textContent!).filter((t) => t.endsWith('万')),
        };
      });
      expect(layout.split, scheme).toEqual([]);
      expect(layout.figures, scheme).toBeGreaterThan(30);
      expect(layout.splitFigures, scheme).toEqual([]);
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

      // And on paper, as Chromium prints it: every figure a word of its own, never cut.
      const pdf = await page.pdf({ format: 'A4', printBackground: true });
      const words = pdfWords(pdf);
      const text = words.map((w) => w.text);
      const figures = expected.years
        .flatMap((y) => [y.carriedIn, y.included, y.usage, y.endingBalance].map((n) => formatCount(n)).concat(formatYuan(y.cost), formatYuan(y.licenceCost), formatYuan(y.packCost)))
        .concat(formatYuan(expected.totalCost), formatCount(expected.totalPurchased), presales.phone);
      for (const figure of figures) expect(text, `${scheme}: ${figure} whole`).toContain(figure);
      // What brings the customer back: the quote's number, its date, its link, and a QR code of the link.
      for (const whole of [id, chinaDate()]) expect(text.some((t) => t.includes(whole)), `${scheme}: ${whole} whole`).toBe(true);
      expect(text.join('').replace(/\s/g, '')).toContain(link.replace(/\s/g, ''));
      // Black on white from either mode (its colours are fixed): read once.
      if (scheme === 'light') expect(qrOnFirstPage(pdf)).toBe(link);
      // The inputs as a quote states them, each unit right beside its value (not a column away).
      const together = (phrase: string) =>
        words.some((first) => {
          const line = lineOf(words, first);
          let joined = '';
          for (let i = line.indexOf(first); i < line.length && joined.length < phrase.length; i++) {
            if (joined && line[i]!.xMin - line[i - 1]!.xMax > 8) return false;
            joined += line[i]!.text;
          }
          return joined === phrase;
        });
      for (const phrase of ['3个', '8万次/月', '每月10%', '3年', '0次']) expect(together(phrase), `${scheme}: ${phrase}`).toBe(true);
      // A footer on every page: the site's name and the day printed, at the foot.
      const pages = Math.max(...words.map((w) => w.page));
      const footer = words.filter((w) => w.yMin > 842 - 16 * 2.835);
      for (let p = 1; p <= pages; p++) {
        const foot = footer.filter((w) => w.page === p).map((w) => w.text).join(' ');
        expect(foot, `${scheme}: page ${p}`).toContain(site.brandName);
        expect(foot, `${scheme}: page ${p}`).toContain(`打印于 ${chinaDate()}`);
      }
      // The first page is filled before the next is begun: the table is not moved off it whole.
      expect(pages).toBeGreaterThan(1);
      const firstPageEnd = Math.max(...words.filter((w) => w.page === 1 && !footer.includes(w)).map((w) => w.yMax));
      expect(firstPageEnd, `${scheme}: bottom of page 1's text`).toBeGreaterThan(0.75 * 842);
      // One header and one 合计, after the last year: neither is repeated on a page of its own.
      expect(text.filter((t) => t === '年度'), scheme).toHaveLength(1);
      const totals = words.filter((w) => w.text === '合计');
      expect(totals, scheme).toHaveLength(1);
      // The chart says what it draws, and comes after the totals: it is not drawn over the table.
      expect(text).toContain('每月月末剩余次数（含当年加购）');
      const foot = totals[0]!;
      expect(layout.ticks).toHaveLength(4);
      for (const tick of layout.ticks.map((t) => t.replace('万', ''))) {
        const below = words.some((w) => w.text === tick && (w.page > foot.page || (w.page === foot.page && w.yMin >= foot.yMax)));
        expect(below, `${scheme}: ${tick}万 below 合计`).toBe(true);
      }
      expect(errors).toEqual([]);
      await context.close();
    },
  );

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
