import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { RESTRICTION_NOTE } from '../../src/lib/embed/channel-guides.ts';
import { escapeHtml, launcherSnippet, textLinkSnippet } from '../../src/lib/embed/embed-code.ts';
import { DEFAULT_WIDGET, parseWidgetConfig } from '../../src/lib/embed/widget-config.ts';
import { textColorOn } from '../../src/browser/embed/launcher-view.ts';

const XSS = ['</script><script>alert(1)</script>', '" onmouseover="alert(1)', "' autofocus onfocus='alert(1)", '<img src=x onerror=alert(1)>'];
const chat = 'https://kf.example.com/chat?id=1&from=web';

describe('widget config', () => {
  test('defaults fill what is not given', () => {
    expect(parseWidgetConfig({ chatUrl: chat })).toEqual({ config: { ...DEFAULT_WIDGET, chatUrl: chat }, errors: [] });
  });

  test.each([
    ['chatUrl', { chatUrl: 'javascript:alert(1)' }, 'http'],
    ['chatUrl', { chatUrl: 'data:text/html,<script>alert(1)</script>' }, 'http'],
    ['chatUrl', { chatUrl: 'kf.example.com/chat' }, 'http'],
    ['chatUrl', {}, '请填写'],
    ['color', { chatUrl: chat, color: 'red' }, '#RRGGBB'],
    ['color', { chatUrl: chat, color: '#12345' }, '#RRGGBB'],
    ['position', { chatUrl: chat, position: 'top' }, 'left'],
    ['offsetX', { chatUrl: chat, offsetX: '-5' }, '0 到 400'],
    ['offsetY', { chatUrl: chat, offsetY: '2.5' }, '0 到 400'],
    ['shape', { chatUrl: chat, shape: 'star' }, 'bubble'],
    ['openMode', { chatUrl: chat, openMode: 'iframe' }, 'popup'],
    ['label', { chatUrl: chat, label: '字'.repeat(21) }, '20'],
    ['greeting', { chatUrl: chat, greeting: '字'.repeat(61) }, '60'],
  ] as const)('refuses a bad %s with a message (%j)', (field, raw, says) => {
    const { errors, config } = parseWidgetConfig(raw);
    const error = errors.find((e) => e.field === field);
    expect(error?.message).toContain(says);
    if (field !== 'chatUrl') expect(config[field]).toBe(DEFAULT_WIDGET[field]);
    else expect(config.chatUrl).toBe('');
  });
});

describe('embed code', () => {
  test('the launcher snippet carries only what differs from the defaults', () => {
    const { config } = parseWidgetConfig({ chatUrl: chat, color: '#FF6600', position: 'left' });
    expect(launcherSnippet(config, 'https://help.example.com/widget/v1.js')).toBe(
      '<script src="https://help.example.com/widget/v1.js" async\n  data-chat-url="https://kf.example.com/chat?id=1&amp;from=web"\n  data-color="#ff6600"\n  data-position="left"></script>',
    );
  });

  test.each(XSS)('typed text %s is escaped in every field and the snippet stays one valid tag', (evil) => {
    const { config } = parseWidgetConfig({ chatUrl: `${chat}#${evil}`, label: evil.slice(0, 20), greeting: evil });
    const snippet = launcherSnippet(config, 'https://help.example.com/widget/v1.js');
    expect(snippet.match(/<script/g)).toHaveLength(1);
    expect(snippet.match(/<\/script>/g)).toHaveLength(1);
    expect(snippet.endsWith('></script>')).toBe(true);
    // Every attribute value is one quoted run with no raw quote or angle bracket inside.
    for (const [, value] of snippet.matchAll(/="([^"]*)"/g)) expect(value).not.toMatch(/[<>"']/);
    // One element, two attributes, text without markup: nothing typed becomes a tag or attribute.
    expect(textLinkSnippet(config)).toMatch(/^<a href="[^"<>]*" target="_blank" rel="noopener">[^<>]*<\/a>$/);
  });

  test('a text link opens in a new tab for popup and tab, in place for same', () => {
    const base = parseWidgetConfig({ chatUrl: 'https://kf.example.com/c' }).config;
    expect(textLinkSnippet({ ...base, openMode: 'popup' })).toContain('target="_blank" rel="noopener"');
    expect(textLinkSnippet({ ...base, openMode: 'tab' })).toContain('target="_blank" rel="noopener"');
    expect(textLinkSnippet({ ...base, openMode: 'same' })).toBe('<a href="https://kf.example.com/c">在线咨询</a>');
  });

  test('escapeHtml covers the five characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  test.each([
    ['#1a5fd0', '#fff'],
    ['#ffd400', '#111'],
    ['#00aa00', '#111'],
    ['#ff0000', '#111'],
    ['#000000', '#fff'],
  ])('text on %s is %s, the higher contrast', (bg, fg) => {
    expect(textColorOn(bg)).toBe(fg);
  });
});

describe('channel guidance', () => {
  test('the tool and the outside-channels article say the same restriction note, adding no consequence', () => {
    const article = readFileSync(new URL('../../content/faq/widget-outside-channels.mdx', import.meta.url), 'utf8');
    const sentence = RESTRICTION_NOTE.replace(/^说明：/, '');
    expect(article).toContain(sentence);
    expect(RESTRICTION_NOTE).not.toMatch(/账号受限|封号/);
  });
});
