// /widget/v1.js: the reception launcher operators put on their sites. Configured by the
// data attributes of its own <script> tag; renders in a Shadow DOM; adds one global,
// `WendaWidget`, with open() and close().
import { mountLauncher } from '../browser/embed/launcher-view.ts';
import { DATA_ATTRIBUTES, parseWidgetConfig, type RawWidgetConfig, type WidgetConfig } from '../lib/embed/widget-config.ts';

(() => {
  const script = (document.currentScript as HTMLScriptElement | null) ?? document.querySelector<HTMLScriptElement>('script[data-chat-url]');
  if (!script) return;
  const raw: RawWidgetConfig = {};
  for (const key of Object.keys(DATA_ATTRIBUTES) as (keyof WidgetConfig)[]) {
    const value = script.getAttribute(DATA_ATTRIBUTES[key]);
    if (value !== null) raw[key] = value;
  }
  const { config, errors } = parseWidgetConfig(raw);
  for (const error of errors) console.warn(`[接待组件] ${DATA_ATTRIBUTES[error.field]}：${error.message}`);
  if (!config.chatUrl) return;

  const start = () => {
    const host = document.createElement('div');
    host.setAttribute('data-wenda-widget', '');
    document.body.append(host);
    const launcher = mountLauncher(host, config);
    (window as Window & { WendaWidget?: unknown }).WendaWidget = { open: launcher.open, close: launcher.close };
  };
  if (document.body) start();
  else document.addEventListener('DOMContentLoaded', start, { once: true });
})();
