// The widget preview island: a form for every setting, the launcher's own rendering in
// a desktop and a phone frame, and the outputs (snippet, link, QR code, per-channel
// guidance). Settings persist in this browser and can be shared by URL.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { generate } from 'lean-qr';
import { toSvgSource } from 'lean-qr/extras/svg';
import { launcherSnippet, linkOpensNewTab, SETTINGS_BY_KIND, textLinkSnippet, type EmbedKind } from '../../lib/embed/embed-code.ts';
import { CHANNEL_GUIDES, RESTRICTION_NOTE } from '../../lib/embed/channel-guides.ts';
import { mountLauncher, type LauncherHandle } from '../../browser/embed/launcher-view.ts';
import { DEFAULT_WIDGET, parseWidgetConfig, type WidgetConfig } from '../../lib/embed/widget-config.ts';
import { defaultFields, initialSettings, PREVIEW_STORAGE_KEY, savedText, shareLink, type PreviewSettings } from '../../lib/embed/share-link.ts';

type Kind = EmbedKind;

/** The settings kept in this browser, as stored; null when storage is blocked. */
function savedSettings(): string | null {
  try {
    return localStorage.getItem(PREVIEW_STORAGE_KEY);
  } catch {
    return null;
  }
}

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

function CopyButton({ text, label }: { text: string; label: string }) {
  const [done, setDone] = useState(false);
  useEffect(() => setDone(false), [text]);
  return (
    <button
      type="button"
      onClick={async () => {
        try {
          await navigator.clipboard.writeText(text);
          setDone(true);
        } catch {
          setDone(false);
        }
      }}
    >
      {done ? '已复制' : label}
    </button>
  );
}

function download(name: string, href: string) {
  Object.assign(document.createElement('a'), { href, download: name }).click();
}

export interface WidgetPreviewProps {
  /** Unique per page, for element ids. */
  idPrefix: string;
  /** Level of the tool's section headings: 2 on the tool's own page, 3 inside an article's section. */
  headingLevel?: 2 | 3;
  /** The product whose 接待组件 make the link (site config), e.g. 企点客服. */
  productName: string;
}

export default function WidgetPreview({ idPrefix, headingLevel = 3, productName }: WidgetPreviewProps) {
  const Heading = `h${headingLevel}` as const;
  const [state, setState] = useState<PreviewSettings>(() => ({ raw: defaultFields(), kind: 'launcher' }));
  const [ready, setReady] = useState(false);
  useEffect(() => {
    setState(initialSettings(location.search, savedSettings()));
    setReady(true);
  }, []);
  /** Changes the settings and keeps them at once, in the same event: a reload loses nothing. */
  const latest = useRef(state);
  latest.current = state;
  const update = (change: (s: PreviewSettings) => PreviewSettings) => {
    const next = change(latest.current);
    latest.current = next;
    try {
      localStorage.setItem(PREVIEW_STORAGE_KEY, savedText(next));
    } catch {
      /* not kept: storage blocked */
    }
    setState(next);
  };
  const { raw, kind } = state;
  const { config, errors } = useMemo(() => parseWidgetConfig(raw), [raw]);
  const errorOf = (f: keyof WidgetConfig) => errors.find((e) => e.field === f)?.message;
  const valid = !errorOf('chatUrl');


  const shareUrl = useMemo(() => (typeof location === 'undefined' ? '' : shareLink(`${location.origin}${location.pathname}`, { raw, kind })), [raw, kind]);

  const scriptUrl = typeof location === 'undefined' ? '/widget/v1.js' : `${location.origin}/widget/v1.js`;
  const snippet = kind === 'link' ? textLinkSnippet(config) : launcherSnippet(config, scriptUrl);
  const qr = useMemo(() => (valid ? generate(config.chatUrl) : undefined), [valid, config.chatUrl]);
  const qrSvg = qr ? toSvgSource(qr, { on: '#000', off: '#fff', pad: 4, width: 200, height: 200 }) : '';

  const set = (field: keyof WidgetConfig) => (e: Event) => {
    const value = (e.currentTarget as HTMLInputElement).value;
    update((s) => ({ ...s, raw: { ...s.raw, [field]: value } }));
  };
  const id = (f: string) => `${idPrefix}-${f}`;
  // Only the settings the chosen kind uses are shown; the others keep their values.
  const uses = (f: keyof WidgetConfig) => SETTINGS_BY_KIND[kind].includes(f);
  const field = (f: keyof WidgetConfig, label: string, input: preact.JSX.Element, hint?: string) =>
    uses(f) && (
      <div class="wp-field">
        <label for={id(f)}>{label}</label>
        {input}
        {hint && <p class="wp-hint">{hint}</p>}
        {errorOf(f) && (
          <p class="wp-error" id={id(`${f}-error`)} role="alert">
            {errorOf(f)}
          </p>
        )}
      </div>
    );
  const invalid = (f: keyof WidgetConfig) => (errorOf(f) ? { 'aria-invalid': 'true' as const, 'aria-describedby': id(`${f}-error`) } : {});

  return (
    <div class="wp" data-testid="widget-preview" data-ready={ready ? 'true' : 'false'}>
      <form class="wp-form" onSubmit={(e) => e.preventDefault()}>
        <fieldset class="wp-kind">
          <legend>放置方式</legend>
          {(
            [
              ['launcher', '浮动按钮（网站）'],
              ['link', '文字链接'],
              ['qr', '二维码（站外渠道）'],
            ] as const
          ).map(([value, text]) => (
            <label key={value}>
              <input type="radio" name={id('kind')} value={value} checked={kind === value} onChange={() => update((s) => ({ ...s, kind: value }))} /> {text}
            </label>
          ))}
        </fieldset>
        {field('chatUrl', '接待链接', <input id={id('chatUrl')} type="url" value={raw.chatUrl} onInput={set('chatUrl')} {...invalid('chatUrl')} />, `在${productName}里为接待组件生成的链接，以 https:// 或 http:// 开头`)}
        {field('label', kind === 'link' ? '链接文字' : '按钮文字', <input id={id('label')} type="text" value={raw.label} onInput={set('label')} {...invalid('label')} />)}
        {uses('color') && (
          <div class="wp-field">
            <label for={id('color')}>主题颜色</label>
            <div class="wp-row">
              <input type="color" value={/^#[0-9a-f]{6}$/i.test(raw.color) ? raw.color : DEFAULT_WIDGET.color} onInput={set('color')} aria-label="选择颜色" />
              <input id={id('color')} type="text" value={raw.color} onInput={set('color')} {...invalid('color')} />
            </div>
            {errorOf('color') && (
              <p class="wp-error" id={id('color-error')} role="alert">
                {errorOf('color')}
              </p>
            )}
          </div>
        )}
        {field(
          'shape',
          '样式',
          <select id={id('shape')} value={raw.shape} onChange={set('shape')}>
            <option value="bubble">圆形气泡</option>
            <option value="bar">长条按钮</option>
            <option value="tab">侧边标签</option>
          </select>,
        )}
        {field(
          'position',
          '位置',
          <select id={id('position')} value={raw.position} onChange={set('position')}>
            <option value="right">右侧</option>
            <option value="left">左侧</option>
          </select>,
        )}
        {field('offsetX', '距侧边（像素）', <input id={id('offsetX')} type="number" min="0" max="400" value={raw.offsetX} onInput={set('offsetX')} {...invalid('offsetX')} />)}
        {field('offsetY', '距底部（像素）', <input id={id('offsetY')} type="number" min="0" max="400" value={raw.offsetY} onInput={set('offsetY')} {...invalid('offsetY')} />)}
        {field('greeting', '欢迎语（可选）', <input id={id('greeting')} type="text" value={raw.greeting} onInput={set('greeting')} {...invalid('greeting')} />, '显示在按钮旁边，最多 60 个字')}
        {field(
          'openMode',
          '打开方式',
          kind === 'link' ? (
            // A plain link cannot open a small window: 弹出小窗口 means a new tab here.
            <select id={id('openMode')} value={raw.openMode === 'same' ? 'same' : 'tab'} onChange={set('openMode')}>
              <option value="tab">新标签页</option>
              <option value="same">当前页面</option>
            </select>
          ) : (
            <select id={id('openMode')} value={raw.openMode} onChange={set('openMode')}>
              <option value="popup">弹出小窗口（被拦截时改为新标签页）</option>
              <option value="tab">新标签页</option>
              <option value="same">当前页面</option>
            </select>
          ),
        )}
      </form>

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

      <section class="wp-channels" aria-label="站外渠道">
        <Heading class="wp-heading">放到站外渠道</Heading>
        <p class="wp-note">{RESTRICTION_NOTE}</p>
        <div class="wp-channel-list">
          {CHANNEL_GUIDES.map((g) => (
            <details key={g.id} class="wp-channel">
              <summary>
                {g.name}：用{g.use}
              </summary>
              <ol>
                {g.steps.map((s) => (
                  <li key={s}>{s}</li>
                ))}
              </ol>
              <p class="wp-hint">受限时：{g.ifRestricted}</p>
            </details>
          ))}
        </div>
      </section>
    </div>
  );
}
