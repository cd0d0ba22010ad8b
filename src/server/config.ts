// The one place the environment is read (`process.env` appears nowhere else in src/):
// the server's settings, validated once at start into one typed config that is passed
// down (a bad value stops the server with the variable named); what `npm run backup`
// reads; and the two overrides of content/site.json the build and the server both apply.
import { z } from 'zod';
import { fileURLToPath } from 'node:url';
import { parseWithFriendlyErrors } from '../config/friendly-errors.ts';
import type { SiteConfigEnv } from '../config/site-schema.ts';

type Environment = Record<string, string | undefined>;

/** The variables that are set: unset and empty both mean "use the default". */
const present = (env: Environment) => Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));

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

/** The server's settings: its variables, and the site.json overrides it applies as the build did. */
export type ServerConfig = ServerEnv & { site: SiteConfigEnv };

function parseServerEnv(env: Environment): ServerEnv {
  const parsed = parseWithFriendlyErrors(serverEnvSchema, present(env), '环境变量有误：');
  return { ...parsed, WENDA_ALLOWED_ORIGINS: parsed.WENDA_ALLOWED_ORIGINS.map((o) => new URL(o).origin) };
}

/**
 * Reads and checks the server's environment, once, at start (the server entry, and the
 * dev server's integration); throws a ConfigError naming the variable.
 */
export function readServerConfig(env: Environment = process.env): ServerConfig {
  return { ...parseServerEnv(env), site: readSiteOverrides(env) };
}

/**
 * The variables that override content/site.json (WENDA_SITE_URL, WENDA_API_BASE_URL), and
 * PORT, whose local address stands in for an unset siteUrl, as they are: checked with the
 * file by parseSiteConfig (src/config/site-schema.ts).
 */
export function readSiteOverrides(env: Environment = process.env): SiteConfigEnv {
  return { WENDA_SITE_URL: env.WENDA_SITE_URL, WENDA_API_BASE_URL: env.WENDA_API_BASE_URL, PORT: env.PORT };
}

/**
 * What `npm run backup` reads: the data directory (as the server does) and the directory
 * npm was started from (npm sets INIT_CWD), which a relative backup path is taken from.
 */
const backupEnvSchema = z.object({
  WENDA_DATA_DIR: serverEnvSchema.shape.WENDA_DATA_DIR,
  INIT_CWD: z.string().min(1).optional(),
});

export function readBackupConfig(env: Environment = process.env): z.output<typeof backupEnvSchema> {
  return parseWithFriendlyErrors(backupEnvSchema, present(env), '环境变量有误：');
}
