// Calls to the support API from the browser: typed answers, and failures sorted into
// "the API said no" (with its field errors) and "the API could not be reached".
import { apiUrl } from '../lib/api-paths.ts';
import type { Estimate, EstimateInput } from '../lib/quota/estimate.ts';
import type { PriceList } from '../lib/quota/price-list.ts';
import type { z } from 'zod';
import type { feedbackInputSchema } from '../api/routes/feedback.ts';
import type { diagnosticsReportSchema } from '../api/routes/diagnostics.ts';
import type { quoteSchema } from '../api/schemas.ts';

export interface FieldError {
  path: string;
  message: string;
}

/** The API answered with an error. */
export class ApiError extends Error {
  override name = 'ApiError';
  readonly status: number;
  readonly code: string;
  readonly fields: FieldError[];
  constructor(status: number, code: string, message: string, fields: FieldError[] = []) {
    super(message);
    this.status = status;
    this.code = code;
    this.fields = fields;
  }
}

/** The API could not be reached (offline, server down, blocked). */
export class ApiUnreachableError extends Error {
  override name = 'ApiUnreachableError';
}

/** A saved quote as the API answers it (its schema, `quoteSchema`). */
export type SavedQuote = z.output<typeof quoteSchema>;

/**
 * The islands' JSON calls to the API (`baseUrl` is empty on the site itself). Request
 * bodies are typed by the API's own schemas; only types are imported, no code ships.
 * The diagnostics' clock and WebSocket probes build their own URLs
 * (src/browser/diagnostics/browser-environment.ts): they read a header and open a socket.
 */
export function supportApiClient(baseUrl = '') {
  async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
    let res: Response;
    try {
      res = await fetch(apiUrl(baseUrl, path), {
        ...init,
        headers: init.body ? { 'Content-Type': 'application/json' } : {},
      });
    } catch (error) {
      if ((error as Error).name === 'AbortError') throw error;
      throw new ApiUnreachableError('无法连接到服务器');
    }
    const body = (await res.json().catch(() => undefined)) as { error?: { code: string; message: string; fields?: FieldError[] } } | undefined;
    if (!res.ok) {
      if (!body?.error || res.status >= 502) throw new ApiUnreachableError(`服务器暂时不可用（${res.status}）`);
      throw new ApiError(res.status, body.error.code, body.error.message, body.error.fields);
    }
    return body as T;
  }
  const post = <T>(path: string, data: unknown, signal?: AbortSignal) =>
    call<T>(path, { method: 'POST', body: JSON.stringify(data), ...(signal ? { signal } : {}) });

  return {
    priceList: () => call<PriceList>('/robot-quota/price-list'),
    estimate: (input: EstimateInput, signal?: AbortSignal) => post<Estimate>('/robot-quota/estimate', input, signal),
    saveQuote: (input: EstimateInput) => post<SavedQuote>('/robot-quota/quotes', input),
    quote: (id: string) => call<SavedQuote>(`/robot-quota/quotes/${encodeURIComponent(id)}`),
    feedback: (input: z.input<typeof feedbackInputSchema>) => post<unknown>('/feedback', input),
    diagnosticsReport: (report: z.input<typeof diagnosticsReportSchema>) => post<{ id: string }>('/diagnostics/reports', report),
  };
}

export type SupportApiClient = ReturnType<typeof supportApiClient>;
