// The build's reminder that the downloadable clients are the shipped samples
// (src/integrations/sample-clients.ts): one info line, never a warning, and none once
// the operator has replaced them.
import { afterEach, describe, expect, test } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CLIENTS_DIR, readSampleClients, sampleClientsIntegration, sampleClientsNotice } from '../../src/integrations/sample-clients.ts';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** A project root whose content/clients/ holds these files. */
function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'wenda-sample-clients-'));
  roots.push(root);
  mkdirSync(join(root, CLIENTS_DIR), { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(root, CLIENTS_DIR, name), text);
  return root;
}

/** Runs the integration's hooks as a build would, and returns what it logged, by level. */
async function buildLog(root: string) {
  const logged: { level: string; message: string }[] = [];
  const logger = Object.fromEntries(['info', 'warn', 'error', 'debug'].map((level) => [level, (message: string) => logged.push({ level, message })]));
  const { hooks } = sampleClientsIntegration();
  // Only the fields these hooks read.
  await (hooks['astro:config:done'] as (o: unknown) => unknown)({ config: { root: pathToFileURL(`${root}/`) }, logger });
  await (hooks['astro:build:done'] as (o: unknown) => Promise<void>)({ logger });
  return logged;
}

describe('sample clients reminder', () => {
  test('the shipped clients: one info line naming the folder and what to replace, and no warning', async () => {
    const logged = await buildLog(join(import.meta.dirname, '../..'));
    expect(logged).toEqual([{ level: 'info', message: expect.stringContaining('content/clients/ 中全部 6 个客户端仍是示例数据') }]);
    expect(logged[0]!.message).toContain('版本号、下载链接和校验值');
  });

  test('real clients only: nothing logged', async () => {
    const root = project({ 'windows.json': '{"name":"真实客户端","sample":false}', 'mac.json': '{"name":"没写 sample 的客户端"}' });
    expect(await buildLog(root)).toEqual([]);
  });

  test('some samples left: the line names them; a byte-order mark is fine; a broken file is left to the content check', async () => {
    const root = project({ 'a.json': '\uFEFF{"sample": true}', 'b.json': '{"sample": false}', 'c.json': '{"sample": true', 'd.json': '{"sample": true}', 'notes.txt': 'x' });
    expect(await readSampleClients(join(root, CLIENTS_DIR))).toEqual({ total: 4, sampleIds: ['a', 'd'] });
    expect(await buildLog(root)).toEqual([{ level: 'info', message: expect.stringContaining('中 2 个客户端（a、d）仍是示例数据') }]);
  });

  test('the notice itself', () => {
    expect(sampleClientsNotice([], 3)).toBeUndefined();
    expect(sampleClientsNotice(['x'], 1)).toMatch(/^content\/clients\/ 中全部 1 个客户端仍是示例数据/);
  });
});
