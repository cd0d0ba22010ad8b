// The widget's settings form: how it is placed (floating button, text link, QR code),
// then only the settings that placement uses, each with its error beside it.
import { DEFAULT_WIDGET, type WidgetConfig, type WidgetConfigError } from '../../lib/embed/widget-config.ts';
import { SETTINGS_BY_KIND } from '../../lib/embed/embed-code.ts';
import type { PreviewSettings } from '../../lib/embed/share-link.ts';

export interface WidgetFormProps {
  settings: PreviewSettings;
  errors: WidgetConfigError[];
  /** Changes the settings (and keeps them). */
  update: (change: (s: PreviewSettings) => PreviewSettings) => void;
  /** Element ids, unique per page. */
  id: (field: string) => string;
  /** The product whose 接待组件 make the link, e.g. 企点客服. */
  productName: string;
}

export function WidgetForm({ settings, errors, update, id, productName }: WidgetFormProps) {
  const { raw, kind } = settings;
  const errorOf = (f: keyof WidgetConfig) => errors.find((e) => e.field === f)?.message;
  const set = (field: keyof WidgetConfig) => (e: Event) => {
    const value = (e.currentTarget as HTMLInputElement).value;
    update((s) => ({ ...s, raw: { ...s.raw, [field]: value } }));
  };
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
            <option value="popup">弹出小窗口</option>
            <option value="tab">新标签页</option>
            <option value="same">当前页面</option>
          </select>
        ),
        // Said beside the field, not in the option: a long option is cut off in a narrow column.
        kind === 'link' ? undefined : '弹出小窗口被浏览器拦截时，改在新标签页中打开。',
      )}
    </form>
  );
}
