// The platforms, CPU architectures and stores a client can be for, with the names
// visitors know them by. No zod here: the download island imports this.

export const PLATFORMS = ['windows', 'macos', 'linux', 'ios', 'android', 'web'] as const;
export const ARCHITECTURES = ['x64', 'arm64', 'x86', 'universal'] as const;
export const STORES = ['app-store', 'yingyongbao', 'huawei', 'xiaomi', 'other'] as const;

export type Platform = (typeof PLATFORMS)[number];
export type Architecture = (typeof ARCHITECTURES)[number];
export type Store = (typeof STORES)[number];

export const STORE_NAMES: Record<Store, string> = {
  'app-store': 'App Store',
  yingyongbao: '应用宝',
  huawei: '华为应用市场',
  xiaomi: '小米应用商店',
  other: '应用商店',
};

export const PLATFORM_NAMES: Record<Platform, string> = {
  windows: 'Windows',
  // Customers say Mac: the card names the build 企点客服 Mac 版, and its button 下载 Mac 版.
  macos: 'Mac',
  linux: 'Linux',
  ios: 'iPhone / iPad',
  android: '安卓',
  web: '网页版',
};

export const ARCHITECTURE_NAMES: Record<Architecture, string> = {
  x64: '64 位（x64）',
  arm64: 'ARM64',
  x86: '32 位（x86）',
  universal: 'Apple 芯片和 Intel 通用',
};
