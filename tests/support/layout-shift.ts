// Layout shifts as Chromium reports them (the Layout Instability API), for asserting that
// a page holds still: `watchLayoutShifts(page)` before it loads, `layoutShifts(page)` after.
import type { Page } from 'playwright-core';

export interface LayoutShift {
  value: number;
  /** What moved: tag, class and the start of its text. */
  sources: string[];
}

declare global {
  interface Window {
    __layoutShifts?: LayoutShift[];
  }
}

/** Records every layout shift not caused by input, from the next navigation on. */
export async function watchLayoutShifts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    window.__layoutShifts = [];
    type Entry = PerformanceEntry & { value: number; hadRecentInput: boolean; sources: { node?: Node | null }[] };
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as Entry[]) {
        if (e.hadRecentInput) continue;
        const sources = e.sources.map(({ node }) => `${node?.nodeName ?? '?'}${node instanceof Element && node.className ? `.${node.className}` : ''} “${(node?.textContent ?? '').trim().slice(0, 30)}”`);
        window.__layoutShifts!.push({ value: e.value, sources });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

/** The shifts so far, two frames on (the observer reports a frame late); an empty list: the page held still. */
export async function layoutShifts(page: Page): Promise<LayoutShift[]> {
  return page.evaluate(
    () =>
      new Promise<LayoutShift[]>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => resolve(window.__layoutShifts ?? []), 0)))),
  );
}
