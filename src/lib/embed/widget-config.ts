// A reception widget's settings: what the operator configures in the preview and what
// the launcher script reads from its data attributes. Hand-written checks, no zod: this
// module ships inside /widget/v1.js, which must stay under 6 KB.

export const SHAPES = ['bubble', 'bar', 'tab'] as const;
export const OPEN_MODES = ['popup', 'tab', 'same'] as const;
export const POSITIONS = ['right', 'left'] as const;

export interface WidgetConfig {
  /** The operator's reception link (http or https). */
  chatUrl: string;
  /** Text on the launcher, e.g. 在线咨询. */
  label: string;
  /** Theme colour, #rrggbb. */
  color: string;
  position: (typeof POSITIONS)[number];
  /** Distance from the chosen side and from the bottom, in px. */
  offsetX: number;
  offsetY: number;
  shape: (typeof SHAPES)[number];
  /** Optional greeting shown beside the launcher; empty for none. */
  greeting: string;
  openMode: (typeof OPEN_MODES)[number];
}

export const DEFAULT_WIDGET: WidgetConfig = {
  chatUrl: '',
  label: '在线咨询',
  color: '#1a5fd0',
  position: 'right',
  offsetX: 24,
  offsetY: 24,
  shape: 'bubble',
  greeting: '',
  openMode: 'popup',
};

export interface WidgetConfigError {
  field: keyof WidgetConfig;
  message: string;
}

/** Raw settings as text, as data attributes and form fields hold them. */
export type RawWidgetConfig = Partial<Record<keyof WidgetConfig, string | number | undefined>>;

/** True for an absolute http(s) URL. */
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

const oneOf = <T extends string>(list: readonly T[], value: unknown): value is T => list.includes(value as T);

/** Checks raw settings; invalid fields fall back to defaults and are reported. */
export function parseWidgetConfig(raw: RawWidgetConfig): { config: WidgetConfig; errors: WidgetConfigError[] } {
  const errors: WidgetConfigError[] = [];
  const text = (v: unknown) => (v === undefined || v === null ? '' : String(v).trim());
  const config: WidgetConfig = { ...DEFAULT_WIDGET };

  const chatUrl = text(raw.chatUrl);
  if (!chatUrl) errors.push({ field: 'chatUrl', message: '请填写接待链接' });
  else if (!isHttpUrl(chatUrl)) errors.push({ field: 'chatUrl', message: '接待链接必须是以 http:// 或 https:// 开头的网址' });
  else config.chatUrl = chatUrl;

  const label = text(raw.label);
  if (label.length > 20) errors.push({ field: 'label', message: '按钮文字最多 20 个字' });
  else if (label) config.label = label;

  const color = text(raw.color);
  if (color && !/^#[0-9a-fA-F]{6}$/.test(color)) errors.push({ field: 'color', message: '颜色格式应为 #RRGGBB，例如 #1a5fd0' });
  else if (color) config.color = color.toLowerCase();

  const position = text(raw.position);
  if (position && !oneOf(POSITIONS, position)) errors.push({ field: 'position', message: '位置只能是 left 或 right' });
  else if (position) config.position = position as WidgetConfig['position'];

  for (const field of ['offsetX', 'offsetY'] as const) {
    const value = text(raw[field]);
    if (!value) continue;
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0 || n > 400) errors.push({ field, message: '边距应为 0 到 400 之间的整数（像素）' });
    else config[field] = n;
  }

  const shape = text(raw.shape);
  if (shape && !oneOf(SHAPES, shape)) errors.push({ field: 'shape', message: '样式只能是 bubble、bar 或 tab' });
  else if (shape) config.shape = shape as WidgetConfig['shape'];

  const greeting = text(raw.greeting);
  if (greeting.length > 60) errors.push({ field: 'greeting', message: '欢迎语最多 60 个字' });
  else config.greeting = greeting;

  const openMode = text(raw.openMode);
  if (openMode && !oneOf(OPEN_MODES, openMode)) errors.push({ field: 'openMode', message: '打开方式只能是 popup、tab 或 same' });
  else if (openMode) config.openMode = openMode as WidgetConfig['openMode'];

  return { config, errors };
}

/** The data attribute that carries each setting on the launcher's script tag. */
export const DATA_ATTRIBUTES: Record<keyof WidgetConfig, string> = {
  chatUrl: 'data-chat-url',
  label: 'data-label',
  color: 'data-color',
  position: 'data-position',
  offsetX: 'data-offset-x',
  offsetY: 'data-offset-y',
  shape: 'data-shape',
  greeting: 'data-greeting',
  openMode: 'data-open-mode',
};
