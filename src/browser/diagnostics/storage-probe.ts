// Runs inside the storage-probe frame: can this frame write a cookie and localStorage?
import type { StorageProbeReport } from '../../lib/diagnostics/checks/third-party-storage.ts';

export function probeOwnStorage(): StorageProbeReport {
  let cookies = false;
  let localStorageOk = false;
  try {
    document.cookie = 'wenda_probe=1; path=/; SameSite=None; Secure';
    cookies = document.cookie.includes('wenda_probe=1');
    document.cookie = 'wenda_probe=; path=/; max-age=0; SameSite=None; Secure';
  } catch {
    cookies = false;
  }
  try {
    window.localStorage.setItem('wenda_probe', '1');
    localStorageOk = window.localStorage.getItem('wenda_probe') === '1';
    window.localStorage.removeItem('wenda_probe');
  } catch {
    localStorageOk = false;
  }
  return { cookies, localStorage: localStorageOk };
}

/** In the diagnostics page: loads the probe frame from `origin` and waits for its answer. */
export function askStorageProbe(origin: string, timeoutMs = 5000): Promise<StorageProbeReport | 'no-answer'> {
  return new Promise((resolve) => {
    const frame = document.createElement('iframe');
    frame.hidden = true;
    frame.title = '存储检测';
    const done = (answer: StorageProbeReport | 'no-answer') => {
      clearTimeout(timer);
      removeEventListener('message', onMessage);
      frame.remove();
      resolve(answer);
    };
    const onMessage = (event: MessageEvent) => {
      if (event.origin !== new URL(origin).origin || event.data?.type !== 'wenda-storage-probe') return;
      done({ cookies: event.data.cookies === true, localStorage: event.data.localStorage === true });
    };
    const timer = setTimeout(() => done('no-answer'), timeoutMs);
    addEventListener('message', onMessage);
    frame.src = `${origin}/diagnostics/storage-probe/`;
    document.body.append(frame);
  });
}
