// Where a JSON text an operator wrote first goes wrong, and what to do about it, in
// Chinese instead of the parser's English: single quotes, Chinese punctuation, a
// missing comma, an unquoted value. Reading the files: json-file.ts.

const CHINESE_PUNCTUATION = /[“”‘’，：「」｛｝［］]/;

/** Where a JSON text first goes wrong, and what to do about it. */
export interface JsonSyntaxProblem {
  /** Offset of the character to look at (the text's length: its end). */
  offset: number;
  /** What is wrong there, in Chinese. */
  message: string;
}

const LITERALS = ['true', 'false', 'null'] as const;
const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
const HEX = /^[0-9a-fA-F]{4}$/;
const ESCAPES = '"\\/bfnrt';
/** A value written without quotes, up to where it surely ends (`http://…` keeps its colon). */
const BARE_WORD = /[^ \t\n\r,{}[\]"“”‘’，：「」｛｝［］]+/y;

const SINGLE_QUOTE = `这里用了单引号 '：JSON 只认英文双引号 "，字段名和文字都要用 "…" 括起来`;
const UNQUOTED_KEY = '字段名必须用英文双引号括起来，例如 "name"';
const MISSING_VALUE = '这里缺少值：冒号后面要写一个值（文字用英文双引号括起来，没有值请写 null）';
const BAD_NUMBER = '数字的写法不对（例如 12、-3、4.5）；如果是日期、版本号、电话号码这类文字，请用英文双引号括起来';

/** What a value written without quotes (`http://…`, `tru`, `NaN`, `是`) should have been. */
function bareWordProblem(word: string): string {
  const lower = word.toLowerCase();
  const literal = LITERALS.find((l) => l === lower);
  if (literal) return `「${word}」要写成小写的 ${literal}`;
  const started = LITERALS.find((l) => lower.length >= 2 && l.startsWith(lower));
  if (started) return `「${word}」不完整：要写成 ${started}；如果是文字，请用英文双引号括起来`;
  if (['nan', 'infinity', 'undefined'].includes(lower)) return `JSON 里没有 ${word}：没有值请写 null，数字要写出来`;
  const characters = [...word];
  const shown = characters.length > 24 ? `${characters.slice(0, 24).join('')}…` : word;
  return `这个值没有用引号括起来：文字要用英文双引号括起来，例如 "${shown}"（只有数字、true、false、null 不用引号）`;
}

/**
 * The first place `json` breaks the JSON grammar, found by walking it (V8's JSON.parse
 * names no position for most mistakes: an unquoted value, single quotes, `tru`); undefined
 * when it is valid JSON. A mistake in a value is placed at the value's first character.
 */
export function findJsonSyntaxProblem(json: string): JsonSyntaxProblem | undefined {
  const length = json.length;
  let i = 0;
  /** The closers still owed, innermost last: `}` for an object, `]` for an array. */
  const open: ('}' | ']')[] = [];

  const at = (offset: number, message: string): JsonSyntaxProblem => {
    const found = json[offset] ?? '';
    if (CHINESE_PUNCTUATION.test(found)) return { offset, message: `这里是中文标点「${found}」，JSON 只认英文的引号、逗号、冒号和括号` };
    if (found === '\u3000') return { offset, message: '这里是全角空格，JSON 只认英文空格' };
    if (found === '\u00a0') return { offset, message: '这里是不换行空格（常见于从网页复制的文字），请换成普通空格' };
    return { offset, message };
  };
  const incomplete = () =>
    json.trim() === '' ? at(0, '文件是空的') : at(length, `文件不完整：结尾还缺少 ${open.toReversed().join(' ')}（也可能是中间漏了括号）`);
  const unexpected = (offset: number) => {
    const found = String.fromCodePoint(json.codePointAt(offset)!);
    if (/[\p{C}\p{Z}]/u.test(found)) {
      return at(offset, `这里有一个看不见的字符（U+${found.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}），请删掉`);
    }
    return at(offset, `这里不应出现「${found}」：请检查引号、逗号和括号是否成对`);
  };

  /** Skips whitespace; a comment is a problem. */
  const space = (): JsonSyntaxProblem | undefined => {
    while (i < length && ' \t\n\r'.includes(json[i]!)) i++;
    if (json.startsWith('//', i) || json.startsWith('/*', i)) return at(i, 'JSON 里不能写注释（// 或 /* */），请删掉');
    return undefined;
  };

  /** A string starting at `i` (a `"`); `i` ends after its closing quote. */
  const string = (): JsonSyntaxProblem | undefined => {
    const start = i++;
    while (i < length) {
      const c = json[i]!;
      if (c === '"') {
        i++;
        return undefined;
      }
      if (c === '\\') {
        const next = json[i + 1];
        if (next === undefined) break;
        if (ESCAPES.includes(next)) i += 2;
        else if (next === 'u' && HEX.test(json.slice(i + 2, i + 6))) i += 6;
        else return at(i, '反斜杠 \\ 后面的转义写法不对；要写反斜杠本身请写 \\\\（Windows 路径也可以改用 /）');
        continue;
      }
      if (c === '\n' || c === '\r') return at(i, '这一行的文字缺少结尾的英文双引号 "；文字里也不能直接换行，要换行请写 \\n');
      if (c < ' ') return at(i, '文字里不能直接换行或用制表符，请写成 \\n 或 \\t');
      i++;
    }
    return at(start, '从这里开始的文字缺少结尾的英文双引号 "');
  };

  /** A number starting at `i` (`-` or a digit); anything glued to it makes it a bad number. */
  const number = (): JsonSyntaxProblem | undefined => {
    const start = i;
    if (json[i] === '-') i++;
    if (json[i] === '0') i++;
    else if (isDigit(json[i])) while (isDigit(json[i])) i++;
    else return at(start, BAD_NUMBER);
    if (json[i] === '.') {
      i++;
      if (!isDigit(json[i])) return at(start, BAD_NUMBER);
      while (isDigit(json[i])) i++;
    }
    if (json[i] === 'e' || json[i] === 'E') {
      i++;
      if (json[i] === '+' || json[i] === '-') i++;
      if (!isDigit(json[i])) return at(start, BAD_NUMBER);
      while (isDigit(json[i])) i++;
    }
    if (i < length && /[\w.+\-]/.test(json[i]!)) return at(start, BAD_NUMBER);
    return undefined;
  };

  /** A member's name and colon, from `i`; `i` ends where its value starts. */
  const name = (): JsonSyntaxProblem | undefined => {
    const problem = space();
    if (problem) return problem;
    if (i >= length) return incomplete();
    const c = json[i]!;
    if (c === "'") return at(i, SINGLE_QUOTE);
    if (c === ',') return at(i, '这里多了一个逗号');
    if (c !== '"') return /[\p{L}\p{N}_$]/u.test(c) ? at(i, UNQUOTED_KEY) : unexpected(i);
    const bad = string() ?? space();
    if (bad) return bad;
    if (i >= length) return incomplete();
    if (json[i] !== ':') return at(i, '字段名后面缺少英文冒号 :');
    i++;
    return undefined;
  };

  let wantValue = true;
  for (;;) {
    const problem = space();
    if (problem) return problem;
    const inside = open.at(-1);
    if (wantValue) {
      if (i >= length) return incomplete();
      const c = json[i]!;
      if (c === '{' || c === '[') {
        i++;
        const bad = space();
        if (bad) return bad;
        if (json[i] === (c === '{' ? '}' : ']')) {
          i++;
          wantValue = false;
        } else {
          open.push(c === '{' ? '}' : ']');
          if (c === '{') {
            const badName = name();
            if (badName) return badName;
          }
        }
        continue;
      }
      let bad: JsonSyntaxProblem | undefined;
      if (c === '"') bad = string();
      else if (c === '-' || isDigit(c)) bad = number();
      else if (c === "'") bad = at(i, SINGLE_QUOTE);
      else if (c === '.' || c === '+') bad = at(i, BAD_NUMBER);
      else if ((c === '}' && inside === '}') || (c === ',' && inside === '}')) bad = at(i, MISSING_VALUE);
      else if (c === ',' && inside === ']') bad = at(i, '这里缺少值：逗号前后都要有值');
      else if (/[\p{L}\p{N}_$]/u.test(c)) {
        BARE_WORD.lastIndex = i;
        const word = BARE_WORD.exec(json)![0];
        if ((LITERALS as readonly string[]).includes(word)) i += word.length;
        else bad = at(i, bareWordProblem(word));
      } else bad = unexpected(i);
      if (bad) return bad;
      wantValue = false;
      continue;
    }
    // After a value: the end, a comma, or the closer of the object or array it is in.
    if (!inside) return i >= length ? undefined : at(i, 'JSON 已经结束，后面还有多余的内容（多了括号，或者少了开头的 { 或 [？）');
    if (i >= length) return incomplete();
    const c = json[i]!;
    if (c === ',') {
      i++;
      const bad = space();
      if (bad) return bad;
      if (json[i] === inside) return at(i, '最后一项后面多了逗号：请删掉上一项末尾的逗号');
      if (inside === '}') {
        const badName = name();
        if (badName) return badName;
      }
      wantValue = true;
      continue;
    }
    if (c === inside) {
      i++;
      open.pop();
      continue;
    }
    if (c === '}' || c === ']') return at(i, `括号不成对：这里应是 ${inside}`);
    return at(i, inside === '}' ? '缺少逗号或 }（逗号应在上一项的末尾）' : '缺少逗号或 ]（逗号应在上一项的末尾）');
  }
}
