// The preview: the launcher's own rendering (or the text link) in a desktop and a phone
// frame, or the QR code when the widget goes outside a website.
import { useEffect, useRef } from 'preact/hooks';
import { linkOpensNewTab, type EmbedKind } from '../../lib/embed/embed-code.ts';
import { mountLauncher, type LauncherHandle } from '../../browser/embed/launcher-view.ts';
import type { WidgetConfig } from '../../lib/embed/widget-config.ts';

type Kind = EmbedKind;

function Frame({ config, kind, label, className }: { config: WidgetConfig; kind: Kind; label: string; className: string }) {
  const host = useRef<HTMLDivElement>(null);
  const launcher = useRef<LauncherHandle>();
  useEffect(() => {
    if (kind !== 'launcher' || !host.current) return;
    launcher.current = mountLauncher(host.current, config, { contained: true });
    return () => {
      launcher.current?.destroy();
      launcher.current = undefined;
    };
  }, [kind]);
  useEffect(() => launcher.current?.update(config), [config]);
  return (
    <figure class={`wp-frame ${className}`}>
      <div class="wp-screen" data-testid={`frame-${className}`}>
        <div class="wp-page" aria-hidden="true">
          <span />
          <span />
          <span />
        </div>
        {kind === 'link' && (
          <p class="wp-linkdemo">
            有问题？
            <a href={config.chatUrl} {...(linkOpensNewTab(config) ? { target: '_blank', rel: 'noopener' } : {})}>
              {config.label}
            </a>
          </p>
        )}
        {kind === 'launcher' && <div ref={host} class="wp-host" />}
      </div>
      <figcaption>{label}</figcaption>
    </figure>
  );
}

export function WidgetFrames({ config, kind, qrSvg, headingLevel }: { config: WidgetConfig; kind: Kind; qrSvg: string; headingLevel: 2 | 3 }) {
  const Heading = `h${headingLevel}` as const;
  return (
    <section class="wp-preview" aria-label="预览">
      <Heading class="wp-heading">预览</Heading>
      {kind === 'qr' ? (
        <div class="wp-qr" data-testid="qr-preview">
          {qrSvg ? <div class="wp-qr-image" role="img" aria-label="接待链接二维码" dangerouslySetInnerHTML={{ __html: qrSvg }} /> : <p>填写有效的接待链接后生成二维码。</p>}
        </div>
      ) : (
        <div class="wp-frames">
          <Frame config={config} kind={kind} label="电脑网页" className="desktop" />
          <Frame config={config} kind={kind} label="手机网页" className="phone" />
        </div>
      )}
    </section>
  );
}
