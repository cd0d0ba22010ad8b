// The browser-unblock diagnostics island: runs the checks with progress, tests pop-ups on
// a click, leads with what to fix first, shows each check with its fix for this
// browser, and hands support a copyable report or a reference number.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { checkPopups } from '../../lib/diagnostics/checks/popups.ts';
import { browserEnvironment, defaultEchoUrl } from '../../browser/diagnostics/browser-environment.ts';
import { fixGuide, type GuideView } from '../../lib/diagnostics/fix-guides.ts';
import { STATUS_LABELS, osLabel, reportForSupport, reportText } from '../../lib/diagnostics/report.ts';
import { firstStep, resultCards, shortTitle } from '../../lib/diagnostics/result-cards.ts';
import { passiveCheckCount, runPassiveChecks, summarize, withPopupCheck } from '../../lib/diagnostics/run-diagnostics.ts';
import type { ChatHost, CheckResult } from '../../lib/diagnostics/types.ts';
import type { DetectedPlatform } from '../../lib/platform/detect-platform.ts';
import { ApiUnreachableError, supportApiClient } from '../../browser/support-api-client.ts';
import { copyText } from '../../browser/clipboard.ts';
import { displayPhone, telHref, type SupportLine } from '../../lib/contact/support-lines.ts';

export interface DiagnosticsToolProps {
  apiBaseUrl: string;
  chatHosts: ChatHost[];
  webSocketUrl: string;
  storageProbeOrigin: string;
  hostTimeoutMs: number;
  /** The after-sales line (site config), which takes the reports and their reference numbers. */
  supportLine: SupportLine;
}

const ICONS = { pass: '✓', warn: '!', fail: '✕', unknown: '?' } as const;

function FixSteps({ guide }: { guide: GuideView }) {
  return (
    <div class="dg-fix">
      <p class="dg-fix-title">怎么解决：{guide.title}</p>
      {guide.general.length > 0 && (
        <ol>
          {guide.general.map((step) => (
            <li key={step}>{step}</li>
          ))}
        </ol>
      )}
      {guide.browsers.map((b) => (
        <details open={b.own} class="dg-browser" key={b.browser} data-browser={b.browser}>
          <summary>{b.name}</summary>
          <ol>
            {b.steps.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ol>
        </details>
      ))}
    </div>
  );
}

type SendState = { status: 'idle' } | { status: 'sending' } | { status: 'sent'; id: string } | { status: 'failed'; message: string };

export default function DiagnosticsTool(props: DiagnosticsToolProps) {
  const [platform, setPlatform] = useState<DetectedPlatform>();
  const [results, setResults] = useState<CheckResult[]>([]);
  const [running, setRunning] = useState(true);
  const [popup, setPopup] = useState<CheckResult>();
  const [copied, setCopied] = useState(false);
  const [send, setSend] = useState<SendState>({ status: 'idle' });
  const [round, setRound] = useState(0);
  const settings = useMemo(
    () => ({ chatHosts: props.chatHosts, webSocketUrl: props.webSocketUrl, hostTimeoutMs: props.hostTimeoutMs, thirdPartyStorage: props.storageProbeOrigin !== '' }),
    [props],
  );
  const total = passiveCheckCount(settings);

  useEffect(() => {
    let live = true;
    const env = browserEnvironment({ apiBaseUrl: props.apiBaseUrl, storageProbeOrigin: props.storageProbeOrigin });
    // The device line shows the same detection the checks read.
    setPlatform(env.platform);
    setResults([]);
    setRunning(true);
    setSend({ status: 'idle' });
    // The echo's URL depends on the page's location, known only in the browser.
    const run = { ...settings, webSocketUrl: settings.webSocketUrl || defaultEchoUrl(props.apiBaseUrl) };
    void runPassiveChecks(env, run, (r) => live && setResults((prev) => [...prev, r])).finally(() => live && setRunning(false));
    return () => {
      live = false;
    };
  }, [settings, round]);

  const line = props.supportLine;
  const all = withPopupCheck(results, popup);
  const summary = summarize(all);
  const cards = resultCards(all);
  const firstAnchor = cards.find((c) => summary.first && c.checks.includes(summary.first))?.anchor;

  const copyReport = async () => {
    if (!platform) return;
    setCopied(await copyText(reportText(all, platform, navigator.userAgent, new Date())));
  };

  const sendReport = async () => {
    if (!platform) return;
    setSend({ status: 'sending' });
    try {
      const { id } = await supportApiClient(props.apiBaseUrl).diagnosticsReport(reportForSupport(all, platform, navigator.userAgent, location.pathname));
      setSend({ status: 'sent', id });
    } catch (error) {
      setSend({
        status: 'failed',
        message: error instanceof ApiUnreachableError ? `网络连接失败，请稍后再试；也可以点「复制检测报告」保存结果，再拨打${line.label}电话 ${displayPhone(line.phone)}。` : (error as Error).message,
      });
    }
  };

  return (
    // Without scripts nothing runs: the section's <noscript> says so instead (only-with-js).
    <div class="dg only-with-js" data-testid="diagnostics" data-running={running ? 'true' : 'false'}>
      {/* Holds still while the checks run (CLS 0): a title line, a second line kept two lines
          high (the progress bar, then what to fix first), and the device line, whose space is
          kept before it is known. */}
      <div class="dg-summary" role="status" aria-live="polite" data-testid="diagnostics-summary">
        {running ? (
          <>
            {/* One text node each: a node that moves along the line as the words change counts as a layout shift. */}
            <p class="dg-summary-title">{`正在检测……（${results.length}/${total}）`}</p>
            <div class="dg-summary-line">
              <progress max={total} value={results.length} aria-label="检测进度" />
            </div>
          </>
        ) : summary.allClear ? (
          <>
            <p class="dg-summary-title dg-ok">检测通过</p>
            <p class="dg-summary-line">当前浏览器可以打开会话窗口。</p>
          </>
        ) : (
          <>
            <p class="dg-summary-title dg-bad">{`发现 ${summary.count} 个问题`}</p>
            <p class="dg-summary-line">
              请先处理：<a href={`#${firstAnchor}`}>{shortTitle(summary.firstCard!)}</a>——{firstStep(summary.firstCard!)}
            </p>
          </>
        )}
        <p class="dg-device">{platform ? `${platform.browserLabel} · ${osLabel(platform)}` : '\u00a0'}</p>
      </div>

      <div class="dg-actions">
        <button type="button" onClick={() => setPopup(checkPopups((url, target, features) => window.open(url, target, features)))}>
          测试弹出窗口
        </button>
        <button type="button" onClick={() => setRound((r) => r + 1)} disabled={running}>
          重新检测
        </button>
      </div>

      {/* The cards come all at once when the checks are done, into a space a screen high:
          nothing below them is in view to be pushed while they arrive. */}
      <ul class="dg-list" aria-busy={running ? 'true' : 'false'}>
        {!running && cards.map((card) => (
          <li
            key={card.anchor}
            id={card.anchor}
            class={`dg-check dg-${card.status}`}
            data-check={card.shared ? undefined : card.checks[0]!.id}
            data-group={card.shared ? card.fix : undefined}
            data-status={card.status}
          >
            <p class="dg-head">
              <span class="dg-icon" aria-hidden="true">
                {ICONS[card.status]}
              </span>
              <span class="dg-title">{card.title}</span>
              <span class="dg-status">{STATUS_LABELS[card.status]}</span>
            </p>
            {card.shared && (
              <>
                <p class="dg-finding">{card.lead}</p>
                <ul class="dg-hosts">
                  {card.checks.map((c) => (
                    <li key={c.id} data-check={c.id} data-status={c.status}>
                      {c.title}
                    </li>
                  ))}
                </ul>
              </>
            )}
            <p class="dg-finding">{card.finding}</p>
            {platform && card.fix && (card.status === 'fail' || card.status === 'warn') && <FixSteps guide={fixGuide(card.fix, platform)} />}
          </li>
        ))}
      </ul>

      {!running && (
        <div class="dg-support">
          <p class="dg-privacy">只检测浏览器设置和网络连通情况，不会读取或上传你的姓名、电话、聊天内容等个人信息；点击「发送给{line.label}」时才会上传上面的检测结果和浏览器型号。</p>
          <div class="dg-actions">
            <button type="button" onClick={copyReport}>
              {copied ? '已复制检测报告' : '复制检测报告'}
            </button>
            <button type="button" class="dg-primary" onClick={sendReport} disabled={send.status === 'sending' || send.status === 'sent'}>
              {send.status === 'sending' ? '正在发送……' : `发送给${line.label}`}
            </button>
          </div>
          {send.status === 'sent' && (
            <div class="dg-reference" role="status">
              <p>
                已发送。拨打{line.label}电话 <a href={telHref(line.phone)}>{displayPhone(line.phone)}</a> 时，请报上检测编号：
              </p>
              <p class="dg-reference-id" data-testid="reference-id">
                {send.id}
              </p>
            </div>
          )}
          {send.status === 'failed' && (
            <p class="dg-error" role="alert">
              {send.message}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
