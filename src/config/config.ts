import { resolve } from 'node:path';

/**
 * The one validated configuration of a dancu process, built once at start from the environment.
 * Every setting has a safe default for the embedded mode; a bad value stops the start with a
 * {@link ConfigError} that names the variable.
 */
export interface Config {
  /** TCP port of the HTTP server (`PORT`, default 3000). */
  readonly port: number;
  /** Address the HTTP server binds (`HOST`, default `127.0.0.1`: only this machine until told otherwise). */
  readonly host: string;
  /** PostgreSQL connection string (`DATABASE_URL`); unset means the embedded PGlite database. */
  readonly databaseUrl: string | undefined;
  /** Folder for the embedded database and local keys (`DANCU_HOME`, default `./.dancu`). */
  readonly home: string;
  /** pino log level (`LOG_LEVEL`, default `info`). */
  readonly logLevel: LogLevel;
  /** Largest accepted request body in bytes (`DANCU_BODY_LIMIT`, default 1 MiB). */
  readonly bodyLimit: number;
  /** Trust `X-Forwarded-*` headers from a load balancer (`DANCU_TRUST_PROXY`, default false). */
  readonly trustProxy: boolean;
  /**
   * The address people reach the platform at (`DANCU_PUBLIC_URL`, default `http://localhost:<PORT>`): the
   * OpenID issuer is this followed by `/oidc`, and redirects are built from it.
   */
  readonly publicUrl: string;
  /**
   * Keep messages (one-time codes, notices) in the developer inbox at `/dev/inbox` instead of sending them
   * (`DANCU_DEV_INBOX`, default true on the embedded database and false on a PostgreSQL server).
   */
  readonly devInbox: boolean;
}

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** A setting that cannot be used; `variable` names the environment variable to fix. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
  }
}

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Builds the configuration from environment variables.
 *
 * @throws {ConfigError} when a variable holds a value that cannot be used.
 * @example loadConfig({ PORT: '8080' }).port === 8080
 */
export function loadConfig(env: Env = process.env): Config {
  const port = integer(env, 'PORT', 3000, 0, 65_535);
  const database = databaseUrl(env);
  return {
    port,
    host: nonEmpty(env, 'HOST', '127.0.0.1'),
    databaseUrl: database,
    home: resolve(nonEmpty(env, 'DANCU_HOME', './.dancu')),
    logLevel: oneOf(env, 'LOG_LEVEL', LOG_LEVELS, 'info'),
    bodyLimit: integer(env, 'DANCU_BODY_LIMIT', 1_048_576, 1_024, 1_073_741_824),
    trustProxy: boolean(env, 'DANCU_TRUST_PROXY', false),
    publicUrl: publicUrl(env, port),
    devInbox: boolean(env, 'DANCU_DEV_INBOX', database === undefined),
  };
}

function publicUrl(env: Env, port: number): string {
  const value = raw(env, 'DANCU_PUBLIC_URL');
  if (value === undefined) return `http://localhost:${port}`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError('DANCU_PUBLIC_URL', 'expected a URL such as https://dichvucong.example.vn');
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && ['localhost', '127.0.0.1'].includes(url.hostname))) {
    throw new ConfigError('DANCU_PUBLIC_URL', 'expected an https:// URL (http:// only for localhost)');
  }
  if (url.pathname !== '/' || url.search || url.hash) {
    throw new ConfigError(
      'DANCU_PUBLIC_URL',
      'expected an origin without a path, such as https://dichvucong.example.vn',
    );
  }
  return url.origin;
}

function raw(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === '' ? undefined : value;
}

function nonEmpty(env: Env, name: string, fallback: string): string {
  return raw(env, name) ?? fallback;
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const value = raw(env, name);
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value)) throw new ConfigError(name, `expected a whole number, got "${value}"`);
  const n = Number(value);
  if (n < min || n > max) throw new ConfigError(name, `expected a number from ${min} to ${max}, got ${n}`);
  return n;
}

function boolean(env: Env, name: string, fallback: boolean): boolean {
  const value = raw(env, name)?.toLowerCase();
  if (value === undefined) return fallback;
  if (['1', 'true', 'yes', 'on'].includes(value)) return true;
  if (['0', 'false', 'no', 'off'].includes(value)) return false;
  throw new ConfigError(name, `expected true or false, got "${value}"`);
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const value = raw(env, name);
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new ConfigError(name, `expected one of ${allowed.join(', ')}, got "${value}"`);
  }
  return value as T;
}

function databaseUrl(env: Env): string | undefined {
  const value = raw(env, 'DATABASE_URL');
  if (value === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError('DATABASE_URL', 'expected a URL such as postgres://user@host:5432/dancu');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError('DATABASE_URL', `expected a postgres:// URL, got the scheme "${url.protocol}"`);
  }
  return value;
}
