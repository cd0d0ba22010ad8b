// The palette: each colour once (src/styles/palette.ts), written as the three theme blocks
// every page's head carries; no colour left in props.css.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { PALETTE, PALETTE_STYLE } from '../../src/styles/palette.ts';

const blockAfter = (start: string) => {
  const from = PALETTE_STYLE.indexOf(start);
  expect(from, start).toBeGreaterThanOrEqual(0);
  return PALETTE_STYLE.slice(from + start.length, PALETTE_STYLE.indexOf('}', from));
};

describe('the palette', () => {
  test('sets every token light by default, dark when chosen and dark by the system unless light was chosen, dark on screen only', () => {
    const light = blockAfter('@layer props{:root{');
    const chosen = blockAfter("@media screen{:root[data-theme='dark']{");
    const system = blockAfter("@media screen and (prefers-color-scheme:dark){:root:not([data-theme='light']){");
    expect(light).toContain('color-scheme:light');
    expect(chosen).toContain('color-scheme:dark');
    expect(system).toBe(chosen);
    for (const [token, [lightValue, darkValue]] of Object.entries(PALETTE)) {
      expect(light).toContain(`${token}:${lightValue}`);
      expect(chosen).toContain(`${token}:${darkValue}`);
    }
  });

  test('uses no light-dark(), which older in-app browsers (WeChat) ignore', () => {
    expect(PALETTE_STYLE).not.toContain('light-dark(');
  });

  test('is the only place a colour is defined: props.css holds sizes and fonts only', () => {
    const props = readFileSync(new URL('../../src/styles/props.css', import.meta.url), 'utf8');
    expect(props).not.toMatch(/#[0-9a-f]{3,6}\b|rgb\(|--c-/i);
  });
});
