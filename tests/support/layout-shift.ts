// Layout shifts as Chromium reports them (the Layout Instability API), for asserting that
// a page holds still: `watchLayoutShifts(page or context)` before it loads (`openPage`
// does it for its context), `layoutShifts(page)` after.
import type { BrowserContext, Page } from 'playwright-core';

export interface LayoutShift {
  value: number;
  /** What moved: tag, class, the start of its text, and its box before → after (x,y w×h, CSS px). */
  sources: string[];
}

declare global {
  interface Window {
    __layoutShifts?: LayoutShift[];
  }
}

/** Records every layout shift not caused by input, from the next navigation on (once per document, however often it is asked). */
export async function watchLayoutShifts(target: Page | BrowserContext): Promise<void> {
  await target.addInitScript(() => {
    if (window.__layoutShifts) return;
    window.__layoutShifts = [];
    type Entry = PerformanceEntry & { value: number; hadRecentInput: boolean; sources: { node?: Node | null; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[] };
    const rect = (r: DOMRectReadOnly) => `${Math.round(r.x)},${Math.round(r.y)} ${Math.round(r.width)}×${Math.round(r.height)}`;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as Entry[]) {
        if (e.hadRecentInput) continue;
        const sources = e.sources.map(
          ({ node, previousRect, currentRect }) =>
            `${node?.nodeName ?? '?'}${node instanceof Element && node.className ? `.${node.className}` : ''} “${(node?.textContent ?? '').trim().slice(0, 30)}” ${rect(previousRect)} → ${rect(currentRect)}`,
        );
        window.__layoutShifts!.push({ value: e.value, sources });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

/** The shifts so far, two frames on (the observer reports a frame late); an empty list: the page held still. */
export async function layoutShifts(page: Page): Promise<LayoutShift[]> {
  return page.evaluate(
    () =>
      new Promise<LayoutShift[] | undefined>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => resolve(window.__layoutShifts), 0)))),
  ).then((shifts) => {
    if (!shifts) throw new Error('layoutShifts: nothing recorded them on this page (watchLayoutShifts before it loads; openPage does)');
    return shifts;
  });
}

/**
 * What would move if the page were painted before it was all read, as a slow phone (or a
 * busy machine) paints it: the page as loaded, cut short before each of its elements and
 * runs of text in turn (that node and everything after it taken away, from the end up).
 * After each cut, every element that paints something (text, an image, a control, a
 * background or border) must be where it is on the whole page, if it is in view in either
 * place; a line for each cut that moves one. An inline element being read (a `<code>` or
 * `<a>` in a sentence) is held to its first line's start. Run it on the page as built,
 * before its scripts change it (open the page with Astro's bundled scripts refused).
 */
export async function shiftsWhileRead(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const name = (node: Node) =>
      node instanceof Element
        ? `${node.tagName.toLowerCase()}${node.id ? `#${node.id}` : ''}${typeof node.className === 'string' && node.className.trim() ? `.${node.className.trim().split(/\s+/).join('.')}` : ''}`
        : `“${node.textContent!.trim().slice(0, 12)}”`;
    const paints = (el: Element) => {
      if (/^(img|svg|input|select|textarea|button|video|canvas|iframe|progress|meter)$/i.test(el.tagName)) return true;
      if ([...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim())) return true;
      const style = getComputedStyle(el);
      const bordered = ['top', 'right', 'bottom', 'left'].some((side) => parseFloat(style.getPropertyValue(`border-${side}-width`)) > 0 && style.getPropertyValue(`border-${side}-style`) !== 'none');
      return bordered || style.backgroundColor !== 'rgba(0, 0, 0, 0)' || style.backgroundImage !== 'none' || style.boxShadow !== 'none';
    };
    const inView = (box: DOMRect) => box.bottom > 0 && box.top < innerHeight && box.right > 0 && box.left < innerWidth;
    /** Where an element starts: its box, or for inline text its first line's box. */
    const start = (el: Element) => (getComputedStyle(el).display === 'inline' ? (el.getClientRects()[0] ?? el.getBoundingClientRect()) : el.getBoundingClientRect());
    const nodes: Node[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n);
    const watched: { node: Element; i: number; box: DOMRect }[] = [];
    for (const [i, node] of nodes.entries()) {
      if (!(node instanceof Element)) continue;
      const box = start(node);
      if (box.width > 1 && box.height > 1 && getComputedStyle(node).visibility !== 'hidden' && paints(node)) watched.push({ node, i, box });
    }
    const moved: string[] = [];
    for (let cut = nodes.length - 1; cut > 0; cut--) {
      const gone = nodes[cut]!;
      const parent = gone.parentNode!;
      parent.removeChild(gone);
      // A cut in blank space between tags changes nothing worth a look of its own.
      if (gone.nodeType === Node.TEXT_NODE && !gone.textContent!.trim()) continue;
      for (const { node, i, box } of watched) {
        if (i >= cut) break;
        // An inline element none of whose words have been read yet paints next to nothing.
        if (!paints(node) || (node.contains(parent) && getComputedStyle(node).display === 'inline' && !node.textContent!.trim())) continue;
        const now = start(node);
        if ((inView(box) || inView(now)) && (Math.abs(now.x - box.x) > 0.5 || Math.abs(now.y - box.y) > 0.5)) {
          moved.push(`before ${name(gone)} is read, ${name(node)} is at ${Math.round(now.x)},${Math.round(now.y)}, not ${Math.round(box.x)},${Math.round(box.y)}`);
          break;
        }
      }
    }
    return moved.reverse();
  });
}
