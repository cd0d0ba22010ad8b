// The server's configuration: read once, from the one module that reads the environment,
// and a bad value reported by its variable's name (issue 19).
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { ConfigError } from '../../src/config/friendly-errors.ts';
import { readServerConfig, readSiteOverrides } from '../../src/server/config.ts';

const src = new URL('../../src/', import.meta.url);
/** The src/ files that contain `text`, as paths from the project root. */
const srcFilesWith = (text: string) =>
  readdirSync(src, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && readFileSync(`${entry.parentPath}/${entry.name}`, 'utf8').includes(text))
    .map((entry) => `${entry.parentPath}/${entry.name}`.slice(src.pathname.length - 'src/'.length));

describe('server config', () => {
  test('a bad value stops with the variable named', () => {
    const error = (() => {
      try {
        readServerConfig({ PORT: 'eighty', WENDA_ADMIN_TOKEN: 'short' });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).fields.map((f) => f.path)).toEqual(['PORT', 'WENDA_ADMIN_TOKEN']);
  });

  test('unset and empty variables take the defaults; the site.json overrides come along', () => {
    const config = readServerConfig({ PORT: '', HOST: undefined, WENDA_SITE_URL: 'https://help.example.com', WENDA_ALLOWED_ORIGINS: 'https://a.example.com/x, ' });
    expect(config.PORT).toBe(4321);
    expect(config.HOST).toBe('localhost');
    expect(config.WENDA_ADMIN_TOKEN).toBeUndefined();
    expect(config.WENDA_ALLOWED_ORIGINS).toEqual(['https://a.example.com']);
    // PORT comes along too: its local address stands in for an unset siteUrl.
    expect(config.site).toEqual({ WENDA_SITE_URL: 'https://help.example.com', WENDA_API_BASE_URL: undefined, PORT: '' });
    expect(readSiteOverrides({ WENDA_API_BASE_URL: '' })).toEqual({ WENDA_SITE_URL: undefined, WENDA_API_BASE_URL: '' });
  });

  test('WENDA_LOG_LEVEL: info unless set; a level pino does not have is named, with the choices', () => {
    expect(readServerConfig({}).WENDA_LOG_LEVEL).toBe('info');
    expect(readServerConfig({ WENDA_LOG_LEVEL: 'warn' }).WENDA_LOG_LEVEL).toBe('warn');
    try {
      readServerConfig({ WENDA_LOG_LEVEL: 'verbose' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).fields).toEqual([{ path: 'WENDA_LOG_LEVEL', message: expect.stringContaining('warn') }]);
    }
  });

  test('only src/server/config.ts reads process.env, and nothing in src/ hangs state on globalThis', () => {
    expect(srcFilesWith('process.env')).toEqual(['src/server/config.ts']);
    expect(srcFilesWith('globalThis')).toEqual([]);
  });

  test('the store: SQLite unless WENDA_DATABASE_URL names a PostgreSQL database; its pool and timeout; a bad URL or sslmode named', () => {
    const sqlite = readServerConfig({});
    expect(sqlite.WENDA_DATABASE_URL).toBeUndefined();
    expect([sqlite.WENDA_DATABASE_POOL_SIZE, sqlite.WENDA_DATABASE_STATEMENT_TIMEOUT_MS]).toEqual([10, 5000]);
    const pg = readServerConfig({ WENDA_DATABASE_URL: 'postgres://wenda:pw@db.example.com:5432/wenda?sslmode=verify-full', WENDA_DATABASE_POOL_SIZE: '25', WENDA_DATABASE_STATEMENT_TIMEOUT_MS: '0' });
    expect([pg.WENDA_DATABASE_URL, pg.WENDA_DATABASE_POOL_SIZE, pg.WENDA_DATABASE_STATEMENT_TIMEOUT_MS]).toEqual(['postgres://wenda:pw@db.example.com:5432/wenda?sslmode=verify-full', 25, 0]);
    expect(readServerConfig({ WENDA_DATABASE_URL: 'postgresql://db/wenda' }).WENDA_DATABASE_URL).toBe('postgresql://db/wenda');
    const fieldsOf = (env: Record<string, string>) => {
      try {
        readServerConfig(env);
      } catch (e) {
        return (e as ConfigError).fields;
      }
    };
    expect(fieldsOf({ WENDA_DATABASE_URL: 'mysql://db/wenda' })).toEqual([{ path: 'WENDA_DATABASE_URL', message: expect.stringContaining('postgres://') }]);
    expect(fieldsOf({ WENDA_DATABASE_URL: 'postgres://db/wenda?sslmode=on' })).toEqual([{ path: 'WENDA_DATABASE_URL', message: expect.stringContaining('sslmode 只能是') }]);
    expect(fieldsOf({ WENDA_DATABASE_POOL_SIZE: '0', WENDA_DATABASE_STATEMENT_TIMEOUT_MS: 'soon' })?.map((f) => f.path)).toEqual(['WENDA_DATABASE_POOL_SIZE', 'WENDA_DATABASE_STATEMENT_TIMEOUT_MS']);
  });
});
