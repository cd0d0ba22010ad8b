// The control for tests/support/axe.ts: its `violations()` (axe injected once per page,
// results put together in the page) finds what @axe-core/playwright's AxeBuilder finds,
// in the page and inside its frames, and checking the same page twice finds it again.
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test } from 'vitest';
import { useBrowser } from '../support/browser.ts';
import { TAGS, violations } from '../support/axe.ts';

const { openPage } = useBrowser();

test('violations() finds what AxeBuilder finds, in the page and in its frames, every time it is asked', { timeout: 60_000 }, async () => {
  const { page, context } = await openPage('/faq/change-administrator/');
  // Faults put in by hand: an image without text, a button without a name in a frame.
  await page.evaluate(async () => {
    const main = document.querySelector('main')!;
    main.insertAdjacentHTML('afterbegin', '<img src="/favicon.svg" width="20" height="20">');
    const frame = document.createElement('iframe');
    frame.title = '测试框架';
    frame.src = '/diagnostics/storage-probe/';
    const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    main.append(frame);
    await loaded;
  });
  const frame = page.frameLocator('iframe[title="测试框架"]');
  await frame.locator('body').evaluate((body) => body.insertAdjacentHTML('beforeend', '<button></button>'));

  const found = await violations(page);
  expect(found).toEqual(expect.arrayContaining([expect.stringMatching(/^image-alt \(critical\) at img/), expect.stringMatching(/^button-name \(critical\) at iframe button: /)]));
  const builder = await new AxeBuilder({ page }).withTags([...TAGS]).analyze();
  expect(found.map((line) => line.slice(0, line.indexOf(': '))).sort()).toEqual(builder.violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}) at ${n.target.join(' ')}`)).sort());
  // Asked again (axe already in the page): the same findings.
  expect(await violations(page)).toEqual(found);
  await context.close();
});
