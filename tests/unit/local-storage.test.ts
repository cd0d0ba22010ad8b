// The browser's localStorage, best effort (src/browser/local-storage.ts): kept when the
// browser lets it, and only forgotten when it refuses or throws.
import { afterEach, expect, test } from 'vitest';
import { keep, localStore, readKept } from '../../src/browser/local-storage.ts';

const realWindow = Object.getOwnPropertyDescriptor(globalThis, 'window');
afterEach(() => {
  if (realWindow) Object.defineProperty(globalThis, 'window', realWindow);
  else delete (globalThis as { window?: unknown }).window;
});

function withWindow(localStorage: () => Pick<Storage, 'getItem' | 'setItem'>) {
  Object.defineProperty(globalThis, 'window', { configurable: true, value: { get localStorage() { return localStorage(); } } });
}

test('kept and read back when the browser keeps items', () => {
  const items = new Map<string, string>();
  withWindow(() => ({ getItem: (k) => items.get(k) ?? null, setItem: (k, v) => void items.set(k, v) }));
  expect(readKept('wenda-x')).toBeNull();
  expect(keep('wenda-x', '1')).toBe(true);
  expect(readKept('wenda-x')).toBe('1');
});

test('storage that throws (private window, full quota) is forgotten, not an error', () => {
  withWindow(() => ({ getItem: () => { throw new Error('SecurityError'); }, setItem: () => { throw new Error('QuotaExceededError'); } }));
  expect(readKept('wenda-x')).toBeNull();
  expect(keep('wenda-x', '1')).toBe(false);
});

test('no storage at all: reading localStorage throws, or there is no window', () => {
  withWindow(() => { throw new Error('SecurityError: access denied'); });
  expect(localStore()).toBeUndefined();
  expect(readKept('wenda-x')).toBeNull();
  expect(keep('wenda-x', '1')).toBe(false);
  delete (globalThis as { window?: unknown }).window;
  expect(localStore()).toBeUndefined();
  expect(keep('wenda-x', '1')).toBe(false);
});
