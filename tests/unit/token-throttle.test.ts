// The limit on guessing the admin token: the throttle's rules, and the admin API's
// Bearer check answering through it (the sign-in page's side runs in
// tests/server/security.test.ts, against the built server).
import { afterEach, describe, expect, test } from 'vitest';
import { MAX_WRONG_TOKENS, TokenThrottle, throttleKey } from '../../src/api/middleware/token-throttle.ts';
import { testApi } from '../support/api.ts';

const now = Date.parse('2026-12-07T10:00:00Z');

describe('token throttle', () => {
  test('with a shared tally (several processes): told of each wrong and right token by key; what it hears is the count', () => {
    const told: string[] = [];
    const throttle = new TokenThrottle({ failed: (key, at) => told.push(`failed ${key} ${at - now}`), succeeded: (key) => told.push(`succeeded ${key}`) });
    throttle.failed('2001:db8:1:2::7', now);
    throttle.succeeded('::ffff:203.0.113.7');
    expect(told).toEqual(['failed 2001:db8:1:2::/64 0', 'succeeded 203.0.113.7']);
    // Another process's guesses, as the tally announces them: this process refuses too.
    throttle.heard('203.0.113.9', { count: MAX_WRONG_TOKENS, last: now });
    expect(throttle.retryAfterSeconds('203.0.113.9', now + 1000)).toBe(15 * 60 - 1);
    throttle.heard('203.0.113.9', undefined);
    expect(throttle.retryAfterSeconds('203.0.113.9', now + 1000)).toBe(0);
  });

  test('ten wrong tokens, then the address waits 15 minutes from its last, and nobody else does', () => {
    const throttle = new TokenThrottle();
    for (let i = 0; i < MAX_WRONG_TOKENS - 1; i++) throttle.failed('203.0.113.7', now);
    expect(throttle.retryAfterSeconds('203.0.113.7', now)).toBe(0);
    throttle.failed('203.0.113.7', now + 1000);
    expect(throttle.retryAfterSeconds('203.0.113.7', now + 1000)).toBe(15 * 60);
    expect(throttle.retryAfterSeconds('203.0.113.7', now + 61_000)).toBe(14 * 60);
    expect(throttle.retryAfterSeconds('203.0.113.8', now + 1000)).toBe(0);
    expect(throttle.retryAfterSeconds('203.0.113.7', now + 1000 + 15 * 60_000)).toBe(0);
  });

  test('wrong tokens are forgotten after 15 quiet minutes, or after the right one', () => {
    const throttle = new TokenThrottle();
    for (let i = 0; i < MAX_WRONG_TOKENS - 1; i++) throttle.failed('198.51.100.1', now);
    throttle.failed('198.51.100.1', now + 15 * 60_000 + 1);
    expect(throttle.retryAfterSeconds('198.51.100.1', now + 15 * 60_000 + 1)).toBe(0);
    for (let i = 0; i < MAX_WRONG_TOKENS - 1; i++) throttle.failed('198.51.100.2', now);
    throttle.succeeded('198.51.100.2');
    throttle.failed('198.51.100.2', now);
    expect(throttle.retryAfterSeconds('198.51.100.2', now)).toBe(0);
  });

  test('an IPv6 client counts by its /64, an IPv4-mapped one as IPv4', () => {
    expect(throttleKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(throttleKey('2001:0db8:0001:0002:ffff:1:2:3')).toBe('2001:db8:1:2::/64');
    expect(throttleKey('2001:db8::5')).toBe('2001:db8:0:0::/64');
    expect(throttleKey('::ffff:192.0.2.4')).toBe('192.0.2.4');
    expect(throttleKey('::1')).toBe('0:0:0:0::/64');
    const throttle = new TokenThrottle();
    for (let i = 0; i < MAX_WRONG_TOKENS; i++) throttle.failed(`2001:db8:1:2::${i + 1}`, now);
    expect(throttle.retryAfterSeconds('2001:db8:1:2:ffff::9', now)).toBeGreaterThan(0);
  });
});

describe('the admin API shares the throttle', () => {
  let api: ReturnType<typeof testApi>;
  afterEach(() => api.close());
  const admin = (headers: Record<string, string>) => api.get('/admin/feedback', headers);

  // Before, 2,000 wrong Bearer tokens went through in under a second, all answered 401.
  test('after ten wrong Bearer tokens: 429 with Retry-After at once, even for the right token', async () => {
    const throttle = new TokenThrottle();
    api = testApi({ tokenThrottle: throttle });
    const statuses = [];
    for (let i = 0; i < 12; i++) statuses.push((await admin({ Authorization: `Bearer wrong-guess-${i}` })).status);
    expect(statuses).toEqual([...Array(10).fill(401), 429, 429]);
    const started = Date.now();
    const refused = await admin(api.adminHeaders);
    expect(Date.now() - started).toBeLessThan(500);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(14 * 60);
    expect((await refused.json()).error).toMatchObject({ code: 'rate_limited', message: '尝试次数过多，请 15 分钟后再试。' });
  });

  test('wrong tokens from the sign-in page count for the API too (one throttle, one address)', async () => {
    const throttle = new TokenThrottle();
    api = testApi({ tokenThrottle: throttle });
    // Requests made through app.request have no socket: their address reads as 'unknown'.
    for (let i = 0; i < MAX_WRONG_TOKENS; i++) throttle.failed('unknown', Date.now());
    expect((await admin(api.adminHeaders)).status).toBe(429);
  });

  test('the right token is let through and clears earlier wrong ones', async () => {
    const throttle = new TokenThrottle();
    api = testApi({ tokenThrottle: throttle });
    for (let i = 0; i < MAX_WRONG_TOKENS - 1; i++) expect((await admin({ Authorization: 'Bearer nope' })).status).toBe(401);
    expect((await admin(api.adminHeaders)).status).toBe(200);
    expect((await admin({ Authorization: 'Bearer nope' })).status).toBe(401);
    expect((await admin(api.adminHeaders)).status).toBe(200);
  });
});
