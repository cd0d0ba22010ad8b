// The server's environment variables, validated once at start: a bad value stops the
// server with the variable named.
import { z } from 'zod';
import { fileURLToPath } from 'node:url';
import { parseWithFriendlyErrors } from '../config/friendly-errors.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const flag = z.enum(['0', '1', 'true', 'false']).transform((v) => v === '1' || v === 'true');

export const serverEnvSchema = z.object({
  /** Port to listen on; 0 picks a free one. */
  PORT: z.coerce.number().int().min(0).max(65535).default(4321),
  /** Interface to listen on. */
  HOST: z.string().min(1).default('localhost'),
  /** Directory of the SQLite file `wenda.db`. */
  WENDA_DATA_DIR: z.string().min(1).default(`${root}data`),
  /** The price list JSON; reloaded when it changes. */
  WENDA_PRICE_LIST: z.string().min(1).default(`${root}content/price-list.sample.json`),
  /** Token for the admin API and page; without it they do not exist. */
  WENDA_ADMIN_TOKEN: z.string().min(16, '至少 16 个字符').optional(),
  /** Comma-separated origins, besides the site itself, whose pages may call the API. */
  WENDA_ALLOWED_ORIGINS: z
    .string()
    .default('')
    .transform((s) => s.split(',').map((o) => o.trim()).filter(Boolean))
    .pipe(z.array(z.url({ protocol: /^https?$/, error: '每一项都必须是 http(s) 网址，如 https://www.example.com' }))),
  /** Writes (POST) per client IP per minute; 0 turns the limit off. */
  WENDA_WRITE_RATE_LIMIT: z.coerce.number().int().min(0).default(60),
  /** Behind a reverse proxy: trust X-Forwarded-For (its right-most entry), -Host and -Proto; unset, they are dropped. */
  WENDA_TRUST_PROXY: flag.default(false),
});

export type ServerEnv = z.output<typeof serverEnvSchema>;

export function parseServerEnv(env: Record<string, string | undefined>): ServerEnv {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = parseWithFriendlyErrors(serverEnvSchema, present, '环境变量有误：');
  return { ...parsed, WENDA_ALLOWED_ORIGINS: parsed.WENDA_ALLOWED_ORIGINS.map((o) => new URL(o).origin) };
}

/**
 * What `npm run backup` reads: the data directory (as the server does) and the directory
 * npm was started from (npm sets INIT_CWD), which a relative backup path is taken from.
 */
const backupEnvSchema = z.object({
  WENDA_DATA_DIR: serverEnvSchema.shape.WENDA_DATA_DIR,
  INIT_CWD: z.string().min(1).optional(),
});

export function parseBackupEnv(env: Record<string, string | undefined>): z.output<typeof backupEnvSchema> {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  return parseWithFriendlyErrors(backupEnvSchema, present, '环境变量有误：');
}
