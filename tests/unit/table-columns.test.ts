// Tables in articles get their columns ahead of their cells, through Sätteri (Astro's
// Markdown processor) as the build runs it.
import { describe, expect, test } from 'vitest';
import { markdownToHtml } from 'satteri';
import { tableColumns } from '../../src/lib/markdown/table-columns.ts';

const html = (markdown: string) => markdownToHtml(markdown, { hastPlugins: [tableColumns] }).html;

describe('table columns', () => {
  test('a table gets one <col> per column of its header row, before its rows', () => {
    const out = html('| 记录来源 | 内容 | 保存期限 |\n| --- | --- | --- |\n| 群消息 | 文字、图片 | 30 天 |\n');
    expect(out).toMatch(/^<table><colgroup><col\s*\/?><col\s*\/?><col\s*\/?><\/colgroup>\s*<thead>/);
    expect(out).toContain('<td>30 天</td>');
  });

  test('each table its own count; text without tables is untouched', () => {
    const out = html('| 甲 | 乙 |\n| --- | --- |\n| 1 | 2 |\n\n段落\n\n| 一 |\n| --- |\n| 1 |\n');
    expect(out.match(/<colgroup>(.*?)<\/colgroup>/g)?.map((g) => g.match(/<col\b/g)!.length)).toEqual([2, 1]);
    expect(html('没有表格的段落。')).toBe(markdownToHtml('没有表格的段落。').html);
  });
});
