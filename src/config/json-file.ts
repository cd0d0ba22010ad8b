// Reads the JSON files an operator edits (site settings, price list, content data).
// Windows Notepad saves UTF-8 with a byte order mark, which JSON.parse refuses, so a
// leading BOM is skipped; a syntax error names the file, the line and the column, in
// Chinese, instead of the parser's English.
import { readFileSync } from 'node:fs';
import { ConfigError } from './friendly-errors.ts';

const BOM = '\uFEFF';

/** The text without a leading UTF-8 byte order mark. */
export const stripBom = (text: string) => (text.startsWith(BOM) ? text.slice(BOM.length) : text);

const CHINESE_PUNCTUATION = /[“”‘’，：「」｛｝［］]/;

/** What V8's JSON.parse said about the character at `offset`, in words an operator can act on. */
function explain(parserMessage: string, json: string, offset: number): string {
  const found = json[offset] ?? '';
  if (CHINESE_PUNCTUATION.test(found)) return `这里是中文标点「${found}」，JSON 只认英文的引号、逗号、冒号和括号`;
  if (json.trim() === '') return '文件是空的';
  if (offset >= json.trimEnd().length) return '文件不完整：结尾缺少 } 或 ]，或者引号没有闭合';
  if (/Expected double-quoted property name|Expected property name/.test(parserMessage)) {
    return '字段名必须用英文双引号括起来；也可能是上一项后面多了逗号';
  }
  if (/Expected ',' or '\}'/.test(parserMessage)) return '缺少逗号或 }（逗号应在上一项的末尾）';
  if (/Expected ',' or '\]'/.test(parserMessage)) return '缺少逗号或 ]（逗号应在上一项的末尾）';
  if (/Expected ':'/.test(parserMessage)) return '字段名后面缺少英文冒号 :';
  if (/Unterminated string/.test(parserMessage)) return '引号没有闭合';
  if (/Bad control character/.test(parserMessage)) return '文字里不能直接换行或用制表符，请写成 \\n 或 \\t';
  if (/Bad (Unicode )?escape/.test(parserMessage)) return '反斜杠 \\ 后面的转义写法不对；要写反斜杠本身请写 \\\\';
  if (/non-whitespace character after JSON/.test(parserMessage)) return 'JSON 已经结束，后面还有多余的内容';
  if (/number|Exponent/i.test(parserMessage)) return '数字的写法不对';
  if (found.trim()) return `这里不应出现「${found}」：请检查引号、逗号和括号是否成对`;
  return '语法错误：请检查引号、逗号和括号是否成对';
}

/** 1-based line and column of a character offset. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before.at(-1)!.length + 1 };
}

/**
 * Parses the text of a JSON file, skipping a leading BOM. `file` names the file in the
 * message of the {@link ConfigError} thrown for a syntax error.
 */
export function parseJsonText(text: string, file: string): unknown {
  const json = stripBom(text);
  try {
    return JSON.parse(json);
  } catch (error) {
    const parserMessage = (error as Error).message;
    const position = /at position (\d+)/.exec(parserMessage)?.[1];
    const offset = position === undefined ? json.length : Number(position);
    const { line, column } = lineAndColumn(json, offset);
    throw new ConfigError(`${file} 不是有效的 JSON，无法读取：`, [{ path: `第 ${line} 行第 ${column} 列`, message: explain(parserMessage, json, offset) }]);
  }
}

/**
 * Reads and parses a JSON file (see {@link parseJsonText}); a file that cannot be read
 * throws a {@link ConfigError} too. `file` is how messages name it, the path by default.
 */
export function readJsonFile(path: string | URL, file = String(path)): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? '文件不存在' : code === 'EACCES' ? '没有读取权限' : code === 'EISDIR' ? '这是一个目录，不是文件' : (error as Error).message;
    throw new ConfigError(`${file} 无法读取：`, [{ path: '(文件)', message: reason }]);
  }
  return parseJsonText(text, file);
}
