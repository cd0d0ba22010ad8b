// The one place the environment is read (`process.env` appears nowhere else in src/):
// the server's settings, validated once at start into one typed config that is passed
// down (a bad value stops the server with the variable named); what `npm run backup`
// reads; and the two overrides of content/site.json the build and the server both apply.
import { z } from 'zod';
import { fileURLToPath } from 'node:url';
import { parseWithFriendlyErrors } from '../config/friendly-errors.ts';
import { DEFAULT_PORT, type SiteConfigEnv } from '../config/site-schema.ts';

type Environment = Record<string, string | undefined>;

/** The variables that are set: unset and empty both mean "use the default". */
const present = (env: Environment) => Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));

const root = fileURLToPath(new URL('../../', import.meta.url));
/** TLS as libpq names it; postgres.js verifies the certificate for verify-ca and verify-full. */
const SSL_MODES = ['disable', 'allow', 'prefer', 'require', 'verify-ca', 'verify-full'];
const databaseUrl = z
  .string()
  .refine((s) => URL.canParse(s) && /^postgres(ql)?:$/.test(new URL(s).protocol) && new URL(s).hostname !== '', '应为 postgres://用户:密码@主机:端口/数据库 这样的网址')
  .refine((s) => !URL.canParse(s) || !new URL(s).searchParams.has('sslmode') || SSL_MODES.includes(new URL(s).searchParams.get('sslmode')!), {
    message: `sslmode 只能是 ${SSL_MODES.join('、')} 之一`,
  });
/** pino's levels, most severe first; `silent` writes nothing. */
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const flag = z.enum(['0', '1', 'true', 'false']).transform((v) => v === '1' || v === 'true');

export const serverEnvSchema = z.object({
  /** Port to listen on; 0 picks a free one. */
  PORT: z.coerce.number().int().min(0).max(65535).default(DEFAULT_PORT),
  /** Interface to listen on. */
  HOST: z.string().min(1).default('localhost'),
  /** Directory of the SQLite file `wenda.db` (the store unless WENDA_DATABASE_URL is set). */
  WENDA_DATA_DIR: z.string().min(1).default(`${root}data`),
  /** PostgreSQL instead of SQLite: `postgres://user:password@host:5432/database?sslmode=require`. */
  WENDA_DATABASE_URL: databaseUrl.optional(),
  /** Connections per process to PostgreSQL. */
  WENDA_DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(1000).default(10),
  /** A statement running longer is cancelled (the write answers 503); 0 = no limit. */
  WENDA_DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).max(3_600_000).default(5000),
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
  /** The least severe log lines written (JSON, one a line, on stdout): `info` logs every request; `warn` only problems. */
  WENDA_LOG_LEVEL: z.enum(LOG_LEVELS, { error: `只能是 ${LOG_LEVELS.join('、')} 之一` }).default('info'),
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
 * What the store commands read (`npm run migrate`): the store's settings, as the server
 * reads them.
 */
const storeEnvSchema = serverEnvSchema.pick({
  WENDA_DATA_DIR: true,
  WENDA_DATABASE_URL: true,
  WENDA_DATABASE_POOL_SIZE: true,
  WENDA_DATABASE_STATEMENT_TIMEOUT_MS: true,
});
export type StoreEnv = z.output<typeof storeEnvSchema>;

export function readStoreConfig(env: Environment = process.env): StoreEnv {
  return parseWithFriendlyErrors(storeEnvSchema, present(env), '环境变量有误：');
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

/** The directory npm was started from (npm sets INIT_CWD), which a command's relative paths are taken from. */
export function readStartDir(env: Environment = process.env): string | undefined {
  return env.INIT_CWD || undefined;
}
