// What the settings give: the code to paste, the 接待链接 itself, the QR code to
// download, and a link that shares the settings; each with a copy button.
import { useEffect, useState } from 'preact/hooks';
import type { generate } from 'lean-qr';
import { toSvgSource } from 'lean-qr/extras/svg';
import type { EmbedKind } from '../../lib/embed/embed-code.ts';
import type { WidgetConfig } from '../../lib/embed/widget-config.ts';
import { copyText } from '../../browser/clipboard.ts';

function CopyButton({ text, label }: { text: string; label: string }) {
  const [done, setDone] = useState(false);
  useEffect(() => setDone(false), [text]);
  return (
    <button
      type="button"
      onClick={async () => setDone(await copyText(text))}
    >
      {done ? '已复制' : label}
    </button>
  );
}

function download(name: string, href: string) {
  Object.assign(document.createElement('a'), { href, download: name }).click();
}

export interface WidgetOutputsProps {
  config: WidgetConfig;
  kind: EmbedKind;
  /** False while the 接待链接 is missing or invalid: no output then. */
  valid: boolean;
  snippet: string;
  qr: ReturnType<typeof generate> | undefined;
  /** The same QR code as SVG markup, shown beside its download buttons. */
  qrSvg: string;
  shareUrl: string;
  /** Element ids, unique per page. */
  id: (field: string) => string;
  headingLevel: 2 | 3;
}

export function WidgetOutputs({ config, kind, valid, snippet, qr, qrSvg, shareUrl, id, headingLevel }: WidgetOutputsProps) {
  const Heading = `h${headingLevel}` as const;
  return (
    <section class="wp-outputs" aria-label="获取代码">
      <Heading class="wp-heading">获取代码和链接</Heading>
      {!valid ? (
        <p class="wp-error">请先填写有效的接待链接。</p>
      ) : (
        <>
          {kind !== 'qr' && (
            <div class="wp-output">
              <label for={id('snippet')}>{kind === 'link' ? '文字链接代码' : '网站代码（粘贴到网页 </body> 之前）'}</label>
              <textarea id={id('snippet')} readOnly rows={kind === 'link' ? 2 : 6} value={snippet} data-testid="snippet" />
              <CopyButton text={snippet} label="复制代码" />
            </div>
          )}
          <div class="wp-output">
            <label for={id('link')}>接待链接（可直接用于直播、微博、论坛等站外渠道）</label>
            <input id={id('link')} type="text" readOnly value={config.chatUrl} data-testid="direct-link" />
            <CopyButton text={config.chatUrl} label="复制链接" />
          </div>
          {qr && (
            <div class="wp-output">
              <p class="wp-output-title">二维码</p>
              <div class="wp-qr-image small" role="img" aria-label="接待链接二维码" data-testid="qr-output" dangerouslySetInnerHTML={{ __html: qrSvg }} />
              <div class="wp-actions">
                <button type="button" onClick={() => download('接待二维码.svg', `data:image/svg+xml;charset=utf-8,${encodeURIComponent(toSvgSource(qr, { on: '#000', off: '#fff', pad: 4, xmlDeclaration: true }))}`)}>
                  下载 SVG
                </button>
                <button type="button" onClick={() => download('接待二维码.png', qr.toDataURL({ type: 'image/png', scale: 10, pad: 4 }))}>
                  下载 PNG
                </button>
              </div>
            </div>
          )}
          <div class="wp-output">
            <label for={id('share')}>分享这套设置</label>
            <input id={id('share')} type="text" readOnly value={shareUrl} />
            <CopyButton text={shareUrl} label="复制设置链接" />
          </div>
        </>
      )}
    </section>
  );
}
