// Dates in content files: a day written YYYY-MM-DD that exists on the calendar and is
// not after today. JavaScript and YAML both roll an impossible date over into a real one
// (`new Date('2026-02-30')` is 3 March; YAML reads 2026-13-45 as 14 February 2027), so
// the digits as written are checked themselves.
import { z } from 'zod';
import { chinaDate } from '../china-time.ts';

const WRITTEN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** What is wrong with a date written as `text`, or undefined; `today` is YYYY-MM-DD. */
export function calendarDateProblem(text: string, today: string): string | undefined {
  const parts = WRITTEN.exec(text);
  if (!parts) return `日期要写成 年-月-日（YYYY-MM-DD），例如 2024-01-19；收到的是「${text}」`;
  const [year, month, day] = parts.slice(1).map(Number) as [number, number, number];
  if (month < 1 || month > 12) return `「${text}」不是真实的日期：月份只能是 01 到 12`;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > daysInMonth) return `「${text}」不是真实的日期：${year} 年 ${month} 月只有 ${daysInMonth} 天`;
  if (text > today) return `「${text}」晚于今天（${today}），日期不能在将来`;
  return undefined;
}

/**
 * A date field of a content file: text YYYY-MM-DD (see {@link calendarDateProblem}),
 * given to pages as a `Date` at midnight UTC of that day. "Today" is the day in China.
 */
export function calendarDate(today: () => string = () => chinaDate()) {
  return z
    .string('应为日期，写成 YYYY-MM-DD，例如 2024-01-19')
    .trim()
    .superRefine((text, ctx) => {
      const problem = calendarDateProblem(text, today());
      if (problem) ctx.addIssue({ code: 'custom', message: problem, input: text });
    })
    .transform((text) => new Date(`${text}T00:00:00Z`));
}

const FRONTMATTER = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---/;

/**
 * YAML reads an unquoted `updated: 2026-13-45` as a date and rolls it over; this puts
 * back the text written in the frontmatter for each top-level date, so the schema sees
 * 2026-13-45 and refuses it. `contents` is the whole file.
 */
export function restoreWrittenDates(data: Record<string, unknown>, contents: string): Record<string, unknown> {
  const frontmatter = FRONTMATTER.exec(contents)?.[1];
  if (frontmatter === undefined) return data;
  const restored = { ...data };
  for (const [key, value] of Object.entries(data)) {
    if (!(value instanceof Date)) continue;
    const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const line = new RegExp(`^(["']?)${escaped}\\1[ \\t]*:[ \\t]*(.*)$`, 'm').exec(frontmatter);
    const written = line?.[2]?.replace(/[ \t]+#.*$/, '').trim();
    // Not found (a layout this does not read): the day YAML made of it, as text.
    restored[key] = written || (Number.isNaN(value.getTime()) ? String(value) : value.toISOString().slice(0, 10));
  }
  return restored;
}
