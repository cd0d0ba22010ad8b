// Which fix guide steps a visitor sees: the steps for their device (computer, Android,
// iPhone), their own browser's first and open. The guides themselves: fix-guides-data.ts.
import type { DetectedPlatform } from '../platform/detect-platform.ts';
import { DEVICE_BROWSERS, FIX_GUIDES, type GuideBrowser, type GuideDevice } from './fix-guides-data.ts';
import type { FixTopic } from './types.ts';

/** Which steps a device gets: iPhone and iPad; other phones and tablets; computers. */
export function guideDevice({ os, mobile }: Pick<DetectedPlatform, 'os' | 'mobile'>): GuideDevice {
  if (os === 'ios') return 'ios';
  return mobile ? 'android' : 'computer';
}

/** The visitor's own browser among the device's, if it is listed (on a phone, any other browser is `other`). */
export function ownGuideBrowser(platform: Pick<DetectedPlatform, 'browser' | 'inApp' | 'os' | 'mobile'>): GuideBrowser | undefined {
  if (platform.inApp) return undefined;
  const device = guideDevice(platform);
  if (platform.browser in DEVICE_BROWSERS[device]) return platform.browser as GuideBrowser;
  return device === 'computer' ? undefined : 'other';
}

export interface GuidePanel {
  browser: GuideBrowser;
  /** e.g. Chrome（你正在使用）. */
  name: string;
  steps: string[];
  /** The visitor's own browser: listed first and open. */
  own: boolean;
}

/** A guide as this visitor sees it. */
export interface GuideView {
  title: string;
  general: string[];
  browsers: GuidePanel[];
}

/** The guide for `topic` on the visitor's device, the visitor's own browser first. */
export function fixGuide(topic: FixTopic, platform: Pick<DetectedPlatform, 'browser' | 'browserLabel' | 'inApp' | 'os' | 'mobile'>): GuideView {
  const guide = FIX_GUIDES[topic];
  const device = guideDevice(platform);
  // Only IE's engine problems lack phone steps, and phones never run IE's engine.
  const steps = guide[device] ?? guide.computer;
  const names = guide[device] ? DEVICE_BROWSERS[device] : DEVICE_BROWSERS.computer;
  const own = guide[device] ? ownGuideBrowser(platform) : undefined;
  const panels = (Object.keys(names) as GuideBrowser[])
    .filter((b) => steps.byBrowser?.[b])
    .map((b) => ({
      browser: b,
      name: b === own ? `${b === 'other' ? platform.browserLabel : names[b]}（你正在使用）` : names[b]!,
      steps: steps.byBrowser![b]!,
      own: b === own,
    }));
  return { title: guide.title, general: steps.general ?? [], browsers: [...panels.filter((p) => p.own), ...panels.filter((p) => !p.own)] };
}
