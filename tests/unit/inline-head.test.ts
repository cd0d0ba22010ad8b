// The inline head: the layer order every page states first, and the CSP hashes of what
// is inline, which must match the bytes exactly.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { inlineScriptHashes, inlineStyleHashes, LAYER_ORDER_STYLE, THEME_INIT_SCRIPT } from '../../src/config/inline-head.ts';

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

test('the CSP hashes are of the inline bytes', () => {
  const sha = (s: string) => `sha256-${createHash('sha256').update(s).digest('base64')}`;
  expect(inlineScriptHashes()).toEqual([sha(THEME_INIT_SCRIPT)]);
  expect(inlineStyleHashes()).toEqual([sha(LAYER_ORDER_STYLE)]);
});
