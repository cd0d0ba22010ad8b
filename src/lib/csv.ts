// CSV for Excel and WPS: UTF-8 with a BOM (so Chinese is not garbled), CRLF lines, cells
// quoted when needed, and text that a spreadsheet would run as a formula defused.

export type CsvCell = string | number | boolean | null | undefined;

/** Starts the file: Excel reads UTF-8 only after it. */
export const CSV_BOM = '\uFEFF';

/**
 * What a spreadsheet may take for the start of a formula: = + - @ (and Excel and WPS
 * read the full-width ＝ ＋ － ＠ a Chinese input method types as the same), and tab or
 * carriage return before one (OWASP's list). Such text gets a leading ' and stays text.
 */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

function cell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  const safe = typeof value === 'string' && FORMULA_START.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One row, with its line break. */
export const csvLine = (row: readonly CsvCell[]) => `${row.map(cell).join(',')}\r\n`;

export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return `${CSV_BOM}${[header, ...rows].map(csvLine).join('')}`;
}

/**
 * The same as a stream of text, for files of any length: rows are taken as they come
 * and handed on in pieces of about `chunkChars`, so memory holds one piece.
 */
export async function* csvChunks(header: readonly string[], rows: AsyncIterable<readonly CsvCell[]>, chunkChars = 64 * 1024): AsyncGenerator<string> {
  let chunk = CSV_BOM + csvLine(header);
  for await (const row of rows) {
    chunk += csvLine(row);
    if (chunk.length >= chunkChars) {
      yield chunk;
      chunk = '';
    }
  }
  yield chunk;
}
