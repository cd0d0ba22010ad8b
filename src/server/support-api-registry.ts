// Hands the running support API to on-demand Astro pages (the operator view) in the same
// process: they read through the API's own routes rather than a second path to the store.
import type { ApiApp } from '../api/app.ts';

const KEY = Symbol.for('wenda.supportApi');
type Registry = { [KEY]?: ApiApp };

export function registerSupportApi(app: ApiApp): void {
  (globalThis as Registry)[KEY] = app;
}

export function supportApi(): ApiApp | undefined {
  return (globalThis as Registry)[KEY];
}
