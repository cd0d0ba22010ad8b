// The header search, in every page's header: by keyboard, what it says when nothing or
// only part matches, a typo, other words. The search page: search-page.test.ts.
import { describe, expect, test } from 'vitest';
import { useBrowser } from '../support/browser.ts';
import { colours, contrast } from '../support/contrast.ts';
import site from '../../content/site.json' with { type: 'json' };
import { TOOL_PAGES } from '../../src/lib/content/tools.ts';

const { openPage } = useBrowser();
/** Long enough for the search code to load on a busy machine. */
const LOADED = { timeout: 15_000 };

describe('header search', () => {
  test.each([
    ['管理员', 'change-administrator'],
    ['换管理员', 'change-administrator'],
    ['对话条数', 'robot-conversation-limit'],
    ['受限站点', 'widget-session-not-opening'],
    ['应用宝', 'download-client'],
    ['聊天窗口打不开', 'widget-session-not-opening'],
    ['群消息保存多久', 'message-records'],
    ['接待组建', 'widget-session-not-opening'],
    // Finding 6: customers' words that found nothing before the aliases for them.
    ['微信', 'widget-session-not-opening'],
    ['公众号', 'deactivate-member'],
    ['chrome', 'widget-session-not-opening'],
    ['谷歌浏览器', 'widget-session-not-opening'],
    ['download', 'download-client'],
    ['xiazai', 'download-client'],
  ])('%s puts /faq/%s/ first', async (query, slug) => {
    const { page, context, errors } = await openPage('/faq/download-client/');
    const box = page.getByRole('combobox', { name: '搜索帮助文章' });
    await box.fill(query);
    const first = page.getByRole('listbox', { name: '搜索结果' }).getByRole('option').first();
    await first.waitFor();
    expect(await first.getAttribute('href')).toBe(`/faq/${slug}/`);
    expect(await page.locator('[role="option"] mark').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('works by keyboard alone: / focuses, arrows choose, Enter opens', async () => {
    const { page, context } = await openPage('/faq/download-client/');
    await page.keyboard.press('/');
    const box = page.getByRole('combobox', { name: '搜索帮助文章' });
    await expect(box.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await page.keyboard.type('聊天窗口打不开');
    await page.getByRole('option').first().waitFor();
    await page.keyboard.press('ArrowDown');
    const active = await box.getAttribute('aria-activedescendant');
    expect(active).toBeTruthy();
    expect(await page.locator(`#${active}`).getAttribute('aria-selected')).toBe('true');
    await Promise.all([page.waitForURL('**/faq/widget-session-not-opening/'), page.keyboard.press('Enter')]);
    await context.close();
  });

  test.each(['light', 'dark'] as const)('in %s, highlighted words are readable and the chosen option has an outline', async (colorScheme) => {
    const { page, context } = await openPage('/faq/download-client/', { colorScheme });
    await page.getByRole('combobox', { name: '搜索帮助文章' }).fill('聊天窗口打不开');
    const mark = page.locator('.results mark').first();
    await mark.waitFor();
    const { color, background } = await colours(mark);
    expect(contrast(color, background), `${color} on ${background}`).toBeGreaterThanOrEqual(4.5);
    await page.keyboard.press('ArrowDown');
    const chosen = page.locator('.results [aria-selected="true"]');
    expect(await chosen.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid');
    await context.close();
  });

  test('Ctrl+K focuses the search from anywhere; Escape closes the results', async () => {
    const { page, context } = await openPage('/categories/accounts/');
    await page.locator('h1').click();
    await page.keyboard.press('Control+k');
    const box = page.getByRole('combobox', { name: '搜索帮助文章' });
    await expect(box.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await page.keyboard.type('应用宝');
    await page.getByRole('option').first().waitFor();
    await expect(box.getAttribute('aria-expanded')).resolves.toBe('true');
    await page.keyboard.press('Escape');
    await expect(box.getAttribute('aria-expanded')).resolves.toBe('false');
    await context.close();
  });

  test('the focused search box shows a visible focus ring', async () => {
    const { page, context } = await openPage('/faq/download-client/');
    await page.keyboard.press('/');
    const shadow = await page.locator('.search .field').evaluate((el) => getComputedStyle(el).boxShadow);
    expect(shadow).not.toBe('none');
    await context.close();
  });

  test('a query with no result says so and offers both support lines, what each is for, 热门问题 and the tools', async () => {
    const { page, context } = await openPage('/faq/download-client/');
    await page.getByRole('combobox', { name: '搜索帮助文章' }).fill('qwertyzxcv');
    const empty = page.locator('.results .empty');
    await empty.waitFor(LOADED);
    const text = await empty.textContent();
    expect(text).toContain('没有找到与「qwertyzxcv」相关的文章');
    // A one-word query is not told to use shorter keywords.
    expect(text).not.toContain('更短');
    for (const said of ['售前咨询', '400-910-0100', '价格、购买和开通', '售后服务', '95716', '使用中遇到的问题', '热门问题', '自助工具']) expect(text).toContain(said);
    // site.json's (sample) online chat is offered beside the lines.
    expect(await empty.getByRole('link', { name: site.onlineChat.label }).getAttribute('href')).toBe(site.onlineChat.url);
    const links = await empty.locator('a').evaluateAll((all) => all.map((a) => a.getAttribute('href')));
    expect(links).toEqual(expect.arrayContaining(['tel:4009100100', 'tel:95716', '/faq/widget-session-not-opening/', ...Object.values(TOOL_PAGES)]));
    expect(await page.getByRole('listbox', { name: '搜索结果', includeHidden: true }).getAttribute('data-outcome')).toBe('none');
    await context.close();
  });

  test('a typo is searched as the likelier word at once, and says so; the query as typed is one Tab away', async () => {
    const { page, context, errors } = await openPage('/faq/message-records/');
    const box = page.getByRole('combobox', { name: '搜索帮助文章' });
    await box.fill('下崽');
    const first = page.getByRole('listbox', { name: '搜索结果' }).getByRole('option').first();
    await first.waitFor(LOADED);
    expect(await page.locator('.results .corrected').textContent()).toBe('已为你搜索「下载」，仍搜索「下崽」');
    expect(await page.locator('[data-search-status]').textContent()).toMatch(/^已为你搜索「下载」，找到 \d+ 篇相关文章$/);
    expect(['/downloads/', '/faq/download-client/']).toContain(await first.getAttribute('href'));
    expect(await page.locator('[role="option"] mark').first().textContent()).toBe('下载');
    // Confident results: no support lines in the way.
    expect(await page.locator('.results .empty').count()).toBe(0);
    await page.getByRole('link', { name: '仍搜索「下崽」' }).click();
    await expect.poll(() => page.locator('[data-search-status]').textContent(), LOADED).toBe('没有找到相关文章');
    expect(await box.inputValue()).toBe('下崽');
    expect(new URL(page.url()).pathname).toBe('/faq/message-records/');
    expect(errors).toEqual([]);
    await context.close();
  });

  test('a question in other words gets its best guess under 可能相关的文章, with the way on below', async () => {
    const { page, context, errors } = await openPage('/faq/download-client/');
    await page.getByRole('combobox', { name: '搜索帮助文章' }).fill('用不完的次数会作废吗');
    const listbox = page.getByRole('listbox', { name: '搜索结果' });
    await listbox.getByRole('option').first().waitFor(LOADED);
    expect(await listbox.getAttribute('data-outcome')).toBe('guess');
    expect(await listbox.getByRole('option').first().getAttribute('href')).toBe('/faq/robot-unused-conversations/');
    expect(await page.locator('.results .guess').textContent()).toBe('可能相关的文章');
    expect(await page.locator('[data-search-status]').textContent()).toMatch(/^没有完全对应的文章，找到 \d+ 篇可能相关的文章$/);
    const help = await page.locator('.results .empty').textContent();
    for (const said of ['没找到想要的答案', '400-910-0100', '95716', '热门问题', '自助工具']) expect(help).toContain(said);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('partial results (客服 of 客服电话) say so, with the way on below', async () => {
    const { page, context } = await openPage('/faq/download-client/');
    await page.getByRole('combobox', { name: '搜索帮助文章' }).fill('客服电话');
    const listbox = page.getByRole('listbox', { name: '搜索结果' });
    await listbox.getByRole('option').first().waitFor(LOADED);
    expect(await listbox.getAttribute('data-outcome')).toBe('partial');
    expect(await page.locator('.results .partial').textContent()).toContain('没有与「客服电话」完全对应的文章');
    expect(await page.locator('.results .empty').textContent()).toContain('400-910-0100');
    await context.close();
  });

  test('Enter without choosing opens the shareable results page', async () => {
    const { page, context } = await openPage('/faq/download-client/');
    const box = page.getByRole('combobox', { name: '搜索帮助文章' });
    await box.fill('机器人');
    await Promise.all([page.waitForURL(/\/search\/\?q=/), box.press('Enter')]);
    expect(decodeURIComponent(new URL(page.url()).search)).toBe('?q=机器人');
    await context.close();
  });
});
