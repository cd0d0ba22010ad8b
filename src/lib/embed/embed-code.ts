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

/** What the operator can put on a page or a channel: the launcher, a text link, a QR code. */
export const EMBED_KINDS = ['launcher', 'link', 'qr'] as const;
export type EmbedKind = (typeof EMBED_KINDS)[number];

/**
 * The settings each kind uses; the preview shows only these. A text link has its words
 * and opens in a new tab or in place (a plain link cannot open a small window); a QR
 * code carries the link alone.
 */
export const SETTINGS_BY_KIND: Record<EmbedKind, readonly (keyof WidgetConfig)[]> = {
  launcher: ['chatUrl', 'label', 'color', 'shape', 'position', 'offsetX', 'offsetY', 'greeting', 'openMode'],
  link: ['chatUrl', 'label', 'openMode'],
  qr: ['chatUrl'],
};

/** Whether a text link opens a new tab: for every open mode but `same`. */
export const linkOpensNewTab = (config: Pick<WidgetConfig, 'openMode'>) => config.openMode !== 'same';

/** A plain text link to the chat, for pages that cannot run scripts. */
export function textLinkSnippet(config: WidgetConfig): string {
  const target = linkOpensNewTab(config) ? ' target="_blank" rel="noopener"' : '';
  return `<a href="${escapeHtml(config.chatUrl)}"${target}>${escapeHtml(config.label)}</a>`;
}
