// axe in tests: the rules checked (WCAG 2.2 A/AA and axe's best practices), the two views
// (light at 1280 px, dark at 360 px), a page opened in a view, and axe's findings as lines.
import axe from 'axe-core';
import type { AxeResults, PartialResult, RunOptions } from 'axe-core';
import type { Browser, BrowserContextOptions, Frame, Page } from 'playwright-core';

export const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
export const VIEWS = [
  { name: 'light, 1280 px', width: 1280, colorScheme: 'light' },
  { name: 'dark, 360 px', width: 360, colorScheme: 'dark' },
] as const;
export type View = (typeof VIEWS)[number];

export type Device = { userAgent?: string; mobile?: boolean };

/** Opens `url` in a fresh context with `view` (and `device`); `before` runs before it navigates (to set up routes). */
export async function openView(
  newContext: (options: BrowserContextOptions) => ReturnType<Browser['newContext']>,
  view: View,
  url: string,
  device: Device = {},
  before?: (page: Page) => Promise<void>,
) {
  const context = await newContext({
    viewport: { width: view.width, height: 800 },
    colorScheme: view.colorScheme,
    reducedMotion: 'reduce',
    ...(device.userAgent ? { userAgent: device.userAgent } : {}),
    isMobile: device.mobile ?? false,
    hasTouch: device.mobile ?? false,
  });
  const page = await context.newPage();
  await before?.(page);
  await page.goto(url);
  return { page, close: () => context.close() };
}

type AxeWindow = { axe: typeof axe };

/** axe-core in `frame`, unless it is there already (a page checked again in another state). */
async function inject(frame: Frame) {
  if (await frame.evaluate(() => typeof (window as unknown as Partial<AxeWindow>).axe?.runPartial === 'function')) return;
  await frame.evaluate(axe.source);
  await frame.evaluate(() => (window as unknown as AxeWindow).axe.configure({ allowedOrigins: ['<same_origin>'], branding: { application: 'playwright' } }));
}

/**
 * axe.runPartial in `frame` and, depth first, in every frame inside it that axe asks
 * for: the partial results in the order axe.finishRun expects (a frame that cannot be
 * checked counts as null, as @axe-core/playwright does; the top frame must not fail).
 */
async function runPartial(frame: Frame, context: unknown, options: RunOptions, top = false): Promise<(PartialResult | null)[]> {
  try {
    await inject(frame);
    const frames = await frame.evaluate((c) => (window as unknown as AxeWindow).axe.utils.getFrameContexts(c as never), context);
    const own = frame.evaluate(({ c, o }) => (window as unknown as AxeWindow).axe.runPartial(c as never, o), { c: context, o: options });
    own.catch(() => {}); // Awaited below, after the frames inside.
    const children: (PartialResult | null)[] = [];
    for (const { frameSelector, frameContext } of frames) {
      const element = (await frame.evaluateHandle((s) => (window as unknown as AxeWindow).axe.utils.shadowSelect(s as never), frameSelector)).asElement();
      const child = await element?.contentFrame();
      children.push(...(child ? await runPartial(child, frameContext, options) : [null]));
    }
    return [await own, ...children];
  } catch (error) {
    if (top) throw error;
    return [null];
  }
}

/**
 * axe's findings, one readable line per rule and element. What @axe-core/playwright's
 * AxeBuilder does (axe.runPartial in the page and each of its frames, then
 * axe.finishRun), without its two slow steps: axe is injected once per page, not again
 * for each check of the same page, and the results are put together in the page
 * itself rather than in a new blank page into which axe is injected once more. Same
 * rules, same frames, same results; about half the time
 * (tests/browser/axe-control.test.ts checks it still finds what it must).
 */
export async function violations(page: Page): Promise<string[]> {
  const options: RunOptions = { runOnly: { type: 'tag', values: TAGS } };
  const partials = await runPartial(page.mainFrame(), { include: [], exclude: [] }, options, true);
  const result = await page.evaluate(({ p, o }) => (window as unknown as AxeWindow).axe.finishRun(p as PartialResult[], o) as Promise<AxeResults>, { p: partials, o: options });
  return result.violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id} (${v.impact}) at ${n.target.join(' ')}: ${(n.failureSummary ?? v.help).replace(/\s+/g, ' ')}`),
  );
}
