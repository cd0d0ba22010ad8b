import { afterEach, describe, expect, test } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseJsonText, readJsonFile } from '../../src/config/json-file.ts';
import { ConfigError } from '../../src/config/friendly-errors.ts';

function refusal(text: string) {
  try {
    parseJsonText(text, 'content/site.json');
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('expected the text to be refused');
}

describe('JSON files', () => {
  test('a leading byte order mark (Windows Notepad) is skipped', () => {
    expect(parseJsonText('\uFEFF{"a": 1}', 'x.json')).toEqual({ a: 1 });
  });

  test.each([
    ['an unquoted key', '{\n  "a": 1,\n  b: 2\n}', '第 3 行第 3 列', '双引号'],
    ['a trailing comma', '{\n  "a": 1,\n}', '第 3 行第 1 列', '逗号'],
    ['a missing comma', '{\n  "a": 1\n  "b": 2\n}', '第 3 行第 3 列', '缺少逗号'],
    ['a Chinese comma', '{"a": 1，"b": 2}', '第 1 行第 8 列', '中文标点「，」'],
    ['a cut-off file', '{"a": [1, 2', '第 1 行第 12 列', '不完整'],
    ['an empty file', '', '第 1 行第 1 列', '文件是空的'],
  ])('%s names the file, the line and the column in Chinese', (_, text, where, what) => {
    const error = refusal(text);
    expect(error.message).toContain('content/site.json');
    expect(error.fields).toEqual([{ path: where, message: expect.stringContaining(what) }]);
    expect(error.message).not.toMatch(/Unexpected|Expected|JSON at position/);
  });

  test('line and column count from after a byte order mark', () => {
    expect(refusal('\uFEFF{\n"a": 1,}').fields[0]!.path).toBe('第 2 行第 8 列');
  });

  describe('on disk', () => {
    let dir: string;
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    test('reads a file saved with a BOM; a missing file is named', () => {
      dir = mkdtempSync(join(tmpdir(), 'wenda-json-'));
      writeFileSync(join(dir, 'a.json'), '\uFEFF{"version": "1"}');
      expect(readJsonFile(join(dir, 'a.json'))).toEqual({ version: '1' });
      expect(() => readJsonFile(join(dir, 'missing.json'), '价格表 missing.json')).toThrow(/价格表 missing\.json 无法读取：\n {2}- \(文件\): 文件不存在/);
    });
  });
});
