// Vote memory is best effort: storage that is missing, blocked or full never stops a
// vote, and the votes of one page still share one voter id.
import { beforeEach, describe, expect, test, vi } from 'vitest';

// A fresh module per test: the id made when storage fails lasts as long as the page (the module).
let memory: typeof import('../../src/browser/vote-memory.ts');
beforeEach(async () => {
  vi.resetModules();
  memory = await import('../../src/browser/vote-memory.ts');
});

const full = (): Storage =>
  ({
    getItem: () => null,
    setItem: () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    },
  }) as unknown as Storage;
const blocked = (): Storage =>
  ({
    getItem: () => {
      throw new DOMException('Access is denied for this document.', 'SecurityError');
    },
    setItem: () => {
      throw new DOMException('Access is denied for this document.', 'SecurityError');
    },
  }) as unknown as Storage;

describe('vote memory when storage fails', () => {
  test('a voter id is still made, the same for every vote from this page, in the format the API takes', () => {
    const id = memory.voterId(full());
    expect(id).toMatch(/^[A-Za-z0-9-]{8,64}$/);
    expect(memory.voterId(full(), () => 'another-12345678')).toBe(id);
    expect(memory.voterId(blocked())).toBe(id);
    expect(memory.voterId(undefined)).toBe(id);
  });

  test('once storage works again, it keeps that id', () => {
    const id = memory.voterId(full());
    const m = new Map<string, string>();
    const storage = { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v) };
    expect(memory.voterId(storage)).toBe(id);
    expect(m.get('wenda-voter')).toBe(id);
  });

  test.each([
    ['full', full()],
    ['blocked', blocked()],
    ['missing', undefined],
  ])('%s storage: a vote is not kept, and nothing throws', (_, storage) => {
    expect(memory.rememberVote(storage, '/faq/a/', { helpful: true })).toBe(false);
    expect(memory.rememberedVote(storage, '/faq/a/')).toBeUndefined();
  });

  test('working storage keeps the vote and says so', () => {
    const m = new Map<string, string>();
    const storage = { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v) };
    expect(memory.rememberVote(storage, '/faq/a/', { helpful: false, comment: '不清楚' })).toBe(true);
    expect(memory.rememberedVote(storage, '/faq/a/')).toEqual({ helpful: false, comment: '不清楚' });
  });

  test('the default id is random hex the API accepts', () => {
    const m = new Map<string, string>();
    const a = memory.voterId({ getItem: (k) => m.get(k) ?? null, setItem: (k, v) => void m.set(k, v) });
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(memory.voterId({ getItem: () => null, setItem: () => {} })).not.toBe(a);
  });
});
