// The robot quota calculator as sales use it: values in, the API's figures out, links
// that reopen a quote, and an honest message when the API is away.
import { afterEach, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { useBrowser } from '../support/browser.ts';
import { colours, contrast } from '../support/contrast.ts';
import { pdfWords } from '../support/pdf-words.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { formatCount, formatYuan } from '../../src/lib/quota/number-input.ts';
import type { Estimate } from '../../src/lib/quota/estimate.ts';
import site from '../../content/site.json' with { type: 'json' };

const { baseUrl, openPage, newContext } = useBrowser();
const presales = site.supportLines.find((l) => l.label === '售前咨询')!;
let ownServers: RunningServer[] = [];
afterEach(async () => {
  for (const s of ownServers) await s.stop();
  ownServers = [];
});

async function apiEstimate(input: object, base = baseUrl): Promise<Estimate> {
  const res = await fetch(`${base}/api/v1/robot-quota/estimate`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(input) });
  return res.json();
}

const total = (page: Page) => page.getByTestId('total-cost');

async function fill(page: Page, label: string, value: string) {
  const field = page.getByLabel(label, { exact: true });
  await field.fill(value);
}

describe('robot quota calculator', () => {
  test('typed values (5万 style included) give the numbers the API gives', async () => {
    const { page, context, errors } = await openPage('/tools/robot-quota/');
    await total(page).waitFor();
    await fill(page, '机器人数量', '3');
    await fill(page, '首月预计对话量', '12万');
    await fill(page, '每月增长', '5');
    await fill(page, '本期剩余次数', '20,000');
    await page.getByLabel('合同年限').selectOption('2');
    const expected = await apiEstimate({ robots: 3, monthlyConversations: 120000, monthlyGrowthPercent: 5, years: 2, carryOverBalance: 20000 });
    await expect.poll(() => total(page).textContent(), { timeout: 5000 }).toBe(formatYuan(expected.totalCost));
    const rows = page.locator('.rq-years tbody tr');
    await expect(rows.count()).resolves.toBe(2);
    const year2 = await rows.nth(1).locator('td').allTextContents();
    expect(year2[0]).toBe(formatCount(expected.years[1]!.carriedIn));
    expect(year2[2]).toBe(formatCount(expected.years[1]!.usage));
    expect(year2[4]).toBe(formatCount(expected.years[1]!.endingBalance));
    await expect(page.getByText('示例价格', { exact: true }).first().isVisible()).resolves.toBe(true);
    expect(new URL(page.url()).search).toBe('?robots=3&monthly=120000&growth=5&years=2&carry=20000');
    expect(errors).toEqual([]);
    await context.close();
  });

  test('a wrong value is marked at its field with that field’s own message, before anything is asked of the API', async () => {
    const { page, context, errors } = await openPage('/tools/robot-quota/');
    await total(page).waitFor();
    const asked: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/robot-quota/estimate')) asked.push(r.postData() ?? '');
    });
    const messageOf = async (label: string) => {
      const field = page.getByLabel(label, { exact: true });
      await expect.poll(() => field.getAttribute('aria-invalid')).toBe('true');
      const ids = (await field.getAttribute('aria-describedby'))!.split(' ');
      const error = ids.find((id) => id.endsWith('-error'))!;
      return page.locator(`#${error}`).textContent();
    };
    for (const wrong of ['5000', 'abc', '1.5', '0']) {
      await fill(page, '机器人数量', wrong);
      await expect.poll(() => messageOf('机器人数量')).toBe('机器人数量：请输入 1 到 1000 之间的整数');
    }
    // Each field is corrected only once the next is wrong: no moment with all of them right.
    await fill(page, '首月预计对话量', '很多');
    expect(await messageOf('首月预计对话量')).toBe('首月预计对话量：请输入 0 到 1 亿之间的数字');
    await fill(page, '机器人数量', '2');
    await fill(page, '每月增长', '300');
    expect(await messageOf('每月增长')).toBe('每月增长：请输入 -50 到 200 之间的数字');
    await fill(page, '首月预计对话量', '5万');
    await fill(page, '本期剩余次数', '-1');
    expect(await messageOf('本期剩余次数')).toBe('本期剩余次数：请输入 0 到 10 亿之间的整数');
    await fill(page, '每月增长', '0');
    // The hint writes the range the way the message does.
    expect(await page.locator('#rq-robots-hint').textContent()).toContain('可填 1 到 1000 个');
    expect(await page.locator('#rq-carryOverBalance-hint').textContent()).toContain('可填 0 到 10 亿');
    await page.waitForTimeout(500);
    // Nothing wrong was sent: the API never had to refuse, so no 400 in the console.
    expect(asked.map((body) => JSON.parse(body))).toEqual([]);
    expect(errors).toEqual([]);
    await fill(page, '本期剩余次数', '0');
    await expect.poll(() => asked.length).toBe(1);
    expect(JSON.parse(asked[0]!)).toMatchObject({ robots: 2, monthlyConversations: 50000, carryOverBalance: 0 });
    await context.close();
  });

  test('phone keyboards that can type what each field takes, and values typed key by key: -10 and 5万', async () => {
    const { page, context, errors } = await openPage('/tools/robot-quota/', { width: 360 });
    await total(page).waitFor();
    const modes = await page.locator('.rq-inputs input').evaluateAll((inputs) => inputs.map((i) => [i.getAttribute('name'), i.getAttribute('inputmode')]));
    // iOS's decimal and numeric pads have neither a minus sign nor 万.
    expect(modes).toEqual([
      ['robots', 'numeric'],
      ['monthlyConversations', 'text'],
      ['monthlyGrowthPercent', 'text'],
      ['carryOverBalance', 'text'],
    ]);
    for (const [label, text] of [['首月预计对话量', '5万'], ['每月增长', '-10'], ['本期剩余次数', '1.2万']] as const) {
      const field = page.getByLabel(label, { exact: true });
      await field.fill('');
      await field.pressSequentially(text);
    }
    await page.waitForURL(/carry=12000$/);
    expect(new URL(page.url()).search).toBe('?growth=-10&carry=12000');
    const expected = await apiEstimate({ robots: 1, monthlyConversations: 50000, monthlyGrowthPercent: -10, carryOverBalance: 12000 });
    await expect.poll(() => total(page).textContent()).toBe(formatYuan(expected.totalCost));
    // The reading of 5万 is a line of its own under the hint, not part of its examples.
    const hint = page.locator('#rq-monthlyConversations-hint');
    const reading = page.locator('#rq-monthlyConversations-reading');
    expect(await reading.textContent()).toBe('当前填写：约 5 万');
    expect(await hint.textContent()).not.toContain('约 5 万');
    expect((await reading.boundingBox())!.y).toBeGreaterThanOrEqual((await hint.boundingBox())!.y + (await hint.boundingBox())!.height - 1);
    expect(await page.getByLabel('首月预计对话量', { exact: true }).getAttribute('aria-describedby')).toContain('rq-monthlyConversations-reading');
    expect(errors).toEqual([]);
    await context.close();
  });

  test('the URL keeps the configuration: reload restores it, Back returns to the previous one', async () => {
    const { page, context } = await openPage('/tools/robot-quota/?robots=2&monthly=80000');
    await total(page).waitFor();
    expect(await page.getByLabel('首月预计对话量', { exact: true }).inputValue()).toBe('80,000');
    const first = await total(page).textContent();
    await fill(page, '机器人数量', '4');
    await page.waitForURL(/robots=4/);
    await expect.poll(() => total(page).textContent()).not.toBe(first);
    await page.goBack();
    await expect.poll(() => page.getByLabel('机器人数量', { exact: true }).inputValue()).toBe('2');
    await expect.poll(() => total(page).textContent()).toBe(first);
    await page.reload();
    await total(page).waitFor();
    expect(await page.getByLabel('机器人数量', { exact: true }).inputValue()).toBe('2');
    await context.close();
  });

  test('a saved quote’s link reopens the same figures, read-only, with its date and price-list version', async () => {
    const { page, context } = await openPage('/tools/robot-quota/?robots=5&monthly=300000&years=3');
    await total(page).waitFor();
    const figures = await total(page).textContent();
    await page.getByRole('button', { name: '生成估算链接' }).click();
    const link = page.getByLabel(/估算链接/);
    await link.waitFor();
    const url = await link.inputValue();
    expect(url).toMatch(/\/tools\/robot-quota\/\?quote=[A-Za-z0-9]{12}$/);

    const other = await context.newPage();
    await other.goto(url);
    await other.getByText(/^估算 [A-Za-z0-9]{12}$/).waitFor();
    expect(await other.getByTestId('total-cost').textContent()).toBe(figures);
    const banner = await other.locator('.rq-quote-banner').textContent();
    expect(banner).toContain('价目表版本 2026-11-sample');
    expect(banner).toMatch(/生成于 \d{4}-\d{2}-\d{2}/);
    expect(await other.getByLabel('机器人数量', { exact: true }).count()).toBe(0);
    await other.getByRole('button', { name: '修改条件重新估算' }).click();
    await expect.poll(() => other.getByLabel('机器人数量', { exact: true }).inputValue()).toBe('5');
    await context.close();
  });

  test('a quote made before a price change says so and offers today’s prices', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wenda-prices-'));
    const file = join(dir, 'prices.json');
    const sample = JSON.parse(readFileSync(new URL('../../content/price-list.sample.json', import.meta.url), 'utf8'));
    writeFileSync(file, JSON.stringify({ ...sample, version: '2026-11', sample: false }));
    const server = await startServer({ env: { WENDA_PRICE_LIST: file } });
    ownServers.push(server);
    const saved = await (
      await fetch(`${server.url}/api/v1/robot-quota/quotes`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ robots: 2, monthlyConversations: 90000 }) })
    ).json();
    writeFileSync(file, JSON.stringify({ ...sample, version: '2026-12', sample: false, robotLicencePerYear: 12000 }));
    await expect.poll(async () => (await (await fetch(`${server.url}/api/v1/robot-quota/price-list`)).json()).version, { timeout: 8000 }).toBe('2026-12');

    const { page, context } = await openPage(`${server.url}${saved.url}`);
    await page.getByText('今天的价目表（版本 2026-12）与估算时不同', { exact: false }).waitFor();
    expect(await total(page).textContent()).toBe(formatYuan(saved.estimate.totalCost));
    await expect(page.getByText('示例价格', { exact: true }).count()).resolves.toBe(0);
    await expect(page.getByTestId('print-sample-notice').count()).resolves.toBe(0);
    await page.getByRole('button', { name: '按今天的价格重新估算' }).click();
    const today = await apiEstimate({ robots: 2, monthlyConversations: 90000 }, server.url);
    await expect.poll(() => total(page).textContent()).toBe(formatYuan(today.totalCost));
    expect(today.totalCost).not.toBe(saved.estimate.totalCost);
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('with the API stopped, a retry message appears and the inputs are kept', async () => {
    const server = await startServer();
    ownServers.push(server);
    const port = new URL(server.url).port;
    const { page, context } = await openPage(`${server.url}/tools/robot-quota/`);
    await total(page).waitFor();
    await server.stop({ keepData: true });
    ownServers = [];
    await fill(page, '机器人数量', '7');
    const alert = page.getByRole('alert').filter({ hasText: '暂时连不上估算服务' });
    await alert.waitFor();
    expect(await page.getByLabel('机器人数量', { exact: true }).inputValue()).toBe('7');

    const again = await startServer({ env: { PORT: port }, dataDir: server.dataDir });
    ownServers.push(again);
    await alert.getByRole('button', { name: '重试' }).click();
    const expected = await apiEstimate({ robots: 7, monthlyConversations: 50000 }, again.url);
    await expect.poll(() => total(page).textContent()).toBe(formatYuan(expected.totalCost));
    await expect(alert.count()).resolves.toBe(0);
    // The retried inputs are in the URL, and focus went to the figures, not the page.
    expect(new URL(page.url()).searchParams.get('robots')).toBe('7');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('rq-results'))).toBe(true);
    await context.close();
  });

  test('what is typed before the tool is ready is not lost: its inputs wait until then', async () => {
    // The server-rendered inputs are disabled until the island has hydrated.
    const html = await (await fetch(`${baseUrl}/faq/robot-conversation-packs/`)).text();
    expect(html).toMatch(/<fieldset class="rq-inputs" disabled>/);
    const { page, context } = await openPage('/faq/robot-conversation-packs/');
    await page.locator('.robot-quota').scrollIntoViewIfNeeded();
    await total(page).waitFor();
    expect(await page.locator('.robot-quota input[name=robots]').first().isDisabled()).toBe(false);
    await context.close();
  });

  test('inside an article it loads when scrolled to, and leaves the article URL alone', async () => {
    const { page, context, errors } = await openPage('/faq/robot-conversation-packs/');
    const island = page.locator('.robot-quota');
    await island.scrollIntoViewIfNeeded();
    await total(page).waitFor();
    await fill(page, '机器人数量', '2');
    const expected = await apiEstimate({ robots: 2, monthlyConversations: 50000 });
    await expect.poll(() => total(page).textContent()).toBe(formatYuan(expected.totalCost));
    expect(new URL(page.url()).search).toBe('');
    expect(errors).toEqual([]);
    await context.close();
  });

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

  test('the yearly table fits an article at 1280 and scrolls, labelled and by keyboard, at 360', async () => {
    const cases: [string, number][] = [
      ['/faq/robot-conversation-packs/', 1280],
      ['/faq/robot-conversation-packs/', 360],
      ['/tools/robot-quota/?robots=3&monthly=300000&years=5', 360],
    ];
    for (const [path, width] of cases) {
      const { page, context } = await openPage(path, { width });
      await page.locator('.robot-quota').scrollIntoViewIfNeeded();
      await total(page).waitFor();
      const scroller = page.getByRole('region', { name: /逐年明细/ });
      expect(await scroller.count(), path).toBe(1);
      const size = () => scroller.evaluate((el) => ({ client: el.clientWidth, scroll: el.scrollWidth, left: el.scrollLeft }));
      const before = await size();
      if (width === 1280) {
        expect(before.scroll, path).toBeLessThanOrEqual(before.client);
      } else {
        expect(before.scroll, path).toBeGreaterThan(before.client);
        await expect(page.getByText('左右滑动', { exact: false }).first().isVisible()).resolves.toBe(true);
        await scroller.focus();
        for (let i = 0; i < 30; i++) await page.keyboard.press('ArrowRight');
        await expect.poll(async () => (await size()).left).toBeGreaterThanOrEqual(before.scroll - before.client - 1);
        const box = (await scroller.boundingBox())!;
        const fee = (await page.locator('.rq-years thead th').last().boundingBox())!;
        expect(fee.x + fee.width).toBeLessThanOrEqual(box.x + box.width + 1);
      }
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
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
      const chart = page.locator('.rq-chart');
      await expect(chart.getByRole('img', { name: /每月月末剩余对话次数/ }).count()).resolves.toBe(1);
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

  test('on a phone, light and dark: the yearly table keeps 年度 in view, the monthly table its header, on opaque cells; no keyboard hint on touch', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const context = await newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, colorScheme });
      const page = await context.newPage();
      await page.goto(`${baseUrl}/tools/robot-quota/?robots=3&monthly=80000&growth=5&years=5`);
      await total(page).waitFor();
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

      const years = page.getByRole('region', { name: /逐年明细/ });
      await years.scrollIntoViewIfNeeded();
      const scrolled = await years.evaluate((el) => {
        el.scrollLeft = el.scrollWidth;
        return el.scrollLeft;
      });
      expect(scrolled, colorScheme).toBeGreaterThan(100);
      const firstColumn = await stuck(years, 'tr > th:first-child');
      expect(firstColumn.map((c) => c.text)).toEqual(['年度', '第 1 年', '第 2 年', '第 3 年', '第 4 年', '第 5 年', '合计']);
      expect(await years.evaluate((el) => el.scrollLeft), 'scrolling rows into view kept the table swiped').toBe(scrolled);
      for (const cell of firstColumn) {
        expect(cell.left, `${colorScheme} ${cell.text}`).toBe(0);
        expect(cell.seen, `${colorScheme} ${cell.text} over the columns under it`).toBe(true);
        expect(cell.background, `${colorScheme} ${cell.text}`).toMatch(/^rgb\(/);
      }
      const yearCell = page.locator('.rq-years tbody th').first();
      const { color, background } = await colours(yearCell);
      expect(contrast(color, background), colorScheme).toBeGreaterThanOrEqual(4.5);
      // Touch screens are told to swipe, not about Tab and arrow keys.
      const hint = page.locator('#rq-years-table-hint');
      await expect(hint.isVisible()).resolves.toBe(true);
      expect(await hint.innerText()).toBe('表格较宽，可左右滑动查看全部列。');

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
      await context.close();
    }
  });

  test('在完整页面中打开 in an article takes what was typed to the tool page', async () => {
    const { page, context, errors } = await openPage('/faq/robot-conversation-packs/');
    await page.locator('.robot-quota').scrollIntoViewIfNeeded();
    await total(page).waitFor();
    const link = page.getByRole('link', { name: '在完整页面中打开' });
    expect(await link.getAttribute('href')).toBe('/tools/robot-quota/');
    await fill(page, '机器人数量', '6');
    await fill(page, '首月预计对话量', '8万');
    await fill(page, '每月增长', '-10');
    await page.getByLabel('合同年限').selectOption('3');
    await expect.poll(() => link.getAttribute('href')).toBe('/tools/robot-quota/?robots=6&monthly=80000&growth=-10&years=3');
    await link.click();
    await page.waitForURL(/\/tools\/robot-quota\/\?robots=6/);
    const expected = await apiEstimate({ robots: 6, monthlyConversations: 80000, monthlyGrowthPercent: -10, years: 3 });
    await expect.poll(() => total(page).textContent()).toBe(formatYuan(expected.totalCost));
    expect(await page.getByLabel('首月预计对话量', { exact: true }).inputValue()).toBe('80,000');
    expect(await page.getByLabel('每月增长', { exact: true }).inputValue()).toBe('-10');
    expect(await page.getByLabel('合同年限').inputValue()).toBe('3');
    expect(errors).toEqual([]);
    await context.close();
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
