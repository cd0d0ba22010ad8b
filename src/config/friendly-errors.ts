// Turns zod issues into one message that names the file and every field at fault,
// so an operator who mistypes a setting reads what to fix instead of a stack trace.
import { z } from 'zod';
import { chineseMessage } from './chinese-messages.ts';

/**
 * An error whose message is all its reader needs: it carries no stack trace, so Astro's
 * and Node's error printers show the message alone, without the frames of the code that
 * found the mistake.
 */
export class OperatorError extends Error {
  constructor(message: string) {
    super(message);
    this.stack = '';
  }

  // Astro adds a hint about browser APIs to any error whose text mentions `window` (as
  // content/clients/windows-x64.json does); an operator's error needs none.
  get hint(): undefined {
    return undefined;
  }
  set hint(_: unknown) {}
}

/** A validation failure with a readable, field-by-field message. */
export class ConfigError extends OperatorError {
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

/**
 * zod issues as `{path, message}` pairs with messages in zh-CN, one per field: a field
 * that failed two checks gets one entry with both messages.
 */
export function describeIssues(error: z.ZodError): { path: string; message: string }[] {
  const byPath = new Map<string, string[]>();
  for (const issue of error.issues) {
    const path = formatIssuePath(issue.path);
    const messages = byPath.get(path) ?? [];
    if (!messages.includes(issue.message)) messages.push(issue.message);
    byPath.set(path, messages);
  }
  return [...byPath].map(([path, messages]) => ({ path, message: messages.join('；') }));
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
