// The browser's User-Agent Client Hints, for the platform detection in
// src/lib/platform/detect-platform.ts (which stays pure: it takes them as an argument).
import type { ClientHints } from '../lib/platform/detect-platform.ts';

/** Reads the hints in the browser; resolves to undefined where they are not offered. */
export async function readClientHints(): Promise<ClientHints | undefined> {
  const data = (navigator as Navigator & { userAgentData?: { mobile: boolean; platform: string; getHighEntropyValues(hints: string[]): Promise<ClientHints> } }).userAgentData;
  if (!data) return undefined;
  try {
    const high = await data.getHighEntropyValues(['platformVersion', 'architecture', 'bitness']);
    return { ...high, platform: data.platform, mobile: data.mobile };
  } catch {
    return { platform: data.platform, mobile: data.mobile };
  }
}
