// Reads the JSON files an operator edits (site settings, price list, content data).
// Windows Notepad saves UTF-8 with a byte order mark, which JSON.parse refuses, so a
// leading BOM is skipped; a syntax error names the file, the line and the column of the
// first mistake, and what to do (found by json-syntax.ts).
import { readFileSync } from 'node:fs';
import { stripBom } from '../lib/text.ts';
import { ConfigError } from './friendly-errors.ts';
import { findJsonSyntaxProblem } from './json-syntax.ts';

/** 1-based line and column (in characters) of an offset. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: [...before.at(-1)!].length + 1 };
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
    // The walk and JSON.parse should agree; if not, V8's position (when it gives one) and a general hint.
    const position = /at position (\d+)/.exec((error as Error).message)?.[1];
    const { offset, message } = findJsonSyntaxProblem(json) ?? {
      offset: position === undefined ? 0 : Number(position),
      message: '语法错误：请检查引号、逗号和括号是否成对',
    };
    const { line, column } = lineAndColumn(json, offset);
    throw new ConfigError(`${file} 不是有效的 JSON，无法读取：`, [{ path: `第 ${line} 行第 ${column} 列`, message }]);
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
