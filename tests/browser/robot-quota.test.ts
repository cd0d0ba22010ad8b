// The robot quota calculator as sales use it: values in, the API's figures out, links
// that reopen a quote, and an honest message when the API is away. Its tables and chart:
// robot-quota-tables.test.ts; printing and exports: robot-quota-print.test.ts.
import { describe, expect, test } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useBrowser } from '../support/browser.ts';
import { layoutShifts } from '../support/layout-shift.ts';
import { apiEstimate, fill, total, useOwnServers } from '../support/robot-quota.ts';
import { startServer } from '../support/server.ts';
import { formatCount, formatYuan } from '../../src/lib/quota/number-input.ts';
import site from '../../content/site.json' with { type: 'json' };

const { baseUrl, openPage, newContext } = useBrowser();
const presales = site.supportLines.find((l) => l.label === '售前咨询')!;
const ownServers = useOwnServers();

describe('robot quota calculator', () => {
  test('typed values (5万 style included, growth by the year) give the numbers the API gives', async () => {
    const { page, context, errors } = await openPage('/tools/robot-quota/');
    await total(page).waitFor();
    await fill(page, '机器人数量', '3');
    await fill(page, '首月预计对话量', '12万');
    await fill(page, '增长率', '5');
    // 每月 / 每年 beside the rate, as one says it: 每年 5%.
    const period = page.getByLabel('增长周期');
    expect(await period.locator('option').allTextContents()).toEqual(['每月', '每年']);
    expect(await period.inputValue()).toBe('month');
    await period.selectOption('year');
    await fill(page, '本期剩余次数', '20,000');
    await page.getByLabel('合同年限').selectOption('2');
    const expected = await apiEstimate({ robots: 3, monthlyConversations: 120000, monthlyGrowthPercent: 5, growthPeriod: 'year', years: 2, carryOverBalance: 20000 });
    expect(expected.years[1]!.usage).toBe(12 * 126000);
    await expect.poll(() => total(page).textContent(), { timeout: 5000 }).toBe(formatYuan(expected.totalCost));
    const rows = page.locator('.rq-years tbody tr');
    await expect(rows.count()).resolves.toBe(2);
    const year2 = await rows.nth(1).locator('td').allTextContents();
    expect(year2[0]).toBe(formatCount(expected.years[1]!.carriedIn));
    expect(year2[2]).toBe(formatCount(expected.years[1]!.usage));
    expect(year2[4]).toBe(formatCount(expected.years[1]!.endingBalance));
    await expect(page.getByText('示例价格', { exact: true }).first().isVisible()).resolves.toBe(true);
    expect(new URL(page.url()).search).toBe('?robots=3&monthly=120000&growth=5&period=year&years=2&carry=20000');
    expect(await page.locator('#rq-monthlyGrowthPercent-hint').textContent()).toContain('对话量每年增减的百分比');
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
    await fill(page, '增长率', '300');
    expect(await messageOf('增长率')).toBe('增长率：请输入 -50 到 200 之间的数字');
    await fill(page, '首月预计对话量', '5万');
    await fill(page, '本期剩余次数', '-1');
    expect(await messageOf('本期剩余次数')).toBe('本期剩余次数：请输入 0 到 10 亿之间的整数');
    await fill(page, '增长率', '0');
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
    for (const [label, text] of [['首月预计对话量', '5万'], ['增长率', '-10'], ['本期剩余次数', '1.2万']] as const) {
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

  test('a saved quote’s link reopens the same figures, read-only (nothing to 填写), with its inputs, date and price-list version', async () => {
    const { page, context } = await openPage('/tools/robot-quota/?robots=5&monthly=300000&growth=8&period=year&years=3');
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
    // The form the page is built with gives way to the quote without moving the page.
    expect(await layoutShifts(other)).toEqual([]);
    const banner = await other.locator('.rq-quote-banner').textContent();
    expect(banner).toContain('价目表版本 2026-11-sample');
    expect(banner).toMatch(/生成于 \d{4}-\d{2}-\d{2}/);
    expect(await other.getByLabel('机器人数量', { exact: true }).count()).toBe(0);
    // Its inputs as a quote states them, and no invitation to fill in what cannot be changed.
    expect(await other.getByTestId('inputs-summary').innerText()).toMatch(/首月预计对话量\s+30 万次\/月\s+增长率\s+每年 8%/);
    expect(await other.locator('main').innerText()).not.toContain('填写');
    await other.getByRole('button', { name: '修改条件重新估算' }).click();
    await expect.poll(() => other.getByLabel('机器人数量', { exact: true }).inputValue()).toBe('5');
    expect(await other.getByLabel('增长周期').inputValue()).toBe('year');
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
    ownServers.length = 0;
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

  test('without JavaScript: no form that cannot work, no 正在估算……, and whom to call instead', async () => {
    const context = await newContext({ viewport: { width: 360, height: 740 }, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/tools/robot-quota/`);
    const main = await page.locator('main').innerText();
    expect(main).not.toContain('正在估算');
    expect(main).not.toContain('填写');
    await expect(page.getByLabel('机器人数量', { exact: true }).isVisible()).resolves.toBe(false);
    const note = page.locator('.rq-noscript');
    expect(await note.innerText()).toBe(`估算需要浏览器启用 JavaScript。要了解价格，请拨打售前咨询电话 ${presales.phone}。`);
    expect(await note.getByRole('link', { name: presales.phone }).getAttribute('href')).toBe(`tel:${presales.phone.replace(/-/g, '')}`);
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

  test('inside an article it loads when scrolled to, and leaves the article URL alone; dates and phone numbers there stay whole', async () => {
    const { page, context, errors } = await openPage('/faq/robot-conversation-packs/');
    // The site's one rule for figures (base.css) reaches what the calculator did not draw.
    const whole = await page.locator('time, a[href^="tel:"]').evaluateAll((els) => els.map((el) => getComputedStyle(el).whiteSpace));
    expect(whole.length).toBeGreaterThanOrEqual(2);
    expect(new Set(whole)).toEqual(new Set(['nowrap']));
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

  test('在完整页面中打开 in an article takes what was typed to the tool page', async () => {
    const { page, context, errors } = await openPage('/faq/robot-conversation-packs/');
    await page.locator('.robot-quota').scrollIntoViewIfNeeded();
    await total(page).waitFor();
    const link = page.getByRole('link', { name: '在完整页面中打开' });
    expect(await link.getAttribute('href')).toBe('/tools/robot-quota/');
    await fill(page, '机器人数量', '6');
    await fill(page, '首月预计对话量', '8万');
    await fill(page, '增长率', '-10');
    await page.getByLabel('合同年限').selectOption('3');
    await expect.poll(() => link.getAttribute('href')).toBe('/tools/robot-quota/?robots=6&monthly=80000&growth=-10&years=3');
    await link.click();
    await page.waitForURL(/\/tools\/robot-quota\/\?robots=6/);
    const expected = await apiEstimate({ robots: 6, monthlyConversations: 80000, monthlyGrowthPercent: -10, years: 3 });
    await expect.poll(() => total(page).textContent()).toBe(formatYuan(expected.totalCost));
    expect(await page.getByLabel('首月预计对话量', { exact: true }).inputValue()).toBe('80,000');
    expect(await page.getByLabel('增长率', { exact: true }).inputValue()).toBe('-10');
    expect(await page.getByLabel('合同年限').inputValue()).toBe('3');
    expect(errors).toEqual([]);
    await context.close();
  });
});
