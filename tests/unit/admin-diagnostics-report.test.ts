import { describe, expect, test } from 'vitest';
import { checkName, reportView, type StoredDiagnosticsReport } from '../../src/pages/admin/_diagnostics-report.ts';
import type { CheckStatus } from '../../src/lib/diagnostics/types.ts';
import { CHECK_TITLES } from '../../src/lib/diagnostics/check-titles.ts';
import { checkCookies } from '../../src/lib/diagnostics/checks/cookies.ts';
import { checkHost } from '../../src/lib/diagnostics/checks/host-reachability.ts';

const hosts = [
  { label: '接待组件', url: 'https://wpa.b.qq.com' },
  { label: '会话窗口', url: 'https://webpage.qidian.qq.com' },
];

describe('a saved report on the operator page', () => {
  test('each check is named as the tool titled it', async () => {
    const cookie = checkCookies({ cookieEnabled: false, get: () => '', set: () => {} });
    expect(checkName(cookie.id, hosts)).toBe(cookie.title);
    const host = await checkHost(hosts[1]!, 1, { probe: () => Promise.resolve(), timeoutMs: 1000 });
    expect(checkName(host.id, hosts)).toBe(host.title);
    expect(checkName('host-2', hosts)).toBe('连接会话窗口（webpage.qidian.qq.com）');
    for (const [id, title] of Object.entries(CHECK_TITLES)) expect(checkName(id, hosts)).toBe(title);
  });

  test.each([
    ['host-7', '连接第 7 个会话服务地址'],
    ['some-new-check', '检测项 some-new-check'],
    ['constructor', '检测项 constructor'],
  ])('an id the configuration does not know (%s) still gets a distinct name', (id, name) => {
    expect(checkName(id, hosts)).toBe(name);
  });

  test('facts, statuses and fixes; missing facts say so', () => {
    const view = reportView(
      {
        id: '12345678',
        createdAt: '2026-11-25T02:00:00.000Z',
        report: {
          browser: { name: 'Chrome', version: '131' },
          checks: [
            { id: 'host-1', status: 'fail', finding: '连接立即被拒绝。', fix: '解除对会话服务的拦截' },
            // A status the API's schema would refuse: shown as unknown, not as a broken row.
            { id: 'clock', status: 'odd' as CheckStatus, finding: '？' },
          ],
        },
      },
      hosts,
    );
    expect(view.facts).toEqual([
      { label: '提交时间', value: '2026/11/25 10:00:00' },
      { label: '浏览器', value: 'Chrome 131' },
      { label: '系统', value: '未提供' },
      { label: '页面', value: '未提供' },
      { label: '结论', value: '未提供' },
    ]);
    expect(view.checks).toEqual([
      { id: 'host-1', name: '连接接待组件（wpa.b.qq.com）', status: 'fail', statusLabel: '异常', finding: '连接立即被拒绝。', fix: '解除对会话服务的拦截' },
      { id: 'clock', name: '系统时间', status: 'unknown', statusLabel: '未知', finding: '？', fix: undefined },
    ]);
  });

  test('a report that carries the titles the customer saw is shown with those, whatever the hosts are now', () => {
    const stored: StoredDiagnosticsReport = { id: '1', createdAt: '2026-11-25T02:00:00Z', report: { browser: { name: 'Chrome' }, checks: [{ id: 'host-1', title: '连接旧接待（old.example.com）', status: 'fail', finding: '超时' }] } };
    expect(reportView(stored, hosts).checks[0]!.name).toBe('连接旧接待（old.example.com）');
  });

  test('the version is not repeated when the tool put it in the name', () => {
    const view = reportView({ id: '1', createdAt: '2026-11-25T02:00:00Z', report: { browser: { name: 'Chrome 131', version: '131', os: 'Windows 10' }, checks: [] } }, []);
    expect(view.facts.slice(1, 3).map((f) => f.value)).toEqual(['Chrome 131', 'Windows 10']);
  });
});
