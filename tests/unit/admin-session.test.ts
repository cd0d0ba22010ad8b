import { describe, expect, test } from 'vitest';
import { createSession, isValidSession } from '../../src/server/adapters/admin-session.ts';
import { rememberVote, rememberedVote, voterId } from '../../src/browser/vote-memory.ts';
import { toCsv } from '../../src/lib/csv.ts';

describe('admin session', () => {
  const token = 'operator-token-0123456789';
  const now = Date.parse('2026-11-25T10:00:00Z');

  test('a session made with the token is valid for 8 hours', () => {
    const session = createSession(token, now);
    expect(isValidSession(session, token, now + 60_000)).toBe(true);
    expect(isValidSession(session, token, now + 8 * 3_600_000 + 1)).toBe(false);
  });

  test.each([
    ['another token', (s: string) => s, 'other-token-0123456789'],
    ['a forged signature', (s: string) => `${s.split('.')[0]}.AAAA`, token],
    ['a moved date', (s: string) => `${now + 1000}.${s.split('.')[1]}`, token],
    ['nothing', () => '', token],
  ])('refuses %s', (_, tamper, checkToken) => {
    expect(isValidSession(tamper(createSession(token, now)), checkToken, now + 5000)).toBe(false);
  });
});

describe('vote memory', () => {
  const storage = () => {
    const m = new Map<string, string>();
    return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v) };
  };

  test('one voter id per browser, made once', () => {
    const s = storage();
    const id = voterId(s, () => 'voter-abcdef12');
    expect(voterId(s, () => 'another-12345678')).toBe(id);
  });

  test('a vote per page is remembered and replaced', () => {
    const s = storage();
    rememberVote(s, '/faq/a/', { helpful: true });
    rememberVote(s, '/faq/a/', { helpful: false, comment: '不清楚' });
    expect(rememberedVote(s, '/faq/a/')).toEqual({ helpful: false, comment: '不清楚' });
    expect(rememberedVote(s, '/faq/b/')).toBeUndefined();
  });
});

describe('csv', () => {
  test('BOM, quoting and formula defusing', () => {
    expect(toCsv(['a', 'b'], [['x,y', '=1+1'], [3, null]])).toBe('\uFEFFa,b\r\n"x,y",\'=1+1\r\n3,\r\n');
  });

  // Excel and WPS take the full-width signs (as a Chinese input method types them) for
  // the ASCII ones at the start of a cell: ＝1+1 is a formula there too.
  test('full-width = + - @ at the start of a cell are defused like the ASCII ones', () => {
    const risky = ['＝HYPERLINK("http://x","点我")', '＋1+1', '－1+1', '＠SUM(A1)', '=1', '+1', '-1', '@A1', '\t=1+1'];
    for (const text of risky) expect(toCsv(['a'], [[text]]).split('\r\n')[1]).toMatch(/^"?'/);
    // Only at the start, and numbers stay numbers.
    expect(toCsv(['a', 'b', 'c'], [['价格＝100', -5, '１２']])).toBe('\uFEFFa,b,c\r\n价格＝100,-5,１２\r\n');
  });
});
