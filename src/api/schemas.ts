// Request and response schemas shared by the API routes and its OpenAPI document.
import { z } from 'zod';
import { errorSchema } from './errors.ts';
import { MAX_BODY_TEXT } from './limits.ts';
import { estimateInputSchema, estimateSchema } from '../lib/quota/estimate.ts';

export const jsonContent = <S extends z.ZodType>(schema: S, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

export const jsonBody = <S extends z.ZodType>(schema: S) => ({
  required: true,
  content: { 'application/json': { schema } },
});

export const errorResponses = {
  400: jsonContent(errorSchema, 'Invalid request: `fields` names each field at fault.'),
  413: jsonContent(errorSchema, `Body over ${MAX_BODY_TEXT}.`),
  415: jsonContent(errorSchema, 'Body is not JSON.'),
  429: jsonContent(errorSchema, 'Too many writes from this client; see Retry-After.'),
};

export const quoteSchema = z
  .object({
    id: z.string(),
    url: z.string().meta({ description: 'Site path that opens the quote read-only.' }),
    input: estimateInputSchema.required(),
    estimate: estimateSchema,
    priceListVersion: z.string(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Quote' });

/** Invisible control characters (NUL and the like); tabs and line breaks are allowed. */
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/**
 * Text a person or a browser wrote, as it is stored: trimmed, at most `max` characters
 * (and at least `min`, 1 unless told), with no control characters and no broken
 * Unicode (a lone surrogate would be stored as �).
 */
export const storedText = (max: number, { min = 1, name = '内容' }: { min?: number; name?: string } = {}) =>
  z
    .string()
    .trim()
    .min(min, min <= 1 ? `${name}不能为空` : `${name}至少 ${min} 个字`)
    .max(max, `${name}最多 ${max} 个字`)
    .refine((text) => !CONTROL_CHARACTERS.test(text), '含有不可见的控制字符')
    .refine((text) => text.isWellFormed(), '含有无效的字符（不成对的代理项）');

/**
 * A whole number in a query string: digits only (not `1e2`, `0x10` or `Infinity`), one
 * value (not `?limit=1&limit=2`); left out or empty means `fallback`. Any number of
 * digits passes the pattern, so a number too large is told the range, not "not an integer".
 */
export const queryInteger = (min: number, max: number, fallback: number) =>
  z
    .string({ error: (issue) => (Array.isArray(issue.input) ? '只能给一个值' : undefined) })
    .regex(/^(-?\d+)?$/, '必须是整数')
    .optional()
    // Hundreds of digits make Infinity, which z.number() would call 无穷大: clamp it.
    .transform((value) => (value ? Math.min(Math.max(Number(value), -Number.MAX_VALUE), Number.MAX_VALUE) : fallback))
    .pipe(z.number().min(min, `不能小于 ${min}`).max(max, `不能大于 ${max}`))
    .meta({ type: 'integer', minimum: min, maximum: max, default: fallback });

export const pageQuerySchema = z.strictObject({
  limit: queryInteger(1, 500, 100),
  offset: queryInteger(0, 1_000_000_000, 0),
});

export { errorSchema };
