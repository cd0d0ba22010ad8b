// The robot quota calculator's tables and chart: they fit an article and a phone, light
// and dark, readable and by keyboard; while an input is invalid the old figures say so.
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser } from '../support/browser.ts';
import { colours, contrast } from '../support/contrast.ts';
import { layoutShifts, watchLayoutShifts } from '../support/layout-shift.ts';
import { apiEstimate, fill, total } from '../support/robot-quota.ts';
import { formatYuan } from '../../src/lib/quota/number-input.ts';

const { baseUrl, openPage, newContext } = useBrowser();

/** The cells' place in the scrolled region, whether each is what is seen at its centre, and its colours. */
const stuck = (region: ReturnType<Page['getByRole']>, cells: string) =>
  region.evaluate((el, selector) => {
    return [...el.querySelectorAll(selector)].map((cell) => {
      // The page, not the table, is scrolled to bring the cell into view.
      window.scrollBy(0, cell.getBoundingClientRect().top - innerHeight / 2);
      const box = el.getBoundingClientRect();
      const r = cell.getBoundingClientRect();
      const seen = document.elementFromPoint(r.left + Math.min(r.width / 2, 20), r.top + r.height / 2);
      return { text: cell.textContent, left: Math.round(r.left - box.left), top: Math.round(r.top - box.top), seen: !!seen && cell.contains(seen), background: getComputedStyle(cell).backgroundColor };
    });
  }, cells);

describe('robot quota calculator: tables and chart', () => {
  test('the yearly figures: a table in an article at 1280; at 360 one card per year and the total, nothing sideways; where a table does not fit it scrolls, labelled and by keyboard, 年度 in view', async () => {
    const cases: [string, number, 'table' | 'cards' | 'scrolls'][] = [
      ['/faq/robot-conversation-packs/', 1280, 'table'],
      ['/faq/robot-conversation-packs/', 360, 'cards'],
      ['/tools/robot-quota/?robots=3&monthly=300000&years=5', 360, 'cards'],
      ['/tools/robot-quota/?robots=300&monthly=3000000&growth=3&years=5', 680, 'scrolls'],
    ];
    for (const [path, width, shown] of cases) {
      const { page, context } = await openPage(path, { width });
      await page.locator('.robot-quota').scrollIntoViewIfNeeded();
      await total(page).waitFor();
      const region = page.getByRole('region', { name: /逐年明细/ });
      expect(await region.count(), path).toBe(1);
      if (shown === 'cards') {
        // Every figure of every year, the cost and the total included, in view without swiping.
        const years = Number(new URL(path, baseUrl).searchParams.get('years') ?? 1);
        expect(await region.evaluate((el) => el.classList.contains('rq-year-cards')), path).toBe(true);
        await expect(page.locator('.rq-years').isVisible()).resolves.toBe(false);
        const cards = region.getByRole('listitem');
        expect(await cards.count(), path).toBe(years + 1);
        expect(await cards.first().locator('dt').allTextContents()).toEqual(['上年转入', '年度包含', '预计用量', '年末剩余', '加购对话包', '费用']);
        expect(await cards.last().getByRole('heading').textContent()).toBe('合计');
        expect(await cards.last().locator('dd').last().textContent()).toBe(await total(page).textContent());
        const outside = await region.evaluate((el) =>
          [...el.querySelectorAll('h3, h4, dt, dd, .figure')].filter((e) => e.getBoundingClientRect().left < 0 || e.getBoundingClientRect().right > innerWidth).map((e) => e.textContent),
        );
        expect(outside, path).toEqual([]);
        await expect(page.getByText('左右滑动', { exact: false }).filter({ visible: true }).count()).resolves.toBe(0);
      } else {
        const size = () => region.evaluate((el) => ({ client: el.clientWidth, scroll: el.scrollWidth, left: el.scrollLeft }));
        const before = await size();
        if (shown === 'table') {
          expect(before.scroll, path).toBeLessThanOrEqual(before.client);
        } else {
          expect(before.scroll, path).toBeGreaterThan(before.client);
          await expect(page.getByText('左右滑动', { exact: false }).first().isVisible()).resolves.toBe(true);
          await region.focus();
          for (let i = 0; i < 30; i++) await page.keyboard.press('ArrowRight');
          await expect.poll(async () => (await size()).left).toBeGreaterThanOrEqual(before.scroll - before.client - 1);
          const box = (await region.boundingBox())!;
          const fee = (await page.locator('.rq-years thead th').last().boundingBox())!;
          expect(fee.x + fee.width).toBeLessThanOrEqual(box.x + box.width + 1);
          // Swiped, the table keeps its 年度 column in view, on opaque cells.
          const firstColumn = await stuck(region, 'tr > th:first-child');
          expect(firstColumn.map((c) => c.text)).toEqual(['年度', '第 1 年', '第 2 年', '第 3 年', '第 4 年', '第 5 年', '合计']);
          for (const cell of firstColumn) {
            expect(cell.left, cell.text!).toBe(0);
            expect(cell.seen, `${cell.text} over the columns under it`).toBe(true);
            expect(cell.background, cell.text!).toMatch(/^rgb\(/);
          }
        }
      }
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(width);
      await context.close();
    }
  });

  test('the chart’s labels are 12–14 px at every width while the chart fills its box', async () => {
    const cases: [string, number][] = [
      ['/tools/robot-quota/?years=5', 360],
      ['/tools/robot-quota/?years=5', 1280],
      ['/faq/robot-conversation-packs/', 360],
      ['/faq/robot-conversation-packs/', 1280],
    ];
    for (const [path, width] of cases) {
      const { page, context } = await openPage(path, { width });
      await page.locator('.robot-quota').scrollIntoViewIfNeeded();
      await total(page).waitFor();
      // The tool page holds still while its figures come (robot-quota.css keeps their room).
      if (path.startsWith('/tools/')) expect(await layoutShifts(page), `layout shift ${path} ${width}`).toEqual([]);
      const chart = page.locator('.rq-chart');
      await expect(chart.getByRole('img', { name: /^每月月末剩余次数（含当年加购）/ }).count()).resolves.toBe(1);
      const m = await chart.evaluate((figure) => {
        const svg = figure.querySelector('svg')!;
        const labels = [...figure.querySelectorAll<Element>('.rq-axis')].map((el) => {
          const scale = el instanceof SVGGraphicsElement ? el.getScreenCTM()!.a : 1;
          const r = el.getBoundingClientRect();
          return { size: parseFloat(getComputedStyle(el).fontSize) * scale, left: r.left, right: r.right, top: r.top, bottom: r.bottom };
        });
        const box = svg.getBoundingClientRect();
        return { figure: figure.getBoundingClientRect().width, svg: { left: box.left, right: box.right, width: box.width }, labels };
      });
      expect(m.svg.width, `${path} ${width}`).toBeGreaterThan(m.figure - 1);
      expect(m.labels.length).toBeGreaterThanOrEqual(6);
      for (const l of m.labels) {
        expect(l.size, `${path} ${width}`).toBeGreaterThanOrEqual(12);
        expect(l.size, `${path} ${width}`).toBeLessThanOrEqual(14);
        expect(l.left).toBeGreaterThanOrEqual(m.svg.left);
        expect(l.right).toBeLessThanOrEqual(m.svg.right);
      }
      const overlaps = m.labels.some((a, i) => m.labels.some((b, j) => i < j && a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom));
      expect(overlaps, `${path} ${width}`).toBe(false);
      await context.close();
    }
    // Turning a tablet or resizing the window redraws at the new width.
    const { page, context } = await openPage('/tools/robot-quota/', { width: 360 });
    await total(page).waitFor();
    await page.setViewportSize({ width: 1024, height: 800 });
    const label = page.locator('.rq-chart .rq-axis').first();
    await expect.poll(() => label.evaluate((el) => parseFloat(getComputedStyle(el).fontSize) * (el as SVGGraphicsElement).getScreenCTM()!.a)).toBeCloseTo(13, 0);
    await context.close();
  });

  test('while an input is invalid the old figures say so, and CSV and quote link are disabled with the reason', async () => {
    const { page, context } = await openPage('/tools/robot-quota/?robots=2&monthly=120000');
    await total(page).waitFor();
    const csv = page.getByRole('button', { name: '导出 CSV' });
    const quote = page.getByRole('button', { name: '生成估算链接' });
    expect(await csv.isEnabled()).toBe(true);
    expect(await quote.isEnabled()).toBe(true);
    const description = (button: typeof csv) =>
      button.evaluate((el) => (el.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' '));

    for (const wrong of ['abc', '5000']) {
      await fill(page, '机器人数量', wrong);
      await expect.poll(() => csv.isDisabled(), { timeout: 5000 }).toBe(true);
      expect(await quote.isDisabled()).toBe(true);
      const note = page.locator('.rq-results').getByText('尚未更新', { exact: false });
      await note.waitFor();
      expect(await description(csv)).toContain('请先修改提示有误的项目');
      expect(await description(quote)).toContain('请先修改提示有误的项目');
      let downloads = 0;
      page.on('download', () => downloads++);
      await csv.click({ force: true });
      await quote.click({ force: true });
      await page.waitForTimeout(300);
      expect(downloads).toBe(0);
      expect(await page.getByLabel(/估算链接/).count()).toBe(0);
    }

    await fill(page, '机器人数量', '3');
    const expected = await apiEstimate({ robots: 3, monthlyConversations: 120000 });
    await expect.poll(() => total(page).textContent()).toBe(formatYuan(expected.totalCost));
    await expect.poll(() => csv.isEnabled()).toBe(true);
    expect(await quote.isEnabled()).toBe(true);
    expect(await page.locator('.rq-results').getByText('尚未更新', { exact: false }).count()).toBe(0);
    await context.close();
  });

  test('on a phone, light and dark: the page holds still, the yearly cards read well, the monthly table keeps its header on opaque cells; no keyboard hint on touch', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const context = await newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, colorScheme });
      const page = await context.newPage();
      await watchLayoutShifts(page);
      await page.goto(`${baseUrl}/tools/robot-quota/?robots=3&monthly=80000&growth=5&years=5`);
      await total(page).waitFor();
      expect(await layoutShifts(page), `${colorScheme}: layout shift`).toEqual([]);

      const cards = page.locator('.rq-year-cards');
      await expect(cards.isVisible()).resolves.toBe(true);
      for (const text of [cards.getByRole('heading').first(), cards.locator('dt').first(), cards.locator('dd').first(), cards.locator('.rq-split').first()]) {
        const { color, background } = await colours(text);
        expect(contrast(color, background), colorScheme).toBeGreaterThanOrEqual(4.5);
      }

      await page.getByText('查看每月剩余次数（表格）').click();
      const months = page.getByRole('region', { name: /每月用量/ });
      await months.evaluate((el) => (el.scrollTop = 400));
      const header = await stuck(months, 'thead th');
      expect(header.map((c) => c.text)).toEqual(['月份', '用量（次）', '月末剩余（次）']);
      for (const cell of header) {
        expect(cell.top, `${colorScheme} ${cell.text}`).toBe(0);
        expect(cell.seen, `${colorScheme} ${cell.text} over the rows under it`).toBe(true);
        expect(cell.background, `${colorScheme} ${cell.text}`).toMatch(/^rgb\(/);
      }
      // Touch screens are not told about Tab and arrow keys, anywhere on the page.
      await expect(page.getByText('Tab 键', { exact: false }).filter({ visible: true }).count()).resolves.toBe(0);
      await context.close();
    }
  });
});
