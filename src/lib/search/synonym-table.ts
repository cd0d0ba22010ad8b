// Checks the operator's synonym table, content/search/synonyms.json, as read at build
// (src/integrations/search-synonyms.ts): a mistake stops the build naming the file, the
// group and the word. The format is in docs/writing/search-synonyms.md.
import { z } from 'zod';
import { ConfigError, formatIssuePath } from '../../config/friendly-errors.ts';
import { chineseMessage } from '../../config/chinese-messages.ts';
import { isFunctionWord } from './function-words.ts';
import type { SynonymTable } from './synonyms.ts';

/** Where the table lives, relative to the project. */
export const SYNONYMS_FILE = 'content/search/synonyms.json';

const word = z
  .string()
  .trim()
  .min(1, '不能是空字符串')
  .max(12, '最多 12 个字：同义词是一个词，不是一句话')
  .regex(/^[\p{L}\p{N}]+$/u, '只能是一个词：汉字、字母或数字，不含空格和标点')
  .refine((w) => !isFunctionWord(w), { error: (issue) => `「${String(issue.input)}」是虚词（怎么、的、吗……），搜索时会被去掉，写进同义词表不起作用` });

export const synonymTableSchema = z.strictObject({
  /** Groups of words customers use for the same thing; a search for one also finds the others. */
  groups: z.array(z.array(word).min(2, '每组至少两个词').max(12, '每组最多 12 个词')).max(500),
});

/**
 * Checks a parsed table: the schema, then that no word is written twice (in one group,
 * or in two: a word belongs to one group). Throws a {@link ConfigError} naming `file`,
 * each group (by its place and its first words) and word at fault.
 */
export function parseSynonymTable(input: unknown, file: string = SYNONYMS_FILE): SynonymTable {
  const title = `搜索同义词表 ${file} 有误：`;
  // Each problem names its group by place and first words, which the operator finds by eye.
  const rawGroups = (input as { groups?: unknown } | null)?.groups;
  const named = (path: readonly PropertyKey[]) => {
    const g = path[0] === 'groups' && typeof path[1] === 'number' ? path[1] : undefined;
    const group = g === undefined || !Array.isArray(rawGroups) ? undefined : (rawGroups[g] as unknown);
    const words = Array.isArray(group) ? group.filter((w): w is string => typeof w === 'string') : [];
    const shown = words.length ? `：${words.slice(0, 3).join('、')}${words.length > 3 ? '……' : ''}` : '';
    return g === undefined ? formatIssuePath(path) : `${formatIssuePath(path)}（第 ${g + 1} 组${shown}）`;
  };
  const parsed = synonymTableSchema.safeParse(input, { error: chineseMessage });
  if (!parsed.success) throw new ConfigError(title, parsed.error.issues.map((issue) => ({ path: named(issue.path), message: issue.message })));
  const { groups } = parsed.data;
  const seen = new Map<string, number>();
  const problems: { path: string; message: string }[] = [];
  groups.forEach((group, g) => {
    group.forEach((w, i) => {
      const key = w.toLowerCase();
      const first = seen.get(key);
      const path = named(['groups', g, i]);
      if (first === g) problems.push({ path, message: `「${w}」在这一组里写了两次` });
      else if (first !== undefined) problems.push({ path, message: `「${w}」已经在第 ${first + 1} 组（${groups[first]!.slice(0, 3).join('、')}）里：一个词只能属于一组，请把两组合并` });
      else seen.set(key, g);
    });
  });
  if (problems.length) throw new ConfigError(title, problems);
  return groups;
}
