// Reminds whoever deploys the site, in the build log, that the downloadable clients are
// still the shipped samples. The pages tell customers 示例数据; the deployer reads this
// one info line (not a warning: a sample set is a valid build).
import type { AstroIntegration } from 'astro';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the client files are, from the project root. */
export const CLIENTS_DIR = 'content/clients';

/** The client files in `dir` (ids are file names), and which are marked `"sample": true`. */
export async function readSampleClients(dir: string): Promise<{ total: number; sampleIds: string[] }> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.json')).sort();
  const sampleIds: string[] = [];
  for (const file of files) {
    try {
      if (JSON.parse((await readFile(join(dir, file), 'utf8')).replace(/^\uFEFF/, '')).sample === true) sampleIds.push(file.slice(0, -'.json'.length));
    } catch {
      // A file that does not parse is reported, with the field at fault, by the content collection.
    }
  }
  return { total: files.length, sampleIds };
}

/** The reminder, or nothing when no client is a sample. */
export function sampleClientsNotice(sampleIds: readonly string[], total: number): string | undefined {
  if (!sampleIds.length) return undefined;
  const which = sampleIds.length === total ? `全部 ${total} 个客户端` : ` ${sampleIds.length} 个客户端（${sampleIds.join('、')}）`;
  return `${CLIENTS_DIR}/ 中${which}仍是示例数据（"sample": true），页面上标为「示例数据」：上线前请换成真实的版本号、下载链接和校验值。`;
}

export function sampleClientsIntegration(): AstroIntegration {
  let root: string;
  return {
    name: 'wenda:sample-clients',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
      },
      'astro:build:done': async ({ logger }) => {
        const { sampleIds, total } = await readSampleClients(join(root, CLIENTS_DIR));
        const notice = sampleClientsNotice(sampleIds, total);
        if (notice) logger.info(notice);
      },
    },
  };
}
