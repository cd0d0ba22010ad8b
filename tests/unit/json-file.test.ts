import { afterEach, describe, expect, test } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseJsonText, readJsonFile } from '../../src/config/json-file.ts';
import { findJsonSyntaxProblem } from '../../src/config/json-syntax.ts';
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

  // V8's "Unexpected token" messages carry no position: these used to be reported at the
  // end of the file as incomplete. Hand edits of content/site.json, mostly.
  test.each([
    ['a value in single quotes', `{\n  "version": '2026-11',\n  "a": 1\n}`, '第 2 行第 14 列', `这里用了单引号 '：JSON 只认英文双引号 "`],
    ['a name in single quotes', `{\n  'siteUrl': "http://help.example.com"\n}`, '第 2 行第 3 列', 'JSON 只认英文双引号'],
    ['an unquoted URL', '{\n  "brandName": "帮助中心",\n  "siteUrl": http://help.example.com,\n  "apiBaseUrl": ""\n}', '第 3 行第 14 列', '文字要用英文双引号括起来，例如 "http://help.example.com"'],
    ['unquoted Chinese text', '{"brandName": 帮助中心}', '第 1 行第 15 列', '文字要用英文双引号括起来，例如 "帮助中心"'],
    ['a missing value', '{"a":}', '第 1 行第 6 列', '这里缺少值'],
    ['a cut-short true', 'tru', '第 1 行第 1 列', '「tru」不完整：要写成 true'],
    ['a cut-short null inside an object', '{\n  "apiBaseUrl": nul\n}', '第 2 行第 17 列', '要写成 null'],
    ['True with a capital', '{"sample": True}', '第 1 行第 12 列', '「True」要写成小写的 true'],
    ['NaN', 'NaN', '第 1 行第 1 列', 'JSON 里没有 NaN'],
    ['a date without quotes', '{"updated": 2026-11-02}', '第 1 行第 13 列', '请用英文双引号括起来'],
    ['a comment', '{\n  "a": 1 // 说明\n}', '第 2 行第 10 列', '不能写注释'],
    ['a quote left open at the end of a line', '{\n  "a": "abc,\n  "b": 1\n}', '第 2 行第 13 列', '缺少结尾的英文双引号'],
    ['a Windows path', '{"a": "C:\\Users"}', '第 1 行第 10 列', '反斜杠'],
    ['a trailing comma in a list', '{"a": [1, 2,]}', '第 1 行第 13 列', '多了逗号'],
    ['a bracket that does not match', '{"a": [1, 2}', '第 1 行第 12 列', '括号不成对：这里应是 ]'],
    ['a full-width space', '{"a":\u30001}', '第 1 行第 6 列', '全角空格'],
    ['Chinese quotes around a value', '{"a": “是”}', '第 1 行第 7 列', '中文标点「“」'],
    ['something after the end', '{"a": 1}}', '第 1 行第 9 列', 'JSON 已经结束'],
  ])('%s is placed where it is, and explained', (_, text, where, what) => {
    expect(() => JSON.parse(text)).toThrow();
    const error = refusal(text);
    expect(error.fields).toEqual([{ path: where, message: expect.stringContaining(what) }]);
    expect(error.fields[0]!.message).not.toMatch(/不完整：结尾/);
  });

  test('columns count characters, not UTF-16 units', () => {
    expect(refusal('{"a": "😀", "b": x}').fields[0]!.path).toBe('第 1 行第 17 列');
  });

  test('a cut-off file names the closers still missing', () => {
    expect(refusal('{"a": {"b": [1, {"c": 2').fields).toEqual([{ path: '第 1 行第 24 列', message: expect.stringContaining('结尾还缺少 } ] } }') }]);
  });

  // The walk must agree with JSON.parse on what is valid, or it would place a mistake
  // where there is none: the shipped JSON files, each with characters removed or added.
  test('finds a problem exactly when JSON.parse refuses the text', () => {
    const files = ['content/site.json', 'content/price-list.sample.json', 'content/clients/windows-x64.json'];
    const inserts = ['"', "'", ',', ':', '{', '}', '[', ']', ' ', '\\', '\n', '0', '-', '.', 'e', 'x', '，', '/', '\t'];
    let seed = 1;
    const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    let refused = 0;
    for (const file of files) {
      const text = readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');
      expect(findJsonSyntaxProblem(text)).toBeUndefined();
      for (let round = 0; round < 400; round++) {
        const at = random(text.length);
        const mutated = random(2) ? text.slice(0, at) + text.slice(at + 1 + random(3)) : text.slice(0, at) + inserts[random(inserts.length)] + text.slice(at);
        let valid = true;
        try {
          JSON.parse(mutated);
        } catch {
          valid = false;
          refused++;
        }
        const problem = findJsonSyntaxProblem(mutated);
        expect(problem === undefined, `${file} mutated at ${at}: ${JSON.stringify(mutated.slice(Math.max(0, at - 20), at + 20))}`).toBe(valid);
        if (problem) expect(problem.offset).toBeLessThanOrEqual(mutated.length);
      }
    }
    expect(refused).toBeGreaterThan(300);
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
