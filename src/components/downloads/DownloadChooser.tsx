// The recommended client for this visitor's device: one large button, its version,
// size, date and checksum (with how to check it on this system); in an app's browser,
// how to open the page in a real browser instead (with a 复制本页链接 button), and the
// list below marked as needing a browser; when unsure, says so and offers the other
// builds. The full list stays below as plain HTML.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Client } from '../../lib/downloads/client-schema.ts';
import { recommendClient, type Recommendation } from '../../lib/downloads/recommend-client.ts';
import { buildArchitectures, checksumCommand, deviceLabel, fileNameOf, formatDate, formatSize, joinWords, recommendedActionLabel } from '../../lib/downloads/present-client.ts';
import { IN_APP_LABELS, detectPlatform, type DetectedPlatform } from '../../lib/platform/detect-platform.ts';
import { openInBrowserSteps } from '../../lib/platform/open-in-browser.ts';
import { readClientHints } from '../../browser/client-hints.ts';
import { copyText } from '../../browser/clipboard.ts';

export type ChooserClient = Omit<Client, 'releaseDate' | 'notes'> & { releaseDate: string; notes?: string | undefined };

function CopyChecksum({ hash }: { hash: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      class="dc-copy"
      onClick={async () => setCopied(await copyText(hash))}
    >
      {copied ? '已复制' : '复制校验值'}
    </button>
  );
}

function Details({ client, platform }: { client: ChooserClient; platform: DetectedPlatform }) {
  const d = client.download;
  const checksum = d.kind === 'file' ? checksumCommand(platform.os, fileNameOf(d.url)) : undefined;
  return (
    <>
      <p class="dc-meta">
        {client.platform === 'macos' || client.platform === 'windows' || client.platform === 'linux' ? `${buildArchitectures(client.architectures)} · ` : ''}版本 {client.version} · {formatDate(client.releaseDate)} 发布{d.size ? ` · ${formatSize(d.size)}` : ''} · 需要 {client.minimumOs} 及以上
      </p>
      {d.kind === 'file' && checksum && (
        <div class="dc-checksum">
          <p>
            SHA-256：<code data-testid="sha256">{d.sha256}</code> <CopyChecksum hash={d.sha256} />
          </p>
          <p class="dc-verify">
            下载完成后，{checksum.place}运行 <code>{checksum.command}</code>
            ，显示的值与上面相同，就说明安装包完整、没有被篡改。
          </p>
        </div>
      )}
    </>
  );
}

/**
 * Copies this page's address, for app browsers whose menu has no 在浏览器中打开 (the
 * shared copyText, with its fallback for web views); where nothing could copy it, the link
 * is shown selected to copy by hand.
 */
function CopyPageLink() {
  const [state, setState] = useState<'idle' | 'copied' | 'manual'>('idle');
  const field = useRef<HTMLInputElement>(null);
  const link = location.href.split('#')[0]!;
  // copyText already falls back to a selection copy; what is left is copying by hand.
  useEffect(() => {
    if (state === 'manual') field.current?.select();
  }, [state]);
  return (
    <div class="dc-copylink">
      <button
        type="button"
        class="dc-copy"
        onClick={async () => setState((await copyText(link)) ? 'copied' : 'manual')}
      >
        {state === 'copied' ? '已复制' : '复制本页链接'}
      </button>
      <p class="dc-meta" role="status">
        {state === 'copied' ? '链接已复制，粘贴到浏览器的地址栏就能打开。' : state === 'manual' ? '没能自动复制，请长按下面的链接，选择「复制」。' : ''}
      </p>
      {state === 'manual' && <input ref={field} class="dc-link" type="text" readOnly value={link} aria-label="本页链接" onFocus={(e) => e.currentTarget.select()} />}
    </div>
  );
}

function InAppInstructions({ platform, client }: { platform: DetectedPlatform; client?: ChooserClient | undefined }) {
  const app = IN_APP_LABELS[platform.inApp!];
  const steps = openInBrowserSteps(platform.inApp!, platform.os);
  return (
    <div class="dc-inapp" role="note">
      <p class="dc-title">请在浏览器中打开</p>
      <p>
        {app}内置的浏览器不能直接下载安装包{client?.download.kind === 'store' ? '或打开应用商店' : ''}。请点击{steps.menu}，选择「{steps.item}」
        {steps.exact ? '' : '一类的选项'}，{joinWords('然后在', steps.browser, '里再点下载。')}
      </p>
      <p>菜单里没有「{steps.item}」？{joinWords('复制本页链接，粘贴到', steps.browser, '的地址栏打开。')}</p>
      <CopyPageLink />
      {client && <p class="dc-meta">打开后将为你推荐：{client.name}</p>}
    </div>
  );
}

export default function DownloadChooser({ clients }: { clients: ChooserClient[] }) {
  const [state, setState] = useState<{ platform: DetectedPlatform; rec: Recommendation<ChooserClient> } | undefined>();
  const root = useRef<HTMLDivElement>(null);
  const inApp = !!state?.rec.openInBrowser;

  // In an app's browser the static list below (ClientList.astro) marks its buttons as
  // needing a browser; its styles key on this attribute of the enclosing .downloads.
  useEffect(() => {
    root.current?.closest('.downloads')?.toggleAttribute('data-in-app-browser', inApp);
  }, [inApp]);

  useEffect(() => {
    let live = true;
    void readClientHints().then((hints) => {
      if (!live) return;
      const platform = detectPlatform({ userAgent: navigator.userAgent, hints, maxTouchPoints: navigator.maxTouchPoints });
      setState({ platform, rec: recommendClient(platform, clients) });
    });
    return () => {
      live = false;
    };
  }, [clients]);

  if (!state) {
    return (
      <div class="dc" aria-busy="true">
        <p class="only-with-js">
          正在识别你的设备……你也可以直接在<a href="#all-clients">下方列表</a>中选择。
        </p>
        <p class="only-without-js">
          请在<a href="#all-clients">下方列表</a>中选择适合你设备的客户端。
        </p>
      </div>
    );
  }
  const { platform, rec } = state;
  const { client } = rec;
  const others = client ? clients.filter((c) => c.platform === client.platform && c.id !== client.id) : [];
  return (
    <div class="dc" ref={root} data-testid="recommendation" data-client={client?.id ?? ''}>
      <p class="dc-device">
        你的设备：<strong>{deviceLabel(platform)}</strong>
      </p>
      {rec.openInBrowser ? (
        <InAppInstructions platform={platform} client={client} />
      ) : client ? (
        <div class="dc-card">
          <p class="dc-title">
            推荐：{client.name}
            {client.sample && <span class="sample-badge">示例数据</span>}
          </p>
          <a
            class="dc-button"
            href={client.download.url}
            {...(client.download.kind === 'file' ? { download: '' } : { target: '_blank', rel: 'noopener' })}
          >
            {recommendedActionLabel(client)}
          </a>
          <Details client={client} platform={platform} />
        </div>
      ) : null}
      {rec.note && (
        <p class={rec.sure ? 'dc-note' : 'dc-note dc-unsure'} role={rec.sure ? undefined : 'status'}>
          {rec.note}
        </p>
      )}
      {!rec.openInBrowser && !rec.sure && others.length > 0 && (
        <p class="dc-others">
          也可以选择：
          {others.map((c) => (
            <a key={c.id} href={`#client-${c.id}`}>
              {c.name}
            </a>
          ))}
        </p>
      )}
      <p class="dc-all">
        <a href="#all-clients">查看全部客户端</a>
      </p>
    </div>
  );
}
