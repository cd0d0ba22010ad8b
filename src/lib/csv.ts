// CSV for Excel and WPS: UTF-8 with a BOM (so Chinese is not garbled), CRLF lines, cells
// quoted when needed, and text that a spreadsheet would run as a formula defused.

export type CsvCell = string | number | boolean | null | undefined;

/** Starts the file: Excel reads UTF-8 only after it. */
export const CSV_BOM = '\uFEFF';

function cell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  const safe = typeof value === 'string' && /^[=+\-@]/.test(text) ? `'${text}` : text;
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
