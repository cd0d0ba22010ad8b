// Turns zod issues into one message that names the file and every field at fault,
// so an operator who mistypes a setting reads what to fix instead of a stack trace.
import { z } from 'zod';
import { chineseMessage } from './chinese-messages.ts';

/** A validation failure with a readable, field-by-field message. */
export class ConfigError extends Error {
  override name = 'ConfigError';
  readonly fields: { path: string; message: string }[];
  constructor(title: string, fields: { path: string; message: string }[]) {
    super(`${title}\n${fields.map((f) => `  - ${f.path}: ${f.message}`).join('\n')}`);
    this.fields = fields;
  }
}

/** Dotted path of an issue, `supportLines[0].phone` style; `(根)` for the whole value. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || '(根)';
}

/** zod issues as `{path, message}` pairs with messages in zh-CN. */
export function describeIssues(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((issue) => ({ path: formatIssuePath(issue.path), message: issue.message }));
}

/**
 * Parses `input` with `schema`, or throws a {@link ConfigError} whose message starts with
 * `title` (say which file) and lists each field at fault.
 */
export function parseWithFriendlyErrors<S extends z.ZodType>(schema: S, input: unknown, title: string): z.output<S> {
  const result = schema.safeParse(input, { error: chineseMessage });
  if (result.success) return result.data;
  throw new ConfigError(title, describeIssues(result.error));
}
