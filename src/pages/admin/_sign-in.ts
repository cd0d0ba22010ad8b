// Who may see the operator page and its CSV exports, and the sign-in form's answer: only
// when WENDA_ADMIN_TOKEN is set (the server config hands it over in App.Locals), and only
// with a valid session cookie. Wrong tokens count in the throttle the admin API uses.
import type { AstroCookies } from 'astro';
import type { ApiApp } from '../../api/app.ts';
import { tokensMatch } from '../../api/middleware/admin-auth.ts';
import { tooManyTriesMessage } from '../../api/middleware/token-throttle.ts';
import { SESSION_COOKIE, SESSION_HOURS, createSession, isValidSession } from '../../server/adapters/admin-session.ts';

/** What the operator page reads with: the support API in this process and the admin token. */
export interface OperatorAccess {
  api: ApiApp;
  token: string;
  /** The admin-token throttle and this request's client address (App.Locals `tokenGuard`). */
  guard: NonNullable<App.Locals['tokenGuard']>;
}

/**
 * The access this request has to the operator's data, or undefined when no admin token
 * is configured: then the operator page and its exports do not exist.
 */
export function operatorAccess(locals: App.Locals): OperatorAccess | undefined {
  const { adminToken: token, supportApi: api, tokenGuard: guard } = locals;
  if (!token) return undefined;
  if (!api || !guard) throw new Error('The operator page needs the server entry or `astro dev` (the support API and the admin-token throttle come from there).');
  return { api, token, guard };
}

export function signedIn(cookies: { get(name: string): { value: string } | undefined }, token: string, now = Date.now()): boolean {
  return isValidSession(cookies.get(SESSION_COOKIE)?.value, token, now);
}

/** What a sign-in or sign-out form leads to: back to the page (303), or the page with an error. */
export type SignInAnswer = { redirect: true } | { redirect: false; error: string; status: 401 | 429; retryAfter?: number };

/**
 * Answers the page's form POST: signs out, or checks the token (refused at once, right
 * token or not, while the client must wait) and sets the session cookie.
 */
export async function answerSignInForm(request: Request, cookies: AstroCookies, { token, guard }: OperatorAccess, secure: boolean): Promise<SignInAnswer> {
  const cookieOptions = { path: '/admin', httpOnly: true, sameSite: 'strict' as const, secure };
  const form = await request.formData().catch(() => new FormData());
  if (form.get('action') === 'sign-out') {
    cookies.delete(SESSION_COOKIE, cookieOptions);
    return { redirect: true };
  }
  const { throttle, client } = guard;
  const wait = throttle.retryAfterSeconds(client, Date.now());
  if (wait) return { redirect: false, error: tooManyTriesMessage(wait), status: 429, retryAfter: wait };
  if (tokensMatch(String(form.get('token') ?? ''), token)) {
    throttle.succeeded(client);
    cookies.set(SESSION_COOKIE, createSession(token, Date.now()), { ...cookieOptions, maxAge: SESSION_HOURS * 3600 });
    return { redirect: true };
  }
  throttle.failed(client, Date.now());
  return { redirect: false, error: '登录失败：令牌不正确。', status: 401 };
}
