import { describe, expect, test } from 'vitest';
import { pathToFileURL } from 'node:url';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '../../src/config/friendly-errors.ts';
import { readSynonymTable } from '../../src/integrations/search-synonyms.ts';
import { parseSynonymTable, SYNONYMS_FILE } from '../../src/lib/search/synonym-table.ts';
import { expandWord, synonymIndex } from '../../src/lib/search/synonyms.ts';
import { searchSynonymsIntegration } from '../../src/integrations/search-synonyms.ts';

const root = new URL('../../', import.meta.url);

/** The message parseSynonymTable throws for `input`. */
function problem(input: unknown): string {
  try {
    parseSynonymTable(input);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('no error');
}

describe('the synonym table (content/search/synonyms.json)', () => {
  test('the project\'s own table is valid and holds the issue\'s groups', () => {
    const index = synonymIndex(readSynonymTable(new URL(SYNONYMS_FILE, root)));
    expect(expandWord('作废', index)).toEqual(expect.arrayContaining(['作废', '清零', '过期']));
    expect(expandWord('员工', index)).toEqual(expect.arrayContaining(['工号', '成员', '坐席']));
    expect(expandWord('后台', index)).toEqual(expect.arrayContaining(['账户中心']));
  });

  test('a word expands to its group, itself first; Latin in any case; a word without synonyms to itself', () => {
    const index = synonymIndex([['作废', '清零', '过期'], ['PC', '电脑']]);
    expect(expandWord('清零', index)).toEqual(['清零', '作废', '过期']);
    expect(expandWord('pc', index)).toEqual(['pc', '电脑']);
    expect(expandWord('发票', index)).toEqual(['发票']);
  });

  test.each([
    // Each message names the file, the entry (group by place and first words) and what to do.
    [{ groups: [['作废', '清零'], ['员工']] }, 'groups[1]（第 2 组：员工）: 每组至少两个词'],
    [{ groups: [['作废', '清 零']] }, 'groups[0][1]（第 1 组：作废、清 零）: 只能是一个词'],
    [{ groups: [['作废', '怎么']] }, '「怎么」是虚词'],
    [{ groups: [['作废', '清零', '作废']] }, 'groups[0][2]（第 1 组：作废、清零、作废）: 「作废」在这一组里写了两次'],
    [{ groups: [['作废', '清零'], ['员工', '清零']] }, 'groups[1][1]（第 2 组：员工、清零）: 「清零」已经在第 1 组（作废、清零）里'],
    [{ groups: [['作废', 3]] }, 'groups[0][1]'],
    [{ group: [] }, 'group'],
    [[], '(根)'],
  ])('%j is refused: %s', (input, expected) => {
    const message = problem(input);
    expect(message).toContain(`搜索同义词表 ${SYNONYMS_FILE} 有误`);
    expect(message).toContain(expected);
  });

  test('a bad file stops the build with the file and entry named, and a JSON syntax error with its line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wenda-synonyms-'));
    const file = join(dir, SYNONYMS_FILE.split('/').pop()!);
    writeFileSync(file, JSON.stringify({ groups: [['过期', '失效'], ['员工', '过期']] }));
    expect(() => readSynonymTable(file)).toThrow(/content\/search\/synonyms\.json 有误：\n {2}- groups\[1\]\[1\]（第 2 组：员工、过期）: 「过期」已经在第 1 组/);
    writeFileSync(file, '{ "groups": [["过期", "失效"],] }');
    expect(() => readSynonymTable(file)).toThrow(/content\/search\/synonyms\.json.*第 1 行/s);
  });

  test('the build checks the table before anything is built', () => {
    const setup = searchSynonymsIntegration().hooks['astro:config:setup'] as (options: unknown) => void;
    const logger = { debug: () => {} };
    expect(() => setup({ config: { root }, logger })).not.toThrow();
    const project = mkdtempSync(join(tmpdir(), 'wenda-synonyms-'));
    mkdirSync(join(project, 'content', 'search'), { recursive: true });
    writeFileSync(join(project, SYNONYMS_FILE), JSON.stringify({ groups: [['作废']] }));
    expect(() => setup({ config: { root: pathToFileURL(`${project}/`) }, logger })).toThrow(/synonyms\.json 有误：\n {2}- groups\[0\]（第 1 组：作废）: 每组至少两个词/);
  });
});
