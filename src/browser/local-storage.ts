// This browser's localStorage, best effort: private windows, blocked cookies and full
// quotas make it refuse or throw, which only means the browser forgets.

/** localStorage, or undefined when the browser will not give it. */
export function localStore(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

/** The parts of Storage read and written here (tests pass a Map-backed one); undefined when the browser gives none. */
export type KeptStorage = Pick<Storage, 'getItem' | 'setItem'> | undefined;

/** The item under `key` in `store`, or null when there is none or the store is missing or refuses. */
export function readFrom(store: KeptStorage, key: string): string | null {
  try {
    return store?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

/** Keeps `value` under `key` in `store`; whether it took it. */
export function keepIn(store: KeptStorage, key: string, value: string): boolean {
  try {
    store?.setItem(key, value);
    return store !== undefined;
  } catch {
    return false;
  }
}

/** The item kept in localStorage under `key`, or null. */
export const readKept = (key: string) => readFrom(localStore(), key);

/** Keeps `value` in localStorage under `key`; whether it took it. */
export const keep = (key: string, value: string) => keepIn(localStore(), key, value);
