// The articles' tables (Markdown and MDX) get a <colgroup> with one <col> per column of
// their first row. With `table-layout: fixed` (styles/markdown.css) the columns are then
// set before any cell is read, so a page painted mid-read shows the table's first cells
// where they stay. A Sätteri HAST plugin (Astro's Markdown processor): astro.config.mjs.
import { defineHastPlugin } from 'satteri';
import type { Element, ElementContent } from 'hast';

const isElement = (node: ElementContent): node is Element => node.type === 'element';
const SECTIONS = ['thead', 'tbody', 'tfoot'];

/** How many columns a table's first row spans (0 with no rows). */
export function columnCount(table: Readonly<Element>): number {
  for (const child of table.children.filter(isElement)) {
    const row = child.tagName === 'tr' ? child : SECTIONS.includes(child.tagName) ? child.children.filter(isElement).find((c) => c.tagName === 'tr') : undefined;
    if (!row) continue;
    return row.children
      .filter(isElement)
      .filter((cell) => cell.tagName === 'th' || cell.tagName === 'td')
      .reduce((n, cell) => n + (Number(cell.properties?.colSpan) || 1), 0);
  }
  return 0;
}

/** `<colgroup>` with `columns` bare `<col>`s. */
export const columnGroup = (columns: number): Element => ({
  type: 'element',
  tagName: 'colgroup',
  properties: {},
  children: Array.from({ length: columns }, () => ({ type: 'element', tagName: 'col', properties: {}, children: [] })),
});

export const tableColumns = defineHastPlugin({
  name: 'wenda-table-columns',
  element: {
    filter: ['table'],
    visit(table, ctx) {
      if (table.children.some((c) => isElement(c) && c.tagName === 'colgroup')) return;
      const columns = columnCount(table);
      // After a caption, if there is one (HTML's order), before everything else.
      const caption = table.children.findIndex((c) => isElement(c) && c.tagName === 'caption');
      if (columns > 0) ctx.insertChildAt(table, caption + 1, columnGroup(columns));
    },
  },
});
