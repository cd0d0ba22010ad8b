import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { TOOL_PAGES, TOOLS, toolById, toolsInCategory } from '../../src/lib/content/tools.ts';

const categories = readdirSync(new URL('../../content/categories/', import.meta.url)).map((f) => f.replace(/\.json$/, ''));

describe('the tools list', () => {
  test('has every tool page once, with its path from TOOL_PAGES', () => {
    expect(TOOLS.map((t) => t.path).sort()).toEqual(Object.values(TOOL_PAGES).sort());
    for (const [id, path] of Object.entries(TOOL_PAGES)) expect(toolById(id as keyof typeof TOOL_PAGES).path).toBe(path);
  });

  test('has a page for each tool at its route: src/pages/<path>.astro, built on ToolPage with its id', () => {
    for (const tool of TOOLS) {
      const page = readFileSync(new URL(`../../src/pages${tool.path.replace(/\/$/, '')}.astro`, import.meta.url), 'utf8');
      expect(page, tool.id).toContain('<ToolPage');
      expect(page, tool.id).toContain(`tool="${tool.id}"`);
    }
  });

  test('gives each tool a card icon of SVG shapes', () => {
    for (const tool of TOOLS) expect(tool.icon, tool.id).toMatch(/^<(path|rect|circle) [^<>]*\/>(<(path|rect|circle) [^<>]*\/>)*$/);
  });

  test('puts each tool in a category of content/categories/', () => {
    for (const tool of TOOLS) expect(categories, tool.id).toContain(tool.category);
  });

  test('gives each tool a name and a purpose short enough for one line on a phone', () => {
    for (const tool of TOOLS) {
      expect(tool.title.length, tool.id).toBeGreaterThan(1);
      expect(tool.purpose.length, tool.id).toBeLessThanOrEqual(18);
    }
  });

  test('toolsInCategory keeps the display order and leaves other categories out', () => {
    expect(toolsInCategory('web-reception').map((t) => t.id)).toEqual(['diagnostics', 'widget']);
    expect(toolsInCategory('accounts')).toEqual([]);
  });
});
