// Messages for zod's validation issues in plain Chinese, for everyone who reads them:
// an operator fixing a config file, a developer calling the API. zod's own zh-CN locale
// leaves type names and patterns in English ("期望 string，实际接收 undefined",
// "必须满足正则表达式 /^[a-z]$/"); these say what is wanted in words. A schema's own
// message, where it has one, still wins.
import { z } from 'zod';

const { localeError: zodChinese } = z.locales.zhCN();

const TYPE_NAMES: Record<string, string> = {
  string: '文字',
  number: '数字',
  int: '整数',
  bigint: '整数',
  boolean: 'true 或 false',
  object: '对象（{…}）',
  array: '数组（[…]）',
  date: '日期',
  null: 'null',
};

const number = (n: number | bigint) => (typeof n === 'bigint' ? n.toString() : n.toLocaleString('en-US', { maximumFractionDigits: 6 }));

/** What was sent instead, in words. */
function describeInput(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return '数组';
  switch (typeof input) {
    case 'string':
      return input === '' ? '空文字' : '文字';
    case 'number':
      return Number.isNaN(input) ? '非数字' : Number.isFinite(input) ? `数字 ${number(input)}` : '无穷大';
    case 'boolean':
      return String(input);
    case 'object':
      return '对象';
    default:
      return typeof input;
  }
}

const show = (value: unknown) => (typeof value === 'string' ? `「${value}」` : String(value));

/** The message for one issue (zod's `localeError` hook). */
export function chineseMessage(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case 'invalid_type': {
      const wanted = TYPE_NAMES[issue.expected] ?? issue.expected;
      if (issue.input === undefined) return `缺少这一项（应为${wanted}）`;
      if (issue.expected === 'int' && typeof issue.input === 'number') return '必须是整数';
      return `应为${wanted}，收到的是${describeInput(issue.input)}`;
    }
    case 'too_small': {
      const min = issue.minimum as number | bigint;
      if (issue.origin === 'string') return Number(min) <= 1 ? '不能为空' : `至少 ${number(min)} 个字`;
      if (issue.origin === 'array' || issue.origin === 'set') return `至少要有 ${number(min)} 项`;
      return issue.inclusive ? `不能小于 ${number(min)}` : `必须大于 ${number(min)}`;
    }
    case 'too_big': {
      const max = issue.maximum as number | bigint;
      if (issue.origin === 'int' && max === Number.MAX_SAFE_INTEGER) return '数字太大';
      if (issue.origin === 'string') return `最多 ${number(max)} 个字`;
      if (issue.origin === 'array' || issue.origin === 'set') return `最多 ${number(max)} 项`;
      return issue.inclusive ? `不能大于 ${number(max)}` : `必须小于 ${number(max)}`;
    }
    case 'invalid_format':
      if (issue.format === 'datetime') return '应为 ISO 8601 时间，例如 2026-11-25T08:00:00Z';
      if (issue.format === 'email') return '邮箱地址格式不对';
      if (issue.format === 'url') return '应为网址';
      return '格式不对';
    case 'not_multiple_of':
      return `必须是 ${number(issue.divisor as number)} 的整数倍`;
    case 'invalid_value':
      return issue.values.length === 1 ? `只能是 ${show(issue.values[0])}` : `只能是 ${issue.values.map(show).join('、')} 之一`;
    case 'unrecognized_keys':
      return `不支持这些字段：${issue.keys.join('、')}`;
    case 'invalid_union':
    case 'invalid_key':
    case 'invalid_element':
    case 'custom':
      return '内容有误';
    default: {
      const fallback = zodChinese(issue);
      return typeof fallback === 'string' ? fallback : (fallback?.message ?? '内容有误');
    }
  }
}
