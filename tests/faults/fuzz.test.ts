// The fault run, kept: thousands of generated bad requests (tests/faults/bad-requests.ts)
// across every route of the OpenAPI document and the site's pages, over raw sockets to
// the built server, while health is asked throughout. No answer may be a 5xx, carry a
// stack trace or a file path, or (under /api/) be anything but JSON; every whole request
// gets an answer; health answers in time; the log holds no fault; the server lives on.
// `npm test`: 2,400 requests; `npm run test:faults`: 12,000.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startServer, type RunningServer } from '../support/server.ts';
import { badRequests, type BadRequest, type Route } from './bad-requests.ts';
import { finalResponse, rawExchange } from './raw-http.ts';
import { RELEASE, faultScale } from './scale.ts';

const COUNT = faultScale(2_400, 12_000);
const SEED = 17;
const PARALLEL = 24;
/** How long a whole request may take to be answered, and health at any moment (2 shared cores, a busy machine). */
const ANSWER_MS = 5_000;
const HEALTH_MS = 2_000;

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ env: { WENDA_ADMIN_TOKEN: 'fuzz-admin-token-0123456789' } });
});
afterAll(async () => {
  await server?.stop();
});

/** Stack frames, file paths and module names: what a refusal must never show. */
const LEAK = /\n\s+at \S+ \(|file:\/\/|node_modules\/|\/work\/|\/home\/|\/tmp\/|src\/\w+\/[\w-]+\.ts|\.m?js:\d+:\d+/;

async function openApiRoutes(): Promise<Route[]> {
  const document = (await (await fetch(`${server.url}/api/v1/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>> };
  const routes = Object.entries(document.paths).map(([path, operations]) => ({ path, methods: Object.keys(operations).map((m) => m.toUpperCase()) }));
  // Not in the document: the document itself, and the WebSocket echo.
  return [...routes, { path: '/api/v1/openapi.json', methods: ['GET'] }, { path: '/api/v1/diagnostics/ws', methods: ['GET'] }, { path: '/api/v1/nope', methods: [] }];
}

async function pagePaths(): Promise<string[]> {
  const sitemap = await (await fetch(`${server.url}/sitemap.xml`)).text();
  const listed = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
  // A few of each kind: the sitemap's first pages, then what it does not list.
  return [...listed.slice(0, 8), '/admin/', '/admin', '/admin/export/feedback.csv', '/admin/export/nope.csv', '/search/', '/widget/v1.js', '/robots.txt', '/sitemap.xml', '/favicon.svg', '/pagefind/pagefind.js', '/_astro/nope.js', '/diagnostics/storage-probe/', '/nope/', '/faq/nope/', '/%ff', '/faq/%E4%BD%A0/'];
}

function problemsWith(request: BadRequest, answer: Awaited<ReturnType<typeof rawExchange>>): string[] {
  const problems: string[] = [];
  const where = `${request.label}: `;
  if (answer.status === undefined) {
    if (request.complete) problems.push(`${where}no answer (${answer.error ?? (answer.closedByServer ? 'connection closed' : 'timed out')}) ${JSON.stringify(answer.text.slice(0, 80))}`);
    return problems;
  }
  if (answer.status >= 500) problems.push(`${where}${answer.status} ${JSON.stringify(answer.text.slice(0, 300))}`);
  if (answer.status >= 400 && LEAK.test(answer.text)) problems.push(`${where}leaks ${JSON.stringify(LEAK.exec(answer.text)![0])} in ${JSON.stringify(answer.text.slice(0, 300))}`);
  const response = finalResponse(answer.text);
  if (request.api && response && response.status !== 101 && response.status !== 304 && response.status !== 204) {
    const type = response.headers.get('content-type') ?? '';
    // Answers are JSON; the admin exports NDJSON.
    if (!(type.startsWith('application/json') || (response.status < 300 && type.startsWith('application/x-ndjson')))) problems.push(`${where}${response.status} answered as ${type || 'no type'} ${JSON.stringify(answer.text.slice(0, 200))}`);
    else if (response.status >= 400 && !request.head && response.body) {
      try {
        const body = JSON.parse(response.body) as { error?: { code?: unknown; message?: unknown } };
        if (typeof body.error?.code !== 'string' || typeof body.error.message !== 'string') problems.push(`${where}not the error shape: ${response.body.slice(0, 200)}`);
      } catch {
        // A body cut off by the connection closing is fine; one that is whole must parse.
        if (response.headers.get('content-length') === String(Buffer.byteLength(response.body, 'latin1'))) problems.push(`${where}not JSON: ${response.body.slice(0, 200)}`);
      }
    }
  }
  return problems;
}

test(`${COUNT} bad requests across every route and method: no 5xx, no stack trace, health answers throughout`, { timeout: RELEASE ? 600_000 : 90_000 }, async () => {
  const port = Number(new URL(server.url).port);
  const host = new URL(server.url).host;
  const requests = badRequests(COUNT, SEED, await openApiRoutes(), await pagePaths(), host);
  expect(requests.length).toBeGreaterThanOrEqual(COUNT);

  // Health, every 100 ms until the run ends: each must answer 200 within HEALTH_MS.
  let running = true;
  const healthProblems: string[] = [];
  let healthChecks = 0;
  let slowestHealthMs = 0;
  const healthLoop = (async () => {
    while (running) {
      const started = performance.now();
      try {
        const res = await fetch(`${server.url}/api/v1/health`, { signal: AbortSignal.timeout(HEALTH_MS) });
        if (res.status !== 200) healthProblems.push(`health answered ${res.status}`);
        await res.arrayBuffer();
      } catch (error) {
        healthProblems.push(`health did not answer within ${HEALTH_MS} ms: ${(error as Error).name}`);
      }
      healthChecks++;
      slowestHealthMs = Math.max(slowestHealthMs, performance.now() - started);
      await new Promise((r) => setTimeout(r, 100));
    }
  })();

  const problems: string[] = [];
  const statuses = new Map<string, number>();
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: PARALLEL }, async () => {
      while (next < requests.length) {
        const request = requests[next++]!;
        const answer = await rawExchange(port, request.parts, { waitMs: request.complete ? ANSWER_MS : 300 });
        const key = String(answer.status ?? 'none');
        statuses.set(key, (statuses.get(key) ?? 0) + 1);
        problems.push(...problemsWith(request, answer));
      }
    }),
  );
  running = false;
  await healthLoop;
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `fuzz: ${requests.length} requests in ${seconds.toFixed(1)} s; answers ${JSON.stringify(Object.fromEntries([...statuses].sort()))}; ` +
      `health ${healthChecks} checks, slowest ${slowestHealthMs.toFixed(0)} ms`,
  );

  expect(problems.slice(0, 25), `${problems.length} problems`).toEqual([]);
  expect(healthProblems).toEqual([]);
  expect(healthChecks).toBeGreaterThan(5);
  expect(server.process.exitCode).toBeNull();
  expect((await fetch(`${server.url}/api/v1/health`)).status).toBe(200);
  // Nothing a client sends is a fault of the server: no stack trace, no error line in the log.
  const log = server.output();
  expect(log.match(/^.*(?:\n\s+at \S|\[ERROR\]|internal error|Error:).*$/m)?.[0]).toBeUndefined();
});
