// A page painted before it is all read holds still. A slow phone, or a busy machine,
// paints what it has read so far; what comes later must not move what is already on
// screen (a layout shift). CI saw it again and again: the header's search field, the
// widget preview's frames, the download chooser's header. Each built page is checked as
// built (its bundled scripts refused: islands hydrate later and have their own tests;
// the small inline ones in its head still run) by cutting it short before each of its
// elements and runs of text in turn (tests/support/layout-shift.ts), on a desktop and on
// a phone (touch: larger targets), light and dark.
import { describe, expect, test } from 'vitest';
import { useBrowser } from '../support/browser.ts';
import { builtPages } from '../support/built-pages.ts';
import { shiftsWhileRead } from '../support/layout-shift.ts';

const { baseUrl, newContext } = useBrowser();

const VIEWS = [
  { name: 'desktop, 1280 px, light', viewport: { width: 1280, height: 800 }, colorScheme: 'light', touch: false },
  { name: 'phone, 360 px, dark', viewport: { width: 360, height: 740 }, colorScheme: 'dark', touch: true },
] as const;

async function openAsBuilt(view: (typeof VIEWS)[number], path: string) {
  const context = await newContext({ viewport: view.viewport, colorScheme: view.colorScheme, isMobile: view.touch, hasTouch: view.touch });
  const page = await context.newPage();
  // Astro's bundled scripts and the chat launcher's: the page as the parser builds it.
  await page.route(/\/(_astro\/.*|widget\/v1)\.js$/, (route) => route.abort());
  await page.goto(baseUrl + path);
  return { page, context };
}

describe('a page painted before it is all read holds still', () => {
  test('the check finds what moves: a centred row whose later item (and its words) push the earlier one, centred words pushed by the words after them, a row that grows taller; not words read after others in a left-aligned line', async () => {
    const context = await newContext({ viewport: { width: 800, height: 600 } });
    const page = await context.newPage();
    await page.setContent(`<!doctype html>
      <body style="margin: 0">
      <ul style="margin: 0; padding: 0; display: flex; justify-content: center; gap: 8px; list-style: none"><li class="first">一</li><li>二</li></ul>
      <p style="margin: 0">左对齐的句子里有 <code class="left" style="border: 1px solid">代码</code> 和后面的字。</p>
      <p style="margin: 0; text-align: center">居中的句子里有 <code class="centred" style="border: 1px solid">代码</code> 和后面的字。</p>
      <div style="display: flex; align-items: center"><span class="label">标签</span><button style="height: 60px">按钮</button></div>`);
    expect(await shiftsWhileRead(page)).toEqual([
      expect.stringMatching(/^before li is read, li\.first is at \d+,0, not \d+,0$/),
      expect.stringMatching(/^before “二” is read, li\.first is at \d+,0, not \d+,0$/),
      expect.stringMatching(/^before “和后面的字。” is read, code\.centred is at \d+,\d+, not \d+,\d+$/),
      expect.stringMatching(/^before button is read, span\.label is at 0,\d+, not 0,\d+$/),
    ]);
    await context.close();
  });

  const pages = builtPages();
  test('the build has its pages', () => {
    expect(pages).toEqual(expect.arrayContaining(['/', '/search/', '/tools/robot-quota/', '/sitemap/', '/404.html']));
  });
  for (const path of pages) {
    for (const view of VIEWS) {
      test(`${path} (${view.name})`, async () => {
        const { page, context } = await openAsBuilt(view, path);
        expect(await shiftsWhileRead(page)).toEqual([]);
        await context.close();
      });
    }
  }
});
