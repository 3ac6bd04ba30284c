import { resolve } from 'node:path';

export const APP_CONFIG = Symbol('AppConfig');

/** Everything the server reads from its environment, checked once at start. */
export interface AppConfig {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly eventStore:
    | { readonly kind: 'sqlite'; readonly file: string; readonly audit?: AuditConfig }
    | { readonly kind: 'esdb'; readonly connectionString: string; readonly audit?: AuditConfig };
  readonly readStore:
    | { readonly kind: 'sqlite'; readonly file: string }
    | { readonly kind: 'mongodb'; readonly url: string };
  readonly logLevel: string;
  /** Largest request body accepted, in bytes. */
  readonly bodyLimit: number;
  readonly store: {
    /** Where daily and weekly PO windows begin and end (an IANA zone). */
    readonly timeZone: string;
    readonly currency: string;
    /** Which waiting customers get units first when goods arrive. */
    readonly allocationOrder: 'oldest-first' | 'priority';
  };
  /** Where projections run: a worker thread of their own (a second core), or the server thread. */
  readonly projectionsThread: 'worker' | 'main';
  readonly notifier:
    | { readonly kind: 'log'; readonly file: string }
    | { readonly kind: 'smtp'; readonly url: string; readonly from: string };
  readonly auth: AuthConfig;
  /** Origins a browser may call the API from; none unless configured. */
  readonly corsOrigins: readonly string[];
  /** Behind a reverse proxy: take the client's address from X-Forwarded-For (rate limits use it). */
  readonly trustProxy: boolean;
  readonly images: {
    /** Largest product picture accepted for upload, in bytes (uploads are streamed, not buffered). */
    readonly maxUploadBytes: number;
  };
  readonly catalog: {
    /** Largest price sheet accepted for import, in bytes (sheets are streamed, never held). */
    readonly maxSheetBytes: number;
  };
}

/** The event log's tamper evidence (see src/shared/eventstore/event-chain.ts). */
export interface AuditConfig {
  /** Signs the log's digests; when unset, a random key kept in DATA_DIR/audit-signing-key. */
  readonly signingKey: string | null;
  /** A signed digest of the log every this many events. */
  readonly digestEvery: number;
}

export interface AuthConfig {
  /** Signs the tokens; when unset, a random one is kept in DATA_DIR/auth-secret. */
  readonly tokenSecret: string | null;
  readonly accessTokenSeconds: number;
  readonly refreshTokenSeconds: number;
  /** The first admin's one-time password; when unset, a random one is printed once. */
  readonly adminInitialPassword: string | null;
  /** Sign-in attempts per minute for one username from one address. */
  readonly loginAttemptsPerMinute: number;
  /** Writes per second one user (or API key) may make to one route. */
  readonly writesPerSecond: number;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Defaults run fully embedded: `npm start` needs no variable at all. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const dataDir = resolve(env.DATA_DIR ?? './data');
  return {
    port: integer(env, 'PORT', 3000, 0, 65535),
    host: env.HOST ?? '0.0.0.0',
    dataDir,
    eventStore: eventStoreConfig(env, dataDir),
    readStore: readStoreConfig(env, dataDir),
    logLevel: oneOf(
      env,
      'LOG_LEVEL',
      ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'],
      'info',
    ),
    bodyLimit: integer(env, 'BODY_LIMIT_BYTES', 1_048_576, 1024, 104_857_600),
    store: {
      timeZone: timeZone(env.STORE_TIMEZONE ?? 'UTC'),
      currency: currency(env.STORE_CURRENCY ?? 'USD'),
      allocationOrder: oneOf(env, 'ALLOCATION_ORDER', ['oldest-first', 'priority'], 'oldest-first'),
    },
    projectionsThread: oneOf(env, 'PROJECTIONS_THREAD', ['worker', 'main'], 'worker'),
    notifier: notifierConfig(env, dataDir),
    auth: authConfig(env),
    corsOrigins: (env.CORS_ORIGINS ?? '')
      .split(',')
      .map((origin) => origin.trim())
      .filter((origin) => origin !== ''),
    trustProxy: oneOf(env, 'TRUST_PROXY', ['true', 'false'], 'false') === 'true',
    images: {
      maxUploadBytes: integer(env, 'IMAGE_MAX_BYTES', 52_428_800, 1024, 1_073_741_824),
    },
    catalog: {
      maxSheetBytes: integer(env, 'CATALOG_SHEET_MAX_BYTES', 1_073_741_824, 1024, 17_179_869_184),
    },
  };
}

function authConfig(env: NodeJS.ProcessEnv): AuthConfig {
  const tokenSecret = env.AUTH_TOKEN_SECRET || null;
  if (tokenSecret !== null && tokenSecret.length < 32) {
    throw new ConfigError('AUTH_TOKEN_SECRET must be at least 32 characters long');
  }
  const adminInitialPassword = env.ADMIN_INITIAL_PASSWORD || null;
  if (adminInitialPassword !== null && adminInitialPassword.length < 12) {
    throw new ConfigError('ADMIN_INITIAL_PASSWORD must be at least 12 characters long');
  }
  return {
    tokenSecret,
    accessTokenSeconds: integer(env, 'ACCESS_TOKEN_SECONDS', 900, 30, 86_400),
    refreshTokenSeconds: integer(env, 'REFRESH_TOKEN_SECONDS', 604_800, 60, 7_776_000),
    adminInitialPassword,
    loginAttemptsPerMinute: integer(env, 'LOGIN_ATTEMPTS_PER_MINUTE', 10, 1, 10_000),
    writesPerSecond: integer(env, 'WRITES_PER_SECOND', 100, 1, 1_000_000),
  };
}

function notifierConfig(env: NodeJS.ProcessEnv, dataDir: string): AppConfig['notifier'] {
  const kind = oneOf(env, 'NOTIFIER', ['log', 'smtp'], 'log');
  if (kind === 'log') return { kind, file: resolve(dataDir, 'notices.log') };
  return {
    kind,
    url: required(env, 'SMTP_URL', 'NOTIFIER=smtp'),
    from: required(env, 'NOTICE_FROM', 'NOTIFIER=smtp'),
  };
}

function timeZone(zone: string): string {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
  } catch {
    throw new ConfigError(
      `STORE_TIMEZONE must be an IANA time zone such as America/New_York, not "${zone}"`,
    );
  }
  return zone;
}

function currency(code: string): string {
  if (!/^[A-Z]{3}$/.test(code))
    throw new ConfigError(`STORE_CURRENCY must be an ISO 4217 code, not "${code}"`);
  return code;
}

function eventStoreConfig(env: NodeJS.ProcessEnv, dataDir: string): AppConfig['eventStore'] {
  const kind = oneOf(env, 'EVENT_STORE', ['sqlite', 'esdb'], 'sqlite');
  const audit = auditConfig(env);
  if (kind === 'sqlite') return { kind, file: resolve(dataDir, 'events.sqlite'), audit };
  return {
    kind,
    connectionString: required(env, 'EVENTSTORE_CONNECTION_STRING', 'EVENT_STORE=esdb'),
    audit,
  };
}

function auditConfig(env: NodeJS.ProcessEnv): AuditConfig {
  const signingKey = env.AUDIT_SIGNING_KEY || null;
  if (signingKey !== null && signingKey.length < 32) {
    throw new ConfigError('AUDIT_SIGNING_KEY must be at least 32 characters long');
  }
  return { signingKey, digestEvery: integer(env, 'AUDIT_DIGEST_EVERY', 1000, 1, 100_000_000) };
}

function readStoreConfig(env: NodeJS.ProcessEnv, dataDir: string): AppConfig['readStore'] {
  const kind = oneOf(env, 'READ_STORE', ['sqlite', 'mongodb'], 'sqlite');
  if (kind === 'sqlite') return { kind, file: resolve(dataDir, 'read-models.sqlite') };
  return { kind, url: required(env, 'MONGODB_URL', 'READ_STORE=mongodb') };
}

function integer(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const text = env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, not "${text}"`);
  }
  return value;
}

function oneOf<T extends string>(
  env: NodeJS.ProcessEnv,
  name: string,
  allowed: readonly T[],
  fallback: T,
): T {
  const text = env[name];
  if (text === undefined || text === '') return fallback;
  if (!allowed.includes(text as T)) {
    throw new ConfigError(`${name} must be one of ${allowed.join(', ')}, not "${text}"`);
  }
  return text as T;
}

function required(env: NodeJS.ProcessEnv, name: string, because: string): string {
  const text = env[name];
  if (!text) throw new ConfigError(`${name} is required with ${because}`);
  return text;
}
