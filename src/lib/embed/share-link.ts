// The widget preview's settings as they travel: in a share link's query and in the copy
// kept in this browser. Both come from outside (a link a chat app cut short, storage an
// older version wrote), so every field is checked on the way in.
import { EMBED_KINDS, type EmbedKind } from './embed-code.ts';
import { DATA_ATTRIBUTES, DEFAULT_WIDGET, parseWidgetConfig, type WidgetConfig } from './widget-config.ts';

/** Each setting as the form holds it: text, checked when it is turned into a config. */
export type PreviewFields = Record<keyof WidgetConfig, string>;

export interface PreviewSettings {
  raw: PreviewFields;
  kind: EmbedKind;
}

/** The localStorage key of the settings kept in this browser. */
export const PREVIEW_STORAGE_KEY = 'wenda-widget-preview';

const FIELDS = Object.keys(DATA_ATTRIBUTES) as (keyof WidgetConfig)[];
/** A setting's name in the share link: its data attribute without `data-` (chat-url, offset-x). */
const queryKey = (field: keyof WidgetConfig) => DATA_ATTRIBUTES[field].replace(/^data-/, '');

/** The defaults, as form text. */
export const defaultFields = (): PreviewFields => Object.fromEntries(FIELDS.map((f) => [f, String(DEFAULT_WIDGET[f])])) as PreviewFields;

/** What a first visit shows: the defaults and a sample link, so the preview has something to draw. */
export const DEMO_SETTINGS: PreviewSettings = { raw: { ...defaultFields(), chatUrl: 'https://www.example.com/chat?id=demo' }, kind: 'launcher' };

/** The kind if it is one, else the launcher. */
const kindOf = (value: unknown): EmbedKind => (EMBED_KINDS.includes(value as EmbedKind) ? (value as EmbedKind) : 'launcher');

/**
 * The defaults with every given value the widget's rules accept. A value that is not
 * text, or that the rules refuse (a colour cut to #ff6, an unknown shape), is dropped.
 */
function checkedFields(given: Partial<Record<keyof WidgetConfig, unknown>>): PreviewFields {
  const raw = defaultFields();
  for (const f of FIELDS) {
    const value = given[f];
    if (typeof value !== 'string') continue;
    if (parseWidgetConfig({ [f]: value }).errors.some((e) => e.field === f)) continue;
    raw[f] = value;
  }
  return raw;
}

/** The settings a share link carries, or undefined if its query names none. */
export function settingsFromLink(search: string): PreviewSettings | undefined {
  const params = new URLSearchParams(search);
  if (!FIELDS.some((f) => params.has(queryKey(f)))) return undefined;
  const given = Object.fromEntries(FIELDS.map((f) => [f, params.get(queryKey(f)) ?? undefined]));
  return { raw: checkedFields(given), kind: kindOf(params.get('kind')) };
}

/** The settings kept in this browser (the text stored under PREVIEW_STORAGE_KEY), or undefined if none or unreadable. */
export function settingsFromSaved(text: string | null): PreviewSettings | undefined {
  let saved: unknown;
  try {
    saved = JSON.parse(text ?? 'null');
  } catch {
    return undefined;
  }
  if (!isRecord(saved) || !isRecord(saved.raw)) return undefined;
  return { raw: checkedFields(saved.raw), kind: kindOf(saved.kind) };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The text to keep under PREVIEW_STORAGE_KEY. */
export const savedText = (settings: PreviewSettings) => JSON.stringify(settings);

/** What the preview opens with: the link's settings, else the browser's, else the demo. */
export function initialSettings(search: string, saved: string | null): PreviewSettings {
  return settingsFromLink(search) ?? settingsFromSaved(saved) ?? DEMO_SETTINGS;
}

/** The link that opens the preview at `pageUrl` with these settings: only what differs from the defaults, and the kind. */
export function shareLink(pageUrl: string, { raw, kind }: PreviewSettings): string {
  const url = new URL(pageUrl);
  const params = new URLSearchParams();
  for (const f of FIELDS) if (raw[f] !== String(DEFAULT_WIDGET[f])) params.set(queryKey(f), raw[f]);
  params.set('kind', kind);
  url.search = params.toString();
  url.hash = '';
  return url.href;
}
