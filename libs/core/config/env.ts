import 'reflect-metadata';
import { applyDecorators } from '@nestjs/common';
import { plainToInstance, Transform, Type } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, validateSync } from 'class-validator';
import { DEFAULT_APP_URL } from '../database/database-setup.js';

/** A signing secret shorter than this can be guessed offline from one token. */
export const MIN_SECRET_LENGTH = 32;

const toBoolean = ({ value }: { value: unknown }) => (typeof value === 'string' ? ['1', 'true', 'yes', 'on'].includes(value.trim().toLowerCase()) : value);

const URL_OF = (schemes: string) => new RegExp(`^(${schemes})://`);

/**
 * A whole-number setting between two bounds (in `unit`, when it has one): read from its text, with
 * one message for every way it can be wrong, naming the range.
 */
function WholeNumber(min: number, max: number, unit?: string): PropertyDecorator {
  const message = `must be a whole number${unit ? ` of ${unit}` : ''} between ${min} and ${max}`;
  return applyDecorators(
    Type(() => Number),
    IsInt({ message }),
    Min(min, { message }),
    Max(max, { message }),
  ) as PropertyDecorator;
}

/** A size such as `100kb` or `1mb` (BODY_LIMIT): the one format the setting accepts and {@link bytesOf} reads. */
const SIZE = /^(\d+)(b|kb|mb)$/i;
const SIZE_UNITS: Record<string, number> = { b: 1, kb: 1024, mb: 1024 * 1024 };

/** The bytes a validated size setting stands for. */
export function bytesOf(size: string): number {
  const [, amount, unit] = SIZE.exec(size) ?? [];
  return Number(amount) * SIZE_UNITS[unit.toLowerCase()];
}

/**
 * Every environment variable the system reads, with the default that works on a developer machine.
 * Parsed once at start-up by {@link parseEnv}; a bad value stops the process with a message naming it.
 */
export class Env {
  @IsIn(['development', 'test', 'production'], { message: 'must be one of development, test, production' })
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  @WholeNumber(1, 65535)
  PORT = 3000;

  @IsString()
  HOST = '0.0.0.0';

  /**
   * The API's and the worker's connection: the app role, which owns nothing and may not rewrite the
   * audit trail (see `libs/core/database/database-setup.ts`).
   */
  @Matches(URL_OF('postgres|postgresql'), { message: 'must be a postgres:// URL' })
  DATABASE_URL = DEFAULT_APP_URL;

  /** Migrations' connection: the role that owns the schema. Without it, DATABASE_URL's (one role for both). */
  @IsOptional()
  @Matches(URL_OF('postgres|postgresql'), { message: 'must be a postgres:// URL' })
  DATABASE_OWNER_URL?: string = undefined;

  @WholeNumber(1, 200)
  DATABASE_POOL_SIZE = 10;

  @Matches(URL_OF('redis|rediss'), { message: 'must be a redis:// URL' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  /** Namespaces every Redis key (BullMQ queues included), so test runs and deployments never share keys. */
  @Matches(/^[a-z0-9][a-z0-9_-]{0,99}$/i, { message: 'must be 1–100 letters, digits, - or _' })
  QUEUE_PREFIX = 'tilskud';

  /**
   * Signs access tokens. When it is not set, the installation's own random secret is used (generated
   * once in its database by a migration), so a secret is never shared between installations.
   */
  @IsOptional()
  @IsString()
  @MinLength(MIN_SECRET_LENGTH, { message: `must be at least ${MIN_SECRET_LENGTH} characters` })
  JWT_SECRET?: string = undefined;

  /**
   * The key of the audit chain's HMAC, kept outside the database so that whoever holds the database
   * cannot recompute the chain after changing an event. At least 32 characters. In production this or
   * AUDIT_HMAC_KEY_FILE must be set; elsewhere a key file is made in `.tilskud/` when neither is.
   */
  @IsOptional()
  @IsString()
  @MinLength(MIN_SECRET_LENGTH, { message: `must be at least ${MIN_SECRET_LENGTH} characters` })
  AUDIT_HMAC_KEY?: string = undefined;

  /** A file holding the audit chain's key (first line), for secret stores that mount files. */
  @IsOptional()
  @IsString()
  AUDIT_HMAC_KEY_FILE?: string = undefined;

  /** After a rotation of JWT_SECRET: the old secret, still accepted (never used to sign) until it is removed. */
  @IsOptional()
  @IsString()
  @MinLength(MIN_SECRET_LENGTH, { message: `must be at least ${MIN_SECRET_LENGTH} characters` })
  JWT_SECRET_PREVIOUS?: string = undefined;

  /** Lifetime of an access token; short, because it is not revoked by itself (its session is). */
  @WholeNumber(60, 3600, 'seconds')
  JWT_ACCESS_TTL_SECONDS = 900;

  /** How long one sign-in can be kept alive by refreshing before the user must sign in again. */
  @WholeNumber(1, 90, 'days')
  SESSION_TTL_DAYS = 30;

  /** Sign-in and refresh attempts per minute from one address (only well-formed ones count). */
  @WholeNumber(1, 100000)
  LOGIN_RATE_LIMIT = 20;

  /** Exports (CSV, PDF) and chain verifications one user may start per minute. */
  @WholeNumber(1, 100000)
  EXPORT_RATE_LIMIT = 10;

  /**
   * Streamed exports and chain verifications one API process runs at once, each on a database connection
   * of a pool of this size apart from the one requests use, so slow downloads never hold the API's.
   */
  @WholeNumber(1, 20)
  EXPORT_CONCURRENCY = 2;

  /** A download whose reader takes nothing for this long is cut off, and its connection freed. */
  @WholeNumber(1000, 600_000, 'milliseconds')
  EXPORT_STALL_TIMEOUT_MS = 30_000;

  /** With ADMIN_PASSWORD: the first administrator, created at start-up when there is none. */
  @IsOptional()
  @IsEmail({}, { message: 'must be an e-mail address' })
  ADMIN_EMAIL?: string = undefined;

  @IsOptional()
  @IsString()
  ADMIN_PASSWORD?: string = undefined;

  @IsString()
  SMTP_HOST = '127.0.0.1';

  @WholeNumber(1, 65535)
  SMTP_PORT = 1025;

  @Transform(toBoolean)
  @IsBoolean({ message: 'must be true or false' })
  SMTP_SECURE = false;

  @IsOptional()
  @IsString()
  SMTP_USER?: string = undefined;

  @IsOptional()
  @IsString()
  SMTP_PASSWORD?: string = undefined;

  @IsString()
  @MaxLength(200)
  MAIL_FROM = 'Tilskud <no-reply@tilskud.local>';

  /** Where people open Tilskud (the web app): links in e-mails point here. */
  @Matches(/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/, { message: 'must be an http(s) address such as https://tilskud.example.dk' })
  APP_URL = 'http://localhost:3000';

  /** The authority that runs the programmes: the sender of every letter. */
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  ORGANISATION_NAME = 'Sundheds- og Ældreministeriet';

  /** Its postal address, one line per line of the letterhead (separated by `;`). */
  @IsString()
  @MaxLength(300)
  ORGANISATION_ADDRESS = 'Holbergsgade 6;1057 København K';

  /** Delivery attempts of one reminder before it is marked failed (and the admins told). */
  @WholeNumber(1, 20)
  REMINDER_ATTEMPTS = 5;

  /** The first retry waits this long; each further one twice as long. */
  @WholeNumber(10, 3_600_000, 'milliseconds')
  REMINDER_BACKOFF_MS = 60_000;

  /** How often the reconciler recomputes every reminder from the database. */
  @WholeNumber(10_000, 86_400_000, 'milliseconds')
  RECONCILE_EVERY_MS = 600_000;

  /** Days the ministry is closed besides weekends and public holidays, as MM-DD (Grundlovsdag, 24 and 31 December). */
  @Matches(/^(\d{2}-\d{2})?(,\d{2}-\d{2})*$/, { message: 'must be a comma-separated list of MM-DD dates' })
  CLOSURE_DAYS = '06-05,12-24,12-31';

  /** Jobs one worker process runs at once. */
  @WholeNumber(1, 100)
  WORKER_CONCURRENCY = 5;

  /**
   * A running job's lock in Redis lasts this long and is renewed at half of it while the worker lives;
   * when a worker dies mid-job, the lock runs out and another worker takes the job up again.
   */
  @WholeNumber(1000, 600_000, 'milliseconds')
  WORKER_LOCK_MS = 30_000;

  /** How often each worker looks for jobs whose worker died (their lock ran out) and puts them back in the queue. */
  @WholeNumber(500, 600_000, 'milliseconds')
  WORKER_STALLED_CHECK_MS = 30_000;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
    message: 'must be one of fatal, error, warn, info, debug, trace, silent',
  })
  LOG_LEVEL: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent' = 'info';

  @Matches(SIZE, { message: 'must be a size such as 100kb or 1mb' })
  BODY_LIMIT = '1mb';

  /**
   * The built web app (Vite's output) the API serves at `/`; without it, `apps/web/dist` of the
   * repository. A relative path is taken from the working directory.
   */
  @IsOptional()
  @IsString()
  @MinLength(1)
  WEB_DIST_DIR?: string = undefined;

  /**
   * Which proxies in front of the API to believe about the client's address (`X-Forwarded-For`), which
   * the sign-in throttle counts by: `false` (none, the default: the socket's address), `true` (any), a
   * number of hops, or a comma-separated list of addresses and CIDR ranges.
   */
  @Matches(/^(false|true|\d{1,2}|[0-9a-fA-F.:/]+(,[0-9a-fA-F.:/]+)*)$/, { message: 'must be false, true, a number of hops or a list of addresses' })
  TRUST_PROXY = 'false';

  /** After SIGTERM, how long the API goes on serving (health already 503) before it stops accepting connections. */
  @WholeNumber(0, 60_000, 'milliseconds')
  SHUTDOWN_GRACE_MS = 2_000;

  /** How long SIGTERM waits for in-flight requests and jobs before the process gives up and exits. */
  @WholeNumber(1000, 120000, 'milliseconds')
  SHUTDOWN_TIMEOUT_MS = 15000;
}

/** `TRUST_PROXY` as Fastify's `trustProxy` option. */
export function trustProxyOption(value: string): boolean | number | string[] {
  if (value === 'false') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value.split(',');
}

export class ConfigValidationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigValidationError';
  }
}

const SECRET_NAMES = new Set(['JWT_SECRET', 'JWT_SECRET_PREVIOUS', 'SMTP_PASSWORD', 'ADMIN_PASSWORD', 'AUDIT_HMAC_KEY']);

function shown(name: string, value: unknown): string {
  return SECRET_NAMES.has(name) ? '(hidden)' : JSON.stringify(value);
}

/**
 * Reads the environment into a typed {@link Env}. Empty strings count as unset, so `PORT=` falls back
 * to the default rather than failing. Throws {@link ConfigValidationError} listing every bad variable.
 */
export function parseEnv(raw: Record<string, unknown>): Env {
  const known = Object.keys(new Env());
  const present = Object.fromEntries(Object.entries(raw).filter(([key, value]) => known.includes(key) && value !== ''));
  const env = plainToInstance(Env, present, { exposeDefaultValues: true });
  const problems = validateSync(env, { forbidUnknownValues: false }).map((error) => {
    const message = [...new Set(Object.values(error.constraints ?? {}))].join('; ');
    return `${error.property} ${message} (got ${shown(error.property, raw[error.property])})`;
  });

  if (env.NODE_ENV === 'production' && env.AUDIT_HMAC_KEY === undefined && env.AUDIT_HMAC_KEY_FILE === undefined) {
    problems.push('AUDIT_HMAC_KEY or AUDIT_HMAC_KEY_FILE must be set in production: the audit chain’s key is kept outside the database');
  }
  if (env.JWT_SECRET_PREVIOUS !== undefined && env.JWT_SECRET === undefined) {
    problems.push('JWT_SECRET_PREVIOUS is only read beside JWT_SECRET (the new secret)');
  }
  if ((env.ADMIN_EMAIL === undefined) !== (env.ADMIN_PASSWORD === undefined)) {
    problems.push('ADMIN_EMAIL and ADMIN_PASSWORD must be set together');
  }
  if (problems.length > 0) throw new ConfigValidationError(problems);
  return env;
}
