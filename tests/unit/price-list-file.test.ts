import { afterEach, describe, expect, test } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { watchPriceListFile } from '../../src/server/price-list-file.ts';

const sample = readFileSync(new URL('../../content/price-list.sample.json', import.meta.url), 'utf8');
let dir: string;

function fileWith(text: string): string {
  dir = mkdtempSync(join(tmpdir(), 'wenda-price-list-'));
  const path = join(dir, 'price-list.json');
  writeFileSync(path, text);
  return path;
}

function refusal(path: string): string {
  try {
    watchPriceListFile(path).close();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected the price list to be refused');
}

afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the price list file', () => {
  test('saved with a BOM (Windows Notepad) is read', () => {
    const source = watchPriceListFile(fileWith(`\uFEFF${sample}`));
    expect(source.current().currency).toBe('CNY');
    source.close();
  });

  test('a syntax error names the file, line and column in Chinese', () => {
    const path = fileWith(sample.replace('"currency"', 'currency'));
    const message = refusal(path);
    expect(message).toContain(`价格表 ${path}`);
    expect(message).toMatch(/第 \d+ 行第 \d+ 列/);
    expect(message).not.toContain('Unexpected');
  });

  test('a negative price with three decimals is one line, for one field', () => {
    const list = JSON.parse(sample);
    list.packs[0].price = -12.345;
    const message = refusal(fileWith(JSON.stringify(list)));
    expect(message.match(/packs\[0\]\.price/g)).toHaveLength(1);
    expect(message).toContain('套餐价格必须大于 0 元');
  });
});
