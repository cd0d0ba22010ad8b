// What an operator sees of the built server: one JSON log line per request with the id
// its answer carries (the trusted proxy's id when there is one), errors logged with that
// same id, and the Prometheus metrics behind the admin token. Two servers, started side
// by side: one as it runs alone, one behind a trusted proxy.
import { DatabaseSync } from 'node:sqlite';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { RunningServer } from '../support/server.ts';
import { admin, post, rawExchange, useServerFixtures } from '../support/api-server.ts';

const fx = useServerFixtures();
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

type LogLine = { level: number; time: number; pid: number; msg: string; requestId?: string; method?: string; path?: string; status?: number; durationMs?: number; aborted?: boolean; err?: { message: string } };

/** The server's output as JSON lines (every line of it must be one). */
const logLines = (server: RunningServer): LogLine[] =>
  server
    .output()
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as LogLine);

/** The lines of one request, once its request line is written (logging is asynchronous). */
async function linesOf(server: RunningServer, requestId: string): Promise<LogLine[]> {
  await expect.poll(() => logLines(server).some((l) => l.requestId === requestId && l.msg === 'request'), { timeout: 3000, interval: 20 }).toBe(true);
  return logLines(server).filter((l) => l.requestId === requestId);
}

describe('logs and metrics of the built server', { timeout: 30_000 }, () => {
  test('each request’s id is in its answer and its log line, an error’s log line has it too; a client cannot choose it; metrics need the token', async () => {
    const [server, proxied] = await Promise.all([fx.start(), fx.start({ WENDA_TRUST_PROXY: '1' })]);

    // Without a trusted proxy, an id sent by the client is not taken.
    const health = await fetch(`${server.url}/api/v1/health?probe=1`, { headers: { 'X-Request-Id': 'chosen-by-client' } });
    const healthId = health.headers.get('x-request-id')!;
    expect(healthId).toMatch(UUID);
    const [healthLine, ...others] = await linesOf(server, healthId);
    expect(others).toEqual([]);
    expect(healthLine).toMatchObject({ level: 30, msg: 'request', method: 'GET', path: '/api/v1/health', status: 200 });
    expect(healthLine!.durationMs).toBeGreaterThan(0);
    expect(server.output()).not.toContain('chosen-by-client');
    // The query string stays out of the log.
    expect(server.output()).not.toContain('probe=1');

    // Pages and static files too.
    for (const path of ['/', '/favicon.svg', '/no-such-page/']) {
      const res = await fetch(`${server.url}${path}`);
      const id = res.headers.get('x-request-id')!;
      expect(id, path).toMatch(UUID);
      expect((await linesOf(server, id))[0], path).toMatchObject({ method: 'GET', path, status: res.status });
    }

    // A fault: the table of saved quotes is gone under the running server.
    const db = new DatabaseSync(join(server.dataDir, 'wenda.db'));
    db.exec('PRAGMA busy_timeout = 5000; ALTER TABLE quotes RENAME TO quotes_elsewhere');
    db.close();
    const failed = await post(server, '/robot-quota/quotes', { robots: 1, monthlyConversations: 5000 });
    expect(failed.status).toBe(500);
    const failedId = failed.headers.get('x-request-id')!;
    expect((await failed.json()).error.requestId).toBe(failedId);
    const lines = await linesOf(server, failedId);
    expect(lines).toHaveLength(2);
    expect(lines.find((l) => l.msg === 'internal error')).toMatchObject({ level: 50, method: 'POST', path: '/api/v1/robot-quota/quotes', err: { message: expect.stringContaining('quotes') } });
    expect(lines.find((l) => l.msg === 'request')).toMatchObject({ level: 30, method: 'POST', path: '/api/v1/robot-quota/quotes', status: 500 });

    // A client that leaves before its answer: 499, marked aborted.
    await rawExchange(server, 'POST /api/v1/robot-quota/estimate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n{"robots": 1', 200);
    await expect.poll(() => logLines(server).find((l) => l.status === 499), { timeout: 3000, interval: 20 }).toMatchObject({ msg: 'request', method: 'POST', path: '/api/v1/robot-quota/estimate', aborted: true, requestId: expect.stringMatching(UUID) });

    // Metrics: refused to anyone without the token; with it, the requests just made.
    const anonymous = await fetch(`${server.url}/api/v1/admin/metrics`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('x-request-id')).toMatch(UUID);
    const metrics = await fetch(`${server.url}/api/v1/admin/metrics`, { headers: admin });
    expect(metrics.status).toBe(200);
    const text = await metrics.text();
    const count = (labels: string) => `wenda_http_request_duration_seconds_count{${labels}} 1`;
    expect(text).toContain(count('method="GET",route="/api/v1/health",status="200"'));
    expect(text).toContain(count('method="POST",route="/api/v1/robot-quota/quotes",status="500"'));
    expect(text).toContain(count('method="GET",route="/api/v1/admin/metrics",status="401"'));
    expect(text).toContain('wenda_http_request_duration_seconds_count{method="GET",route="static",status="200"} 2');
    expect(text).toContain(count('method="GET",route="page",status="404"'));
    expect(text).toContain('wenda_store_up{store="sqlite"} 1');
    expect(text).toMatch(/^wenda_price_list_info\{version=".+"\} 1$/m);
    expect(text).toMatch(/^process_cpu_seconds_total \d/m);

    // Behind a trusted proxy, the proxy's id is the request's, in the answer and the log.
    for (const [path, id] of [['/api/v1/health/ready', 'edge-7f3a9c2e'], ['/', 'edge-0b1d4f60']] as const) {
      const res = await fetch(`${proxied.url}${path}`, { headers: { 'X-Request-Id': id, 'X-Forwarded-For': '203.0.113.9' } });
      expect(res.headers.get('x-request-id'), path).toBe(id);
      expect((await linesOf(proxied, id))[0], path).toMatchObject({ method: 'GET', path, status: 200 });
    }
  });

  test('at WENDA_LOG_LEVEL=warn the start and stop are still written, a request is not', async () => {
    const quiet = await fx.start({ WENDA_LOG_LEVEL: 'warn' });
    const res = await fetch(`${quiet.url}/api/v1/health`);
    expect(res.status).toBe(200);
    const id = res.headers.get('x-request-id')!;
    expect(id).toMatch(UUID);
    expect(logLines(quiet)[0]).toMatchObject({ level: 30, msg: expect.stringContaining('Wenda 已启动') });
    quiet.process.kill('SIGTERM');
    await expect.poll(() => logLines(quiet).some((l) => l.msg.startsWith('收到 SIGTERM')), { timeout: 5000, interval: 20 }).toBe(true);
    expect(quiet.output()).not.toContain(id);
  });
});
