// axe in tests: the rules checked (WCAG 2.2 A/AA and axe's best practices), the two views
// (light at 1280 px, dark at 360 px), a page opened in a view, and axe's findings as lines.
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
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

/** axe's findings, one readable line per rule and element. */
export async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return result.violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id} (${v.impact}) at ${n.target.join(' ')}: ${(n.failureSummary ?? v.help).replace(/\s+/g, ' ')}`),
  );
}
