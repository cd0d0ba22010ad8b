// The layer order every page states first, inline (that the built pages' CSP lists the
// hashes of the inline style and script is checked in tests/browser/help-center.test.ts).
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { LAYER_ORDER_STYLE } from '../../src/config/inline-head.ts';

const stylesDir = new URL('../../src/styles/', import.meta.url);
const layers = LAYER_ORDER_STYLE.replace(/^@layer |;$/g, '').split(', ');

describe('cascade layers', () => {
  test('base.css states the same order as the inline head', () => {
    expect(readFileSync(new URL('base.css', stylesDir), 'utf8')).toContain(LAYER_ORDER_STYLE);
  });

  test.each(readdirSync(stylesDir).filter((f) => f.endsWith('.css')))('%s only uses layers of that order', (file) => {
    const used = [...readFileSync(new URL(file, stylesDir), 'utf8').matchAll(/@layer ([\w-]+)\s*\{/g)].map((m) => m[1]);
    for (const layer of used) expect(layers).toContain(layer);
  });
});
