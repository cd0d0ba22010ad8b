import { readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { TOOLS, toolById, toolsInCategory } from '../../src/lib/content/tools.ts';
import { TOOL_PAGES } from '../../src/lib/content/urls.ts';

const categories = readdirSync(new URL('../../content/categories/', import.meta.url)).map((f) => f.replace(/\.json$/, ''));

describe('the tools list', () => {
  test('has every tool page once, with its path from TOOL_PAGES', () => {
    expect(TOOLS.map((t) => t.path).sort()).toEqual(Object.values(TOOL_PAGES).sort());
    for (const [id, path] of Object.entries(TOOL_PAGES)) expect(toolById(id as keyof typeof TOOL_PAGES).path).toBe(path);
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
