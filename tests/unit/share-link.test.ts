import { describe, expect, test } from 'vitest';
import { DEMO_SETTINGS, defaultFields, initialSettings, settingsFromLink, settingsFromSaved, shareLink, type PreviewSettings } from '../../src/lib/embed/share-link.ts';

const page = 'https://help.example.com/tools/widget/';
const chat = 'https://chat.example.com/x?id=1&from=web';
const fields = (patch: Partial<PreviewSettings['raw']> = {}) => ({ ...defaultFields(), chatUrl: chat, ...patch });

describe('share link', () => {
  test('carries what differs from the defaults and the kind, and reads back the same', () => {
    const settings: PreviewSettings = { raw: fields({ label: '售后 & 咨询', color: '#ff6600', offsetX: '40', greeting: '你好？' }), kind: 'link' };
    const link = shareLink(`${page}`, settings);
    expect(link.startsWith(`${page}?chat-url=`)).toBe(true);
    expect(link).not.toContain('shape=');
    expect(settingsFromLink(new URL(link).search)).toEqual(settings);
  });

  test('drops an old query and fragment from the page address', () => {
    expect(shareLink(`${page}?kind=qr#x`, { raw: fields(), kind: 'qr' })).toBe(`${page}?chat-url=${encodeURIComponent(chat)}&kind=qr`);
  });

  test.each([
    { name: 'a kind cut short', query: `?chat-url=${encodeURIComponent(chat)}&kind=q`, expected: { raw: fields(), kind: 'launcher' } },
    { name: 'no kind', query: `?chat-url=${encodeURIComponent(chat)}`, expected: { raw: fields(), kind: 'launcher' } },
    { name: 'a colour cut short', query: `?chat-url=${encodeURIComponent(chat)}&label=%E5%92%A8&color=%23ff6`, expected: { raw: fields({ label: '咨' }), kind: 'launcher' } },
    {
      name: 'values the widget refuses',
      query: `?chat-url=javascript:alert(1)&shape=star&position=top&offset-x=-5&offset-y=2.5&open-mode=iframe&label=${'字'.repeat(21)}&greeting=${'字'.repeat(61)}&kind=qr`,
      expected: { raw: defaultFields(), kind: 'qr' },
    },
    { name: 'the kind alone is no settings', query: '?kind=qr', expected: undefined },
    { name: 'an unrelated query', query: '?utm_source=weibo', expected: undefined },
  ])('reading $name', ({ query, expected }) => {
    expect(settingsFromLink(query)).toEqual(expected);
  });
});

describe('settings kept in this browser', () => {
  test.each([
    { name: 'nothing kept', saved: null, expected: undefined },
    { name: 'not JSON', saved: '{"raw":', expected: undefined },
    { name: 'not an object', saved: '"launcher"', expected: undefined },
    { name: 'no settings', saved: '{"kind":"qr"}', expected: undefined },
    { name: 'settings that are not an object', saved: '{"raw":["x"],"kind":"qr"}', expected: undefined },
    { name: 'an unknown kind', saved: JSON.stringify({ raw: { chatUrl: chat }, kind: 'iframe' }), expected: { raw: fields(), kind: 'launcher' } },
    { name: 'no kind', saved: JSON.stringify({ raw: { chatUrl: chat, label: '找客服' } }), expected: { raw: fields({ label: '找客服' }), kind: 'launcher' } },
    {
      name: 'values that are not text, refused or unknown',
      saved: JSON.stringify({ raw: { chatUrl: chat, label: 5, color: null, shape: { a: 1 }, offsetY: '999', position: 'left', colour: 'red' }, kind: 'link' }),
      expected: { raw: fields({ position: 'left' }), kind: 'link' },
    },
  ])('reading $name', ({ saved, expected }) => {
    expect(settingsFromSaved(saved)).toEqual(expected);
  });
});

describe('initialSettings', () => {
  const saved = JSON.stringify({ raw: { chatUrl: 'https://kept.example.com/' }, kind: 'qr' });
  test('a link wins over what this browser kept, which wins over the demo', () => {
    expect(initialSettings(`?chat-url=${encodeURIComponent(chat)}`, saved)).toEqual({ raw: fields(), kind: 'launcher' });
    expect(initialSettings('', saved)).toEqual({ raw: { ...defaultFields(), chatUrl: 'https://kept.example.com/' }, kind: 'qr' });
    expect(initialSettings('', 'corrupt')).toEqual(DEMO_SETTINGS);
  });
});
