// The robot quota calculator in tests: the API's own estimate to compare with, the
// total on the page, a field filled by its label and servers of a test's own.
import { afterEach, inject } from 'vitest';
import type { Page } from 'playwright-core';
import type { RunningServer } from './server.ts';
import type { Estimate } from '../../src/lib/quota/estimate.ts';

/** Servers a test starts itself, stopped after it: push each; empty it after stopping one. */
export function useOwnServers(): RunningServer[] {
  const servers: RunningServer[] = [];
  afterEach(async () => {
    for (const s of servers) await s.stop();
    servers.length = 0;
  });
  return servers;
}

/** The API's estimate for `input`, from the shared server or `base`. */
export async function apiEstimate(input: object, base: string = inject('baseUrl')): Promise<Estimate> {
  const res = await fetch(`${base}/api/v1/robot-quota/estimate`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(input) });
  return res.json();
}

export const total = (page: Page) => page.getByTestId('total-cost');

export async function fill(page: Page, label: string, value: string) {
  const field = page.getByLabel(label, { exact: true });
  await field.fill(value);
}
