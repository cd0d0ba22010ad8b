// The launcher as visitors see it, drawn into a Shadow DOM so the host page's CSS cannot
// touch it. Used by /widget/v1.js on operators' sites and by the preview, so the
// preview shows exactly what visitors get.
import type { WidgetConfig } from '../../lib/embed/widget-config.ts';

export interface LauncherOptions {
  /** Position inside the nearest positioned ancestor instead of the viewport (the preview frames). */
  contained?: boolean;
}

export interface LauncherHandle {
  update(config: WidgetConfig): void;
  /** Opens the chat as configured, as a click does. */
  open(): void;
  /** Closes the chat pop-up this launcher opened, if any. */
  close(): void;
  destroy(): void;
}

const STYLE = `
:host{all:initial}
.w{position:fixed;z-index:2147483000;display:flex;flex-direction:column;gap:8px;font:14px/1.4 system-ui,-apple-system,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif}
.w.c{position:absolute}
.w.r{align-items:flex-end}.w.l{align-items:flex-start}
.b{display:inline-flex;align-items:center;justify-content:center;gap:8px;border:0;cursor:pointer;text-decoration:none;background:var(--wc);color:var(--wt);box-shadow:0 4px 16px rgba(0,0,0,.25);font:inherit;font-weight:600}
.b:focus-visible{outline:3px solid var(--wc);outline-offset:3px;box-shadow:0 0 0 3px #fff,0 4px 16px rgba(0,0,0,.25)}
.b svg{width:24px;height:24px;flex:none}
.bubble .b{width:56px;height:56px;border-radius:50%}
.bubble .t{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
.bar .b{height:44px;padding:0 18px;border-radius:22px}
.tab .b{writing-mode:vertical-rl;padding:16px 8px;border-radius:8px 0 0 8px;letter-spacing:2px}
.tab.l .b{border-radius:0 8px 8px 0}
.tab .b svg{display:none}
.n:empty{display:none}
.g,.n{max-width:240px;background:#fff;color:#1d2430;border-radius:12px;padding:10px 14px;box-shadow:0 4px 16px rgba(0,0,0,.18);margin:0}
.n{background:#fff8e6;color:#7a4a00}
@media (prefers-reduced-motion:no-preference){.b{transition:transform .15s}.b:hover{transform:scale(1.05)}.g{animation:i .3s ease-out}@keyframes i{from{opacity:0;transform:translateY(6px)}}}
`;

const ICON = '<svg viewBox="0 0 24 24" aria-hidden="true"><path fill="currentColor" d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2zm3 6.5a1.5 1.5 0 1 0 0-3 1.5 1.5 0 0 0 0 3zm5 0a1.5 1.5 0 1 0 0-3 1.5 1.5 0 0 0 0 3zm5 0a1.5 1.5 0 1 0 0-3 1.5 1.5 0 0 0 0 3z"/></svg>';

/** White or near-black text, whichever contrasts more with the theme colour (WCAG ratio). */
export function textColorOn(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  const l = 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  const dark = 0.0056; // luminance of #111
  return 1.05 / (l + 0.05) >= (l + 0.05) / (dark + 0.05) ? '#fff' : '#111';
}

export function mountLauncher(host: HTMLElement, initial: WidgetConfig, { contained = false }: LauncherOptions = {}): LauncherHandle {
  const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  // A constructed stylesheet passes sites' Content-Security-Policy, which would block an
  // inline <style>; browsers without one (older Safari) get the <style>.
  const constructed = 'adoptedStyleSheets' in root && 'replaceSync' in CSSStyleSheet.prototype;
  if (constructed) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(STYLE);
    root.adoptedStyleSheets = [sheet];
  }
  root.innerHTML = `${constructed ? '' : `<style>${STYLE}</style>`}<div class="w"><p class="n" role="status"></p><p class="g" hidden></p><a class="b">${ICON}<span class="t"></span></a></div>`;
  const wrap = root.querySelector<HTMLDivElement>('.w')!;
  const notice = root.querySelector<HTMLParagraphElement>('.n')!;
  const greeting = root.querySelector<HTMLParagraphElement>('.g')!;
  const button = root.querySelector<HTMLAnchorElement>('.b')!;
  const text = root.querySelector<HTMLSpanElement>('.t')!;
  let config = initial;
  let popup: Window | null = null;

  function render() {
    wrap.className = `w ${config.shape} ${config.position === 'left' ? 'l' : 'r'}${contained ? ' c' : ''}`;
    wrap.style.setProperty('--wc', config.color);
    wrap.style.setProperty('--wt', textColorOn(config.color));
    wrap.style.left = wrap.style.right = wrap.style.bottom = wrap.style.top = wrap.style.transform = wrap.style.maxWidth = '';
    wrap.style[config.position] = config.shape === 'tab' ? '0' : `${config.offsetX}px`;
    if (config.shape === 'tab') {
      wrap.style.top = '50%';
      wrap.style.transform = 'translateY(-50%)';
    } else wrap.style.bottom = `${config.offsetY}px`;
    // The greeting wraps before the far edge: as far from it as the launcher is from its own
    // side, and at least 12 px (a 240 px bubble overflowed a phone-sized frame or screen).
    const side = config.shape === 'tab' ? 0 : config.offsetX;
    wrap.style.maxWidth = `calc(100% - ${side}px - ${Math.max(side, 12)}px)`;
    text.textContent = config.label;
    button.href = config.chatUrl;
    button.target = config.openMode === 'same' ? '_self' : '_blank';
    button.rel = 'noopener';
    button.setAttribute('aria-label', config.label);
    greeting.textContent = config.greeting;
    greeting.hidden = !config.greeting;
  }

  let noticeTimer: ReturnType<typeof setTimeout> | undefined;
  // The live region stays in the tree (empty = invisible) so screen readers hear changes.
  function say(message: string) {
    clearTimeout(noticeTimer);
    notice.textContent = message;
    noticeTimer = setTimeout(() => (notice.textContent = ''), 6000);
  }

  // A pop-up is tried first; when it is blocked the click goes on as a link to a new tab.
  function onClick(event: MouseEvent) {
    if (config.openMode !== 'popup') return;
    const width = 420;
    const height = 640;
    popup = window.open(config.chatUrl, 'wenda_chat', `width=${width},height=${height},left=${screen.width - width - 40},top=${Math.max(0, screen.height - height - 120)}`);
    if (popup) {
      event.preventDefault();
      // The chat page must not be able to steer this site's tab.
      popup.opener = null;
      popup.focus();
    } else if (event.isTrusted) {
      // A real click goes on as a link to a new tab, which blockers let through.
      say('弹出窗口被浏览器拦截，已改为在新标签页中打开。');
    } else {
      event.preventDefault();
      say('浏览器拦截了弹出窗口，请点击按钮打开会话。');
    }
  }
  button.addEventListener('click', onClick);
  render();

  return {
    update(next) {
      config = next;
      render();
    },
    open: () => button.click(),
    close: () => {
      popup?.close();
      popup = null;
    },
    destroy() {
      button.removeEventListener('click', onClick);
      root.innerHTML = '';
    },
  };
}
