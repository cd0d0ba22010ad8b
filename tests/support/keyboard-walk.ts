// Walks a page with the Tab key from the top, the way a keyboard user would, and reports
// every focus stop that a sighted keyboard user could not follow: one that shows no
// focus indicator (nothing about it or its two nearest ancestors changes when it takes
// focus), whose outline contrasts under 3:1 with what is behind it, that is invisible,
// or that is hidden under something else (a sticky header) once scrolled to; and a
// keyboard trap: focus coming round again before the page's last tabbable element.
import type { Page } from 'playwright-core';

export interface KeyboardWalk {
  /** Focus stops reached before Tab left the page (or came round again). */
  stops: number;
  problems: string[];
}

const MAX_STOPS = 250;

export async function keyboardWalk(page: Page): Promise<KeyboardWalk> {
  // What every focusable element and its two nearest ancestors look like unfocused.
  await page.evaluate(() => {
    const w = window as unknown as { __kwLook: (el: Element) => string; __kwUnfocused: WeakMap<Element, string> };
    w.__kwLook = (el: Element) => {
      const parts: string[] = [];
      for (let e: Element | null = el, i = 0; e && i < 3; e = e.parentElement ?? ((e.getRootNode() as ShadowRoot).host || null), i++) {
        const s = getComputedStyle(e);
        parts.push([s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow, s.borderColor, s.backgroundColor, s.textDecorationLine, s.color].join('|'));
      }
      return parts.join('||');
    };
    (document.activeElement as HTMLElement | null)?.blur();
    w.__kwUnfocused = new WeakMap();
    (w as unknown as { __kwVisited: WeakSet<Element> }).__kwVisited = new WeakSet();
    const record = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll('*')) {
        w.__kwUnfocused.set(el, w.__kwLook(el));
        if (el.shadowRoot) record(el.shadowRoot);
      }
    };
    record(document);
    window.scrollTo(0, 0);
  });
  const problems: string[] = [];
  let stops = 0;
  for (; stops < MAX_STOPS; stops++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(() => {
      const w = window as unknown as { __kwLook: (el: Element) => string; __kwUnfocused: WeakMap<Element, string> };
      let el = document.activeElement;
      if (!el || el === document.body || el === document.documentElement) return null;
      // Focus inside a shadow root (the widget's launcher) shows as its host: look inside.
      while (el.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      // Came round again: Tab left the page and re-entered it at the top, or is trapped.
      const visits = (w as unknown as { __kwVisited: WeakSet<Element> }).__kwVisited;
      if (visits.has(el)) return { revisit: true as const };
      visits.add(el);
      const name = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 30);
      const key = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''} "${name}"`;
      if (el.tagName === 'IFRAME') return { key, problems: [] as string[] };
      const found: string[] = [];
      const up = (e: Element) => e.parentElement ?? ((e.getRootNode() as ShadowRoot).host || null);
      const rect = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      if (rect.width < 1 || rect.height < 1 || style.visibility === 'hidden' || Number(style.opacity) === 0) found.push('invisible');
      const before = w.__kwUnfocused.get(el);
      if (before !== undefined && before === w.__kwLook(el)) found.push('no focus indicator');
      // What is behind the outline: the first ancestor with a background colour.
      const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
      const lum = ([r, g, b]: number[]) => {
        const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
        return 0.2126 * f(r!) + 0.7152 * f(g!) + 0.0722 * f(b!);
      };
      if (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) {
        let bg = 'rgb(255, 255, 255)';
        for (let e: Element | null = up(el); e; e = up(e)) {
          const c = getComputedStyle(e).backgroundColor;
          const v = rgb(c);
          if (v.length === 3 || (v.length === 4 && v[3]! > 0.5)) {
            bg = c;
            break;
          }
        }
        const [a, b] = [lum(rgb(style.outlineColor)), lum(rgb(bg))];
        const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
        if (ratio < 3) found.push(`outline ${style.outlineColor} on ${bg}: ${ratio.toFixed(2)}:1`);
      }
      // Hidden under something else: the element at its centre is neither it nor inside it.
      const x = Math.min(Math.max(rect.left + rect.width / 2, 0), innerWidth - 1);
      const y = Math.min(Math.max(rect.top + rect.height / 2, 0), innerHeight - 1);
      let top = document.elementFromPoint(x, y);
      while (top?.shadowRoot) {
        const inner = top.shadowRoot.elementFromPoint(x, y);
        if (!inner || inner === top) break;
        top = inner;
      }
      if (rect.bottom <= 0 || rect.top >= innerHeight || rect.right <= 0 || rect.left >= innerWidth) found.push('outside the viewport');
      else if (top && top !== el && !el.contains(top) && !top.contains(el)) found.push(`covered by ${top.tagName.toLowerCase()}${top.className && typeof top.className === 'string' ? `.${top.className.trim().split(/\s+/)[0]}` : ''}`);
      return { key, problems: found };
    });
    if (!stop) break;
    if ('revisit' in stop) {
      // Normal only once the last element Tab can reach in the document has had focus.
      const trapped = await page.evaluate(() => {
        const visits = (window as unknown as { __kwVisited: WeakSet<Element> }).__kwVisited;
        const tabbable = [...document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, summary, iframe, [tabindex], [contenteditable="true"]')].filter(
          (e) => e.tabIndex >= 0 && !(e as HTMLButtonElement).disabled && !e.closest('[inert]') && e.checkVisibility({ visibilityProperty: true }),
        );
        const last = tabbable.at(-1);
        return last && !visits.has(last) ? `${last.tagName.toLowerCase()} "${(last.textContent ?? '').trim().slice(0, 30)}"` : null;
      });
      if (trapped) problems.push(`focus went round without reaching ${trapped} (a keyboard trap)`);
      break;
    }
    for (const p of stop.problems) problems.push(`${stop.key}: ${p}`);
  }
  if (stops === MAX_STOPS) problems.push(`no end after ${MAX_STOPS} Tab presses (a keyboard trap?)`);
  return { stops, problems };
}
