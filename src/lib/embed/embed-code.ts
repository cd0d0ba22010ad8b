// What the operator pastes: the launcher snippet, a text link, and the link itself.
// Every typed value is HTML-escaped wherever it lands, so no setting can break out.
import { DATA_ATTRIBUTES, DEFAULT_WIDGET, type WidgetConfig } from './widget-config.ts';

/** Escapes text for an HTML attribute value or element content. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** The `<script>` tag that loads the launcher from `scriptUrl` with these settings. */
export function launcherSnippet(config: WidgetConfig, scriptUrl: string): string {
  const attributes = (Object.keys(DATA_ATTRIBUTES) as (keyof WidgetConfig)[])
    .filter((key) => key === 'chatUrl' || config[key] !== DEFAULT_WIDGET[key])
    .map((key) => `\n  ${DATA_ATTRIBUTES[key]}="${escapeHtml(String(config[key]))}"`);
  return `<script src="${escapeHtml(scriptUrl)}" async${attributes.join('')}></script>`;
}

/** A plain text link to the chat, for pages that cannot run scripts. */
export function textLinkSnippet(config: WidgetConfig): string {
  return `<a href="${escapeHtml(config.chatUrl)}" target="_blank" rel="noopener">${escapeHtml(config.label)}</a>`;
}
