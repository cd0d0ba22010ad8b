// The API's one error layer: every failure, from a bad body to an internal fault, is
// answered as `{error: {code, message, fields?, requestId?}}` with a Chinese message.
import { z } from 'zod';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { describeIssues } from '../config/friendly-errors.ts';
import { StoreUnavailableError } from '../store/errors.ts';
import type { Answers, JsonAnswer } from './answers.ts';
import type { ApiEnv } from './deps.ts';
import { MAX_BODY_TEXT } from './limits.ts';
import type { Log } from '../server/log.ts';
import type { Metrics } from '../server/metrics.ts';

export const fieldErrorSchema = z.object({
  path: z.string().meta({ description: 'Dotted path of the field, e.g. `robots` or `packs[0].id`.' }),
  message: z.string(),
});

export const errorSchema = z
  .object({
    error: z.object({
      code: z.enum([
        'invalid_request',
        'not_found',
        'method_not_allowed',
        'payload_too_large',
        'unsupported_media_type',
        'unauthorized',
        'forbidden_origin',
        'rate_limited',
        'request_timeout',
        'unavailable',
        'store_unavailable',
        'restart_needed',
        'internal',
      ]),
      message: z.string(),
      fields: z.array(fieldErrorSchema).optional(),
      requestId: z.string().optional(),
    }),
  })
  .meta({ id: 'Error' });

export type ErrorCode = z.infer<typeof errorSchema>['error']['code'];
export type FieldError = z.infer<typeof fieldErrorSchema>;

/**
 * zod issues as field errors, one per field (its most telling issue: `1e26` for a count
 * up to 1000 is "不能大于 1,000", not also "数字太大"); an unknown key is reported at the
 * key itself, the body as a whole as `(body)`.
 */
export function fieldErrors(error: z.ZodError): FieldError[] {
  const telling = [...error.issues].sort((a, b) => Number(isSafeRangeIssue(a)) - Number(isSafeRangeIssue(b)));
  const byPath = new Map<string, string>();
  for (const issue of telling) {
    if (issue.code === 'unrecognized_keys') {
      const prefix = issue.path.length ? `${describeIssues(new z.ZodError([issue]))[0]!.path}.` : '';
      for (const key of issue.keys) byPath.set(`${prefix}${key}`, '不支持这个字段');
      continue;
    }
    const [{ path, message }] = describeIssues(new z.ZodError([issue])) as [FieldError];
    const field = path === '(根)' ? '(body)' : path;
    if (!byPath.has(field)) byPath.set(field, message);
  }
  return [...byPath].map(([path, message]) => ({ path, message }));
}

const isSafeRangeIssue = (issue: z.core.$ZodIssue) => (issue.code === 'too_big' || issue.code === 'too_small') && issue.origin === 'int';

/** An error answer's body. */
export type ErrorBody = { error: { code: ErrorCode; message: string; fields?: FieldError[]; requestId?: string } };

/**
 * The API's failures, answered through `answer` with the API's headers: `error` for any
 * refusal, the validation hook every route shares (a failed check becomes a 400 naming
 * each field), and the app's error handler, which logs faults to `log` with the request's
 * id and counts the store's failures in `metrics`.
 */
export function apiErrors(answer: Answers, { log, metrics }: { log: Pick<Log, 'error' | 'warn'>; metrics: Pick<Metrics, 'storeFailed'> }) {
  function error<S extends ContentfulStatusCode>(
    c: Context<ApiEnv>,
    status: S,
    code: ErrorCode,
    message: string,
    details: { fields?: FieldError[]; requestId?: string } = {},
    headers?: Record<string, string>,
  ): JsonAnswer<ErrorBody, S> {
    return answer.json(c, { error: { code, message, ...details } }, status, headers);
  }

  return {
    error,

    /** `defaultHook` of the app: every route's own schemas check its input, and this answers a failure. */
    validationHook(result: { success: boolean; error?: unknown }, c: Context<ApiEnv>) {
      if (!result.success && result.error instanceof z.ZodError) {
        return error(c, 400, 'invalid_request', '请求内容有误，请检查标出的字段。', { fields: fieldErrors(result.error) });
      }
      return undefined;
    },

    /** Maps framework exceptions (bad JSON, wrong content type) and faults. */
    handleError(failure: Error, c: Context<ApiEnv>) {
      if (failure instanceof HTTPException) {
        switch (failure.status) {
          case 400:
            return error(c, 400, 'invalid_request', '请求体不是合法的 JSON。', { fields: [{ path: '(body)', message: '无法解析为 JSON' }] });
          case 413:
            return error(c, 413, 'payload_too_large', `请求体太大，最多 ${MAX_BODY_TEXT}。`);
          case 415:
            return error(c, 415, 'unsupported_media_type', '请求体必须是 JSON（Content-Type: application/json）。');
          default:
            if (failure.status < 500) return error(c, failure.status, 'invalid_request', failure.message);
        }
      }
      // The database does not answer (PostgreSQL stopped or out of reach): nothing was
      // written, and the same request will work once it is back, without a restart.
      if (failure instanceof StoreUnavailableError) {
        metrics.storeFailed();
        log.warn({ requestId: answer.requestId(c), method: c.req.method, path: c.req.path, reason: failure.message }, 'store unavailable');
        return error(c, 503, 'store_unavailable', '数据存储暂时不可用，没有保存。请稍后再试。', {}, { 'Retry-After': '5' });
      }
      // The id in the answer ties the customer's report to the log lines of the request.
      const requestId = answer.requestId(c);
      log.error({ requestId, method: c.req.method, path: c.req.path, err: failure }, 'internal error');
      return error(c, 500, 'internal', '服务器内部错误，请稍后再试。', { requestId });
    },
  };
}

export type ErrorAnswer = ReturnType<typeof apiErrors>['error'];
