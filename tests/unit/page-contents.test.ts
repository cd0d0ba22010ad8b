// 本页目录 and the 在线客服 entry as pages build them: which articles get a contents list,
// and when the launcher is on (content/site.json `onlineChat`) or off.
import { describe, expect, test } from 'vitest';
import { MIN_SECTIONS, pageContents } from '../../src/lib/content/page-contents.ts';
import { chatLauncherAttributes } from '../../src/lib/contact/chat-entry.ts';
import { parseWidgetConfig, DATA_ATTRIBUTES } from '../../src/lib/embed/widget-config.ts';
import { parseSiteConfig } from '../../src/config/site-schema.ts';
import shipped from '../../content/site.json' with { type: 'json' };

const h = (depth: number, text: string, slug = text) => ({ depth, slug, text });

describe('pageContents', () => {
  test('two or more sections: every h2 and its h3 parts, in order', () => {
    expect(pageContents([h(2, '单独购买'), h(3, 'H5 接待'), h(2, '随整套方案购买')])).toEqual([
      { id: '单独购买', text: '单独购买', depth: 2 },
      { id: 'H5 接待', text: 'H5 接待', depth: 3 },
      { id: '随整套方案购买', text: '随整套方案购买', depth: 2 },
    ]);
  });

  test('fewer sections than MIN_SECTIONS: no list, however many h3 parts there are', () => {
    expect(MIN_SECTIONS).toBe(2);
    expect(pageContents([])).toEqual([]);
    expect(pageContents([h(2, '算一算'), h(3, 'a'), h(3, 'b')])).toEqual([]);
  });

  test('the title (h1), deeper levels and headings without an id or text are left out', () => {
    expect(pageContents([h(1, '标题'), h(2, '一'), h(4, '细节'), h(2, '', ''), h(2, '二'), h(3, '没有 id', '')]).map((e) => e.id)).toEqual(['一', '二']);
  });
});

describe('chatLauncherAttributes', () => {
  test('off when site.json has no onlineChat: no launcher, no script', () => {
    const { onlineChat: _, ...withoutChat } = shipped;
    const site = parseSiteConfig(withoutChat);
    expect(site.onlineChat).toBeUndefined();
    expect(chatLauncherAttributes(site.onlineChat, site.theme?.accent)).toBeUndefined();
  });

  test('on with the shipped sample: the launcher is pointed at the reception link, in the brand colour, with its label', () => {
    const site = parseSiteConfig(shipped);
    expect(site.onlineChat?.sample).toBe(true);
    const attributes = chatLauncherAttributes(site.onlineChat, site.theme?.accent)!;
    expect(attributes).toEqual({
      'data-chat-url': shipped.onlineChat.url,
      'data-label': '在线客服',
      'data-color': shipped.theme.accent,
      'data-shape': 'bubble',
      'data-position': 'right',
      'data-open-mode': 'popup',
    });
    // The launcher reads them back without a complaint.
    const raw = Object.fromEntries(Object.entries(DATA_ATTRIBUTES).map(([key, name]) => [key, attributes[name]]));
    expect(parseWidgetConfig(raw).errors).toEqual([]);
  });

  test('a link the launcher would refuse keeps it off', () => {
    expect(chatLauncherAttributes({ url: 'https://chat.example.com/', label: 'x'.repeat(21) })).toBeUndefined();
  });
});
