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

/** The item kept under `key`, or null when there is none or storage is blocked. */
export function readKept(key: string): string | null {
  try {
    return localStore()?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

/** Keeps `value` under `key`; whether storage took it. */
export function keep(key: string, value: string): boolean {
  try {
    const store = localStore();
    store?.setItem(key, value);
    return store !== undefined;
  } catch {
    return false;
  }
}
