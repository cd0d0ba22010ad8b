// A saved diagnostics report as the operator page shows it: each check by the name the
// customer saw (older reports store only ids; chat hosts are host-1, host-2 … in
// content/site.json's order),
// with its status, finding and fix, and the facts about the browser it came from.
import type { z } from 'zod';
import type { reportJsonSchema } from '../../api/routes/admin.ts';
import { CHECK_TITLES, hostCheckTitle } from '../../lib/diagnostics/check-titles.ts';
import { STATUS_LABELS } from '../../lib/diagnostics/report.ts';
import { chinaDateTime } from '../../lib/china-time.ts';
import type { ChatHost, CheckStatus } from '../../lib/diagnostics/types.ts';

/** What GET /api/v1/admin/diagnostics/reports/{id} answers (its schema, `reportJsonSchema`). */
export type StoredDiagnosticsReport = z.output<typeof reportJsonSchema>;

export interface ReportCheckView {
  id: string;
  name: string;
  status: CheckStatus;
  statusLabel: string;
  finding: string;
  /** Title of the fix guide the tool pointed to, if any. */
  fix?: string | undefined;
}

export interface ReportView {
  id: string;
  /** Label and value, in display order; a value the report lacks is 未提供. */
  facts: { label: string; value: string }[];
  checks: ReportCheckView[];
  userAgent?: string | undefined;
}

const NOT_GIVEN = '未提供';

/**
 * The name of the check with this id, for reports that do not carry the title the
 * customer saw (those sent before titles were kept): the tool's title, or for a chat
 * host the host as configured now.
 */
export function checkName(id: string, chatHosts: readonly ChatHost[]): string {
  if (Object.hasOwn(CHECK_TITLES, id)) return CHECK_TITLES[id as keyof typeof CHECK_TITLES];
  const host = /^host-(\d{1,2})$/.exec(id);
  if (host) {
    const n = Number(host[1]);
    const configured = chatHosts[n - 1];
    return configured ? hostCheckTitle(configured) : `连接第 ${n} 个会话服务地址`;
  }
  return `检测项 ${id}`;
}

/** Reports are read back as stored, not checked again: a status this version does not know is shown as 未知. */
const isStatus = (s: string): s is CheckStatus => Object.hasOwn(STATUS_LABELS, s);

/** “Chrome 131” from name Chrome and version 131; the tool already puts the version in the name. */
export function browserLabel({ name, version, mode }: StoredDiagnosticsReport['report']['browser']): string {
  const withVersion = version && !name.includes(version) ? `${name} ${version}` : name;
  return mode ? `${withVersion}（${mode}）` : withVersion;
}


export function reportView(stored: StoredDiagnosticsReport, chatHosts: readonly ChatHost[]): ReportView {
  const r = stored.report;
  return {
    id: stored.id,
    facts: [
      { label: '提交时间', value: chinaDateTime(stored.createdAt) },
      { label: '浏览器', value: browserLabel(r.browser) },
      { label: '系统', value: r.browser.os || NOT_GIVEN },
      { label: '页面', value: r.page || NOT_GIVEN },
      { label: '结论', value: r.summary || NOT_GIVEN },
    ],
    checks: r.checks.map((c) => {
      const status = isStatus(c.status) ? c.status : 'unknown';
      return { id: c.id, name: c.title || checkName(c.id, chatHosts), status, statusLabel: STATUS_LABELS[status], finding: c.finding, fix: c.fix };
    }),
    userAgent: r.userAgent,
  };
}
