// What the operator writes about each downloadable client (one JSON file per client in
// content/clients/), checked field by field.
import { z } from 'zod';
import { calendarDate } from '../content/dates.ts';
import { fileNameOf } from './file-name.ts';
import { ARCHITECTURES, PLATFORMS, STORES } from './platforms.ts';

export type { Architecture, Platform } from './platforms.ts';

const httpUrl = z.url({ protocol: /^https?$/, error: '必须是 http(s) 完整网址' });


/** False only when the URL's file name, which the page shows, cannot be decoded (a stray %). */
function fileNameDecodes(url: string): boolean {
  try {
    fileNameOf(url);
    return true;
  } catch (error) {
    return !(error instanceof URIError);
  }
}

export const clientSchema = z
  .strictObject({
    /** Shown on the button and in the list, e.g. 企点客服 Windows 版. */
    name: z.string().trim().min(1).max(40),
    platform: z.enum(PLATFORMS),
    /** CPUs the build runs on natively; `universal` for one build for all (macOS). */
    architectures: z.array(z.enum(ARCHITECTURES)).min(1),
    version: z.string().trim().regex(/^\d+(\.\d+){0,3}([-+][\w.]+)?$/, '版本号形如 5.2.0 或 5.2.0.1234'),
    /** YYYY-MM-DD, a real day, not after today. */
    releaseDate: calendarDate(),
    /** Where it comes from: a file to download, or a store page. */
    download: z.discriminatedUnion('kind', [
      z.strictObject({
        kind: z.literal('file'),
        url: httpUrl.refine(fileNameDecodes, '网址末尾的文件名无法解码：% 后面应是两位十六进制数字，% 本身要写成 %25'),
        /** Size of the file, in bytes. */
        size: z.int().positive(),
        /** SHA-256 of the file, 64 hex digits, so customers can check what they got. */
        sha256: z.string().regex(/^[0-9a-f]{64}$/i, 'SHA-256 必须是 64 位十六进制数字'),
      }),
      z.strictObject({
        kind: z.literal('store'),
        store: z.enum(STORES),
        url: httpUrl,
        /** Optional size to show (as the store reports it), in bytes. */
        size: z.int().positive().optional(),
      }),
    ]),
    /** Oldest system it supports, as customers read it: Windows 10、macOS 11、iOS 14. */
    minimumOs: z.string().trim().min(1).max(40),
    /** One or two short sentences shown with the client. */
    notes: z.string().trim().max(200).optional(),
    /** Position in its platform group, smallest first. */
    order: z.int().min(0).default(0),
    /** True for the shipped sample data, which the operator replaces. */
    sample: z.boolean().default(false),
  })
  .superRefine((client, ctx) => {
    const storeOnly = client.platform === 'ios';
    if (storeOnly && client.download.kind !== 'store') {
      ctx.addIssue({ code: 'custom', path: ['download', 'kind'], message: 'iPhone 客户端只能通过 App Store 提供（kind 应为 store）' });
    }
    if (client.architectures.includes('universal') && client.architectures.length > 1) {
      ctx.addIssue({ code: 'custom', path: ['architectures'], message: 'universal 表示一个安装包适用所有处理器，不要再列其他架构' });
    }
  });

export type ClientData = z.output<typeof clientSchema>;
/** A client with its id (the file name). */
export type Client = ClientData & { id: string };
