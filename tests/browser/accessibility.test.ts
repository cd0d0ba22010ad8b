// Every built page, and the tools in the states a visitor brings them to, checked by axe
// (WCAG 2.2 A/AA and axe's best practices) in Chromium: light at 1280 px and dark at
// 360 px. axe finds what can be found by machine (contrast, names, labels, landmarks,
// heading order, ARIA misuse). Each page is also walked with Tab from top to bottom
// (tests/support/keyboard-walk.ts): every stop must show a focus indicator of 3:1 or
// more, be visible and not hidden under something else, and the walk must end.
// Keyboard use of each tool (arrow keys, Escape, Enter) is tested by the tool's tests.
// The operator page: accessibility-admin.test.ts.
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser } from '../support/browser.ts';
import { builtPages } from '../support/built-pages.ts';
import { keyboardWalk } from '../support/keyboard-walk.ts';
import { openView, violations, VIEWS, type Device, type View } from '../support/axe.ts';
import site from '../../content/site.json' with { type: 'json' };

const { baseUrl, newContext } = useBrowser();

const pages = builtPages();

/** Runs once on the next page `open` makes, before it navigates (to set up routes). */
let before: ((page: Page) => Promise<void>) | undefined;

const open = (view: View, url: string, device: Device = {}) => {
  const once = before;
  before = undefined;
  return openView(newContext, view, url, device, once);
};

/** Scrolls through the page so that every island (hydrated when visible) comes to life. */
async function hydrateAll(page: Page) {
  await page.evaluate(async () => {
    for (let y = 0; y < document.documentElement.scrollHeight; y += 500) {
      window.scrollTo(0, y);
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 20)));
    }
    window.scrollTo(0, 0);
  });
  await page.waitForFunction(() => document.querySelectorAll('astro-island[ssr]').length === 0);
}

describe('every built page passes axe', () => {
  test('the build has its pages', () => {
    expect(pages.length).toBeGreaterThanOrEqual(20);
    expect(pages).toEqual(expect.arrayContaining(['/', '/search/', '/downloads/', '/tools/robot-quota/', '/tools/widget/', '/tools/diagnostics/']));
  });

  test('the keyboard walk finds a stop without focus indicator, a faint one, and a covered one', async () => {
    // On a blank page: a built page's CSP would refuse this inline style.
    const context = await newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.setContent(`
      <style>:focus-visible { outline: 3px solid #1a5fd0; } .plain:focus { outline: none; } .faint:focus-visible { outline-color: #ddd; }</style>
      <button class="under">under</button>
      <div style="margin-top: 4rem"><a href="#a">fine</a> <button class="plain">plain</button> <button class="faint">faint</button></div>
      <div class="header" style="position: fixed; top: 0; left: 0; right: 0; height: 3rem; background: white"></div>`);
    const walk = await keyboardWalk(page);
    expect(walk.stops).toBe(4);
    expect(walk.problems).toEqual([
      expect.stringMatching(/^button\.under .*covered by div\.header$/),
      expect.stringMatching(/^button\.plain .*no focus indicator$/),
      expect.stringMatching(/^button\.faint .*1\.\d\d:1$/),
    ]);
    await context.close();
  });

  test('the keyboard walk finds a keyboard trap', async () => {
    const context = await newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    // Tab on the second button sends focus back to the first: the link is never reached.
    await page.setContent(`
      <button id="a">a</button> <button id="b">b</button> <a href="#c">after the trap</a>
      <script>document.getElementById('b').addEventListener('keydown', (e) => { if (e.key === 'Tab') { e.preventDefault(); document.getElementById('a').focus(); } });</script>`);
    const walk = await keyboardWalk(page);
    expect(walk.stops).toBe(2);
    expect(walk.problems).toEqual([expect.stringMatching(/^focus went round without reaching a "after the trap" \(a keyboard trap\)$/)]);
    await context.close();
  });

  // One test per page and view: axe and the keyboard walk over a long page can take many
  // seconds on a busy machine, and each view gets the whole time a test may take.
  for (const path of pages) {
    for (const view of VIEWS) {
      test(`${path} (${view.name})`, async () => {
        const { page, close } = await open(view, baseUrl + path);
        await hydrateAll(page);
        expect(await violations(page)).toEqual([]);
        const walk = await keyboardWalk(page);
        expect(walk.problems, 'keyboard').toEqual([]);
        // The storage probe is a hidden frame's page, with nothing to focus.
        if (!path.includes('storage-probe')) expect(walk.stops, 'focus stops').toBeGreaterThan(5);
        await close();
      });
    }
  }
});

describe('the tools pass axe in the states visitors bring them to', () => {
  for (const view of VIEWS) {
    describe(view.name, () => {
      // [query, outcome]: two tests, so each stays well inside the time a test may take.
      const searchStates = [
        [
          ['机器人', 'results'],
          ['下崽', 'results'],
          ['用不完的次数会作废吗', 'guess'],
        ],
        [
          ['客服电话', 'partial'],
          // 仍搜索「下崽」: searched as typed.
          ['下崽&literal=1', 'none'],
          ['qwertyzxcv', 'none'],
          ['', undefined],
        ],
      ] as const;
      test.each(searchStates.map((states) => [states.map(([query]) => query || '(no query)').join('、'), states] as const))('search page: %s', async (_, states) => {
        for (const [query, outcome] of states) {
          const { page, close } = await open(view, `${baseUrl}/search/?q=${encodeURIComponent(query).replace('%26literal%3D1', '&literal=1')}`);
          await expect.poll(() => page.locator('[data-search-page-summary]').textContent(), { timeout: 15_000 }).not.toContain('正在加载');
          if (outcome) await expect.poll(() => page.locator('[data-search-page-results]').getAttribute('data-outcome'), { timeout: 15_000 }).toBe(outcome);
          expect(await violations(page), query).toEqual([]);
          await close();
        }
      });

      /** The home page with its header search box, by keyboard at 360 px too. */
      const openHeaderSearch = async () => {
        const { page, close } = await open(view, `${baseUrl}/`);
        const box = page.getByRole('combobox', { name: '搜索帮助文章' });
        if (!(await box.isVisible())) await page.keyboard.press('/');
        return { page, close, box };
      };

      test('header search: results, and a typo searched as the likelier word', async () => {
        const { page, close, box } = await openHeaderSearch();
        await box.fill('聊天窗口打不开');
        await expect.poll(() => box.getAttribute('aria-expanded'), { timeout: 15_000 }).toBe('true');
        await page.keyboard.press('ArrowDown');
        expect(await violations(page), 'suggestions').toEqual([]);
        await box.fill('下崽');
        await page.locator('.results .corrected').waitFor();
        await page.keyboard.press('ArrowDown');
        expect(await violations(page), 'a typo searched as the likelier word').toEqual([]);
        await close();
      });

      test('header search: best guess, partial, and nothing found, each with the support lines, 热门问题 and tools', async () => {
        const { page, close, box } = await openHeaderSearch();
        await box.fill('用不完的次数会作废吗');
        await page.locator('[role="listbox"][data-outcome="guess"]').waitFor({ timeout: 15_000 });
        expect(await violations(page), 'best guess').toEqual([]);
        await box.fill('客服电话');
        await page.locator('[role="listbox"][data-outcome="partial"]').waitFor();
        expect(await violations(page), 'partial').toEqual([]);
        await box.fill('qwertyzxcv');
        await page.getByText('没有找到与「qwertyzxcv」相关的文章', { exact: false }).waitFor();
        expect(await violations(page), 'nothing found').toEqual([]);
        await close();
      });

      test('article feedback: asked for more, then thanked', async () => {
        const { page, close } = await open(view, `${baseUrl}/faq/change-administrator/`);
        await hydrateAll(page);
        const feedback = page.getByTestId('article-feedback');
        await feedback.getByRole('button', { name: '没有帮助' }).click();
        await feedback.getByLabel(/哪里没说清楚/).waitFor();
        expect(await violations(page), 'asking').toEqual([]);
        await feedback.getByLabel(/哪里没说清楚/).fill('想知道原管理员离职了怎么办');
        await feedback.getByRole('button', { name: '提交补充说明' }).click();
        await feedback.getByText('补充说明已收到。').waitFor();
        expect(await violations(page), 'thanked').toEqual([]);
        await close();
      });

      test('diagnostics: finished, and sent to support', async () => {
        const { page, close } = await open(view, `${baseUrl}/tools/diagnostics/`);
        const send = page.getByRole('button', { name: '发送给售后服务' });
        await send.waitFor({ timeout: 20_000 });
        expect(await violations(page), 'finished').toEqual([]);
        await send.click();
        await page.getByTestId('reference-id').waitFor();
        expect(await violations(page), 'sent').toEqual([]);
        await close();
      });

      test('downloads on an iPhone and inside WeChat', async () => {
        const devices = {
          iPhone: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4.1 Mobile/15E148 Safari/604.1',
          'WeChat on Android':
            'Mozilla/5.0 (Linux; Android 12; M2102J2SC Build/SKQ1.211006.001; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/86.0.4240.99 XWEB/4317 MMWEBSDK/20220903 Mobile Safari/537.36 MMWEBID/4357 MicroMessenger/8.0.28.2240(0x28001C57) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64',
        };
        for (const [name, userAgent] of Object.entries(devices)) {
          const { page, close } = await open(view, `${baseUrl}/downloads/`, { userAgent, mobile: true });
          await page.getByTestId('recommendation').waitFor();
          await hydrateAll(page);
          expect(await violations(page), name).toEqual([]);
          await close();
        }
      });

      test('diagnostics: a chat host refused, with its fix guides open', async () => {
        const refused = new URL(site.diagnostics.chatHosts[0]!.url).origin;
        before = async (page) => {
          for (const { url } of site.diagnostics.chatHosts) {
            const origin = new URL(url).origin;
            await page.route(`${origin}/**`, (route) => (origin === refused ? route.abort('blockedbyclient') : route.fulfill({ status: 200, body: 'ok' })));
          }
        };
        const { page, close } = await open(view, `${baseUrl}/tools/diagnostics/`);
        await page.locator('[data-testid=diagnostics][data-running=false]').waitFor({ timeout: 20_000 });
        expect(await page.locator('[data-check="host-1"]').getAttribute('data-status')).toBe('fail');
        expect(await page.locator('[data-check="host-1"] details').count()).toBeGreaterThan(1);
        await page.locator('details').evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
        expect(await violations(page)).toEqual([]);
        await close();
      });

      test('widget preview: each kind, and a refused link', async () => {
        const { page, close } = await open(view, `${baseUrl}/tools/widget/`);
        await hydrateAll(page);
        const kinds = page.locator('input[type="radio"][name$="-kind"]');
        const count = await kinds.count();
        expect(count).toBeGreaterThanOrEqual(3);
        for (let i = 0; i < count; i++) {
          await kinds.nth(i).check();
          expect(await violations(page), `kind ${await kinds.nth(i).getAttribute('value')}`).toEqual([]);
        }
        await page.getByLabel('接待链接', { exact: true }).fill('javascript:alert(1)');
        await expect.poll(() => page.getByLabel('接待链接', { exact: true }).getAttribute('aria-invalid')).toBe('true');
        expect(await violations(page), 'refused link').toEqual([]);
        await close();
      });

      test('calculator: figures, and an input out of range', async () => {
        const { page, close } = await open(view, `${baseUrl}/tools/robot-quota/`);
        await hydrateAll(page);
        await page.locator('#rq-results').waitFor();
        expect(await violations(page), 'figures').toEqual([]);
        await page.getByLabel('机器人数量', { exact: true }).fill('0');
        await expect.poll(() => page.getByLabel('机器人数量', { exact: true }).getAttribute('aria-invalid')).toBe('true');
        expect(await violations(page), 'out of range').toEqual([]);
        await close();
      });
    });
  }
});
