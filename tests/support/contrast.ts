// WCAG contrast of colours as the browser computes them, for the browser tests.
import type { Locator } from 'playwright-core';
import { contrastRatio } from '../../src/config/brand-colours.ts';

/** WCAG contrast ratio of two `rgb(…)` colours (the site's own formula, brand-colours.ts). */
export function contrast(a: string, b: string): number {
  const hex = (css: string) =>
    `#${css
      .match(/[\d.]+/g)!
      .slice(0, 3)
      .map((v) => Math.round(Number(v)).toString(16).padStart(2, '0'))
      .join('')}`;
  return contrastRatio(hex(a), hex(b));
}

/** An element's text colour and the first opaque background behind it. */
export function colours(element: Locator): Promise<{ color: string; background: string }> {
  return element.evaluate((e) => {
    let node: Element | null = e;
    let background = 'rgb(255, 255, 255)';
    while (node) {
      const bg = getComputedStyle(node).backgroundColor;
      if (bg !== 'transparent' && !/rgba\(.*,\s*0\)$/.test(bg)) {
        background = bg;
        break;
      }
      node = node.parentElement;
    }
    return { color: getComputedStyle(e).color, background };
  });
}
