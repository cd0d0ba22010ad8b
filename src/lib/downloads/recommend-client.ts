// Which client to offer first for a detected platform, how sure that choice is, and
// what to tell the visitor when the choice is a guess.
import type { DetectedPlatform } from '../platform/detect-platform.ts';
import type { Client } from './client-schema.ts';

export interface Recommendation<C = Client> {
  /** The client to offer with the big button; none when nothing fits. */
  client?: C | undefined;
  /** False when the guess may be wrong: the visitor should confirm or choose. */
  sure: boolean;
  /** Why it may be wrong, or what to know, in Chinese; empty when there is nothing to say. */
  note: string;
  /** The page is open in an app's browser, which will not download: say how to leave it. */
  openInBrowser: boolean;
}

/** Subset of a client this module reads, so it also works on serialized island props. */
type Candidate = Pick<Client, 'id' | 'platform' | 'architectures' | 'download' | 'order'>;

const byOrder = <C extends Candidate>(a: C, b: C) => a.order - b.order;

function forArchitecture<C extends Candidate>(clients: C[], arch: DetectedPlatform['arch']): { client?: C; sure: boolean; note: string } {
  const universal = clients.find((c) => c.architectures.includes('universal'));
  if (universal) return { client: universal, sure: true, note: '' };
  const exact = arch !== 'unknown' ? clients.find((c) => c.architectures.includes(arch)) : undefined;
  if (exact) return { client: exact, sure: true, note: '' };
  const x64 = clients.find((c) => c.architectures.includes('x64'));
  if (arch === 'arm64' && x64) {
    return { client: x64, sure: true, note: '这台电脑使用 ARM 处理器，64 位版本将以兼容模式运行。' };
  }
  if (arch === 'unknown') {
    return { client: x64 ?? clients[0], sure: false, note: '无法判断这台电脑的处理器类型，已先推荐最常用的 64 位版本；如不确定，请在下方列表中对照选择。' };
  }
  return { client: clients[0], sure: false, note: '没有与这台电脑处理器完全对应的版本，请在下方列表中确认。' };
}

export function recommendClient<C extends Candidate>(platform: DetectedPlatform, clients: readonly C[]): Recommendation<C> {
  const of = (p: Candidate['platform']) => clients.filter((c) => c.platform === p).sort(byOrder);
  const openInBrowser = platform.inApp !== undefined;
  switch (platform.os) {
    case 'ios': {
      const client = of('ios')[0];
      return { client, sure: !!client, note: client ? '' : '暂未提供 iPhone 客户端。', openInBrowser };
    }
    case 'android':
    case 'harmonyos': {
      // A store install updates itself; the APK is for phones without that store.
      const list = of('android');
      const client = list.find((c) => c.download.kind === 'store') ?? list[0];
      const note = platform.os === 'harmonyos' ? '鸿蒙手机请先确认能安装安卓应用；不能安装时请使用电脑客户端。' : '';
      return { client, sure: !!client && platform.os === 'android', note: client ? note : '暂未提供安卓客户端。', openInBrowser };
    }
    case 'windows':
    case 'macos':
    case 'linux': {
      const list = of(platform.os);
      if (!list.length) {
        const web = of('web')[0];
        const note = web ? '暂未提供这个系统的客户端，可以先使用网页版。' : '暂未提供这个系统的客户端，可以在下方查看其他版本，或联系售后服务。';
        return { client: web, sure: false, note, openInBrowser };
      }
      return { ...forArchitecture(list, platform.arch), openInBrowser };
    }
    default: {
      const web = of('web')[0];
      return { client: web, sure: false, note: '无法识别你的设备，请在下方列表中选择适合的客户端。', openInBrowser };
    }
  }
}
