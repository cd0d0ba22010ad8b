// The words a PDF prints, with their boxes on the page: poppler's pdftotext -bbox
// (`apt-get install poppler-utils`), for tests of what printing really produces.
import { execFileSync } from 'node:child_process';

export const PDFTOTEXT_PATH = process.env.PDFTOTEXT_PATH ?? '/usr/bin/pdftotext';

export interface PdfWord {
  /** 1-based. */
  page: number;
  text: string;
  /** In points from the page's top left. */
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

const entities: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

export function pdfWords(pdf: Buffer): PdfWord[] {
  const xhtml = execFileSync(PDFTOTEXT_PATH, ['-bbox', '-', '-'], { input: pdf, encoding: 'utf8' });
  const words: PdfWord[] = [];
  xhtml.split('<page ').slice(1).forEach((page, i) => {
    for (const m of page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
      words.push({ page: i + 1, text: m[5]!.replace(/&(amp|lt|gt|quot|#39);/g, (e) => entities[e]!), xMin: +m[1]!, yMin: +m[2]!, xMax: +m[3]!, yMax: +m[4]! });
    }
  });
  return words;
}
