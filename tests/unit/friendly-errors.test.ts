import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { ConfigError, describeIssues, parseWithFriendlyErrors } from '../../src/config/friendly-errors.ts';

describe('friendly errors', () => {
  test('a field that fails two checks is listed once, with both messages', () => {
    const schema = z.object({ price: z.number().min(0, '不能为负数').refine(Number.isInteger, '必须是整数') });
    expect(describeIssues(schema.safeParse({ price: -1.5 }).error!)).toEqual([{ path: 'price', message: '不能为负数；必须是整数' }]);
  });

  test('a config error carries no stack trace, so the printed message is all an operator reads', () => {
    let error: unknown;
    try {
      parseWithFriendlyErrors(z.object({ port: z.int() }), { port: 'x' }, '配置文件 a.json 有误：');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toBe('配置文件 a.json 有误：\n  - port: 应为数字，收到的是文字');
    expect((error as ConfigError).stack).toBe('');
  });

  test('takes no hint from Astro (it adds one on browser APIs to any text mentioning "window")', () => {
    const error = new ConfigError('内容文件 content/clients/windows-x64.json 有误：', []);
    Object.assign(error, { hint: 'Browser APIs are not available on the server.' });
    expect((error as { hint?: string }).hint).toBeUndefined();
  });
});
