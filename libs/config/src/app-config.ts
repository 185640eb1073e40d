import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, validateSync } from 'class-validator';
import { adminPasswordProblems, jwtSecretProblems, recordKeysProblems } from './secret-strength';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));
const toBool = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : ['1', 'true', 'yes'].includes(String(value).toLowerCase()));

/**
 * All configuration in one validated class, read from the environment once at start-up.
 * A missing or bad setting stops the process with a message naming the variable and what is wrong.
 */
export class AppConfig {
  /** `postgres://...` for production; unset means the embedded SQLite file. */
  @IsOptional() @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// URL (leave it unset for the embedded SQLite file)' })
  DATABASE_URL?: string;

  @IsString() SQLITE_PATH = 'data/custodian.sqlite';

  @IsString() @Matches(/^rediss?:\/\//, { message: 'REDIS_URL must be a redis:// URL' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  /** Key prefix for every BullMQ key, so several installations (or test files) can share one Redis. */
  @IsString() @Matches(/^[A-Za-z0-9_-]+$/, { message: 'QUEUE_PREFIX may contain letters, digits, - and _ only' })
  QUEUE_PREFIX = 'custodian';

  @Transform(toInt) @IsInt() @Min(0) @Max(65535) PORT = 3000;
  @IsString() HOST = '127.0.0.1';

  @IsString() @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET: string;

  @Transform(toInt) @IsInt() @Min(60) @Max(7 * 24 * 3600) TOKEN_TTL_SECONDS = 8 * 3600;

  /** Failed sign-ins to one account before it is locked for LOGIN_LOCK_SECONDS. */
  @Transform(toInt) @IsInt() @Min(1) @Max(1000) LOGIN_MAX_FAILURES = 5;
  /** Failed sign-ins from one address (any accounts) before the address is locked for LOGIN_LOCK_SECONDS. */
  @Transform(toInt) @IsInt() @Min(1) @Max(100000) LOGIN_MAX_FAILURES_PER_ADDRESS = 50;
  /** How long failures are counted, and how long a lock-out lasts. */
  @Transform(toInt) @IsInt() @Min(1) @Max(86400) LOGIN_LOCK_SECONDS = 15 * 60;
  /** Refused bearer tokens are audited per source address: the first at once, the rest of this window as one count. */
  @Transform(toInt) @IsInt() @Min(1) @Max(3600) TOKEN_REJECTION_AUDIT_WINDOW_SECONDS = 60;
  /** Refused secure-link attempts (download, acknowledgement) are audited likewise, per address, reason and link. */
  @Transform(toInt) @IsInt() @Min(1) @Max(3600) PUBLIC_REFUSAL_AUDIT_WINDOW_SECONDS = 60;
  /** Requests to the secure-link routes one address may make in PUBLIC_DELIVERY_RATE_WINDOW_SECONDS; past it, 429. */
  @Transform(toInt) @IsInt() @Min(1) @Max(100000) PUBLIC_DELIVERY_MAX_REQUESTS_PER_ADDRESS = 30;
  @Transform(toInt) @IsInt() @Min(1) @Max(86400) PUBLIC_DELIVERY_RATE_WINDOW_SECONDS = 60;
  /** Express's `trust proxy`: set it (e.g. `1` or `loopback`) only behind a reverse proxy, so lock-outs key on the client's address. */
  @IsOptional() @IsString() TRUST_PROXY?: string;

  /** 32-byte AES-256-GCM keys for imported patron data, as `keyId:base64` pairs separated by commas. */
  @IsString() @Matches(/^[A-Za-z0-9_-]+:[A-Za-z0-9+/=]+(,[A-Za-z0-9_-]+:[A-Za-z0-9+/=]+)*$/, { message: 'RECORDS_KEYS must be keyId:base64Key[,keyId:base64Key...]' })
  RECORDS_KEYS: string;
  @IsOptional() @IsString() RECORDS_ACTIVE_KEY_ID?: string;

  @IsString() STORAGE_DIR = 'data/storage';
  /**
   * Where a production is rendered before it is sealed into the store (its only plaintext moment on disk); default
   * STORAGE_DIR/tmp. Point it at a memory file system (e.g. /dev/shm/custodian) to keep partial renders off disk.
   */
  @IsOptional() @IsString() RENDER_SCRATCH_DIR?: string;

  @IsOptional() @IsString() ADMIN_USERNAME?: string;
  @IsOptional() @IsString() @MinLength(12, { message: 'ADMIN_PASSWORD must be at least 12 characters' }) ADMIN_PASSWORD?: string;

  @IsString() @Matches(/^[A-Z]{2,6}$/, { message: 'BATES_PREFIX must be 2-6 capital letters' }) BATES_PREFIX = 'PDL';
  @IsString() LIBRARY_NAME = 'Palm Desert Library';
  /** Where the custodian of records signs the declaration (Code Civ. Proc. § 2015.5: place of execution). */
  @IsString() @MinLength(2) LIBRARY_PLACE = 'Palm Desert, California';

  @Transform(toInt) @IsInt() @Min(0) PURGE_AFTER_DAYS = 365;

  /** BullMQ lock duration: a worker that dies mid-job loses the job to another after this long. */
  @Transform(toInt) @IsInt() @Min(1000) JOB_LOCK_MS = 30000;
  @Transform(toInt) @IsInt() @Min(500) STALLED_INTERVAL_MS = 30000;
  /** How often the outbox relay and the reconciling sweep run. */
  @Transform(toInt) @IsInt() @Min(100) OUTBOX_SWEEP_MS = 5000;
  /** Heap limit (MB) of the thread that first reads an uploaded export: a poison file kills only that thread. */
  @Transform(toInt) @IsInt() @Min(32) @Max(16384) IMPORT_THREAD_HEAP_MB = 512;
  /** Render pool slots (a render and a verify thread each) per worker process; 0: one per CPU core. */
  @Transform(toInt) @IsInt() @Min(0) @Max(64) RENDER_THREADS = 0;
  /** Heap limit (MB) of each render thread: a production that exhausts it fails (and is retried), the thread is replaced. */
  @Transform(toInt) @IsInt() @Min(64) @Max(16384) RENDER_THREAD_HEAP_MB = 1024;
  /** Productions run at once per worker process (BullMQ concurrency of the fulfilment queue). */
  @Transform(toInt) @IsInt() @Min(1) @Max(64) FULFILMENT_CONCURRENCY = 6;
  /** A production of at least this many records is large: it never takes the render pool's last free slot. */
  @Transform(toInt) @IsInt() @Min(1) LARGE_PRODUCTION_RECORDS = 5000;
  /** A job that took its worker process down this many times is quarantined (failed, with an alert), not run again. */
  @Transform(toInt) @IsInt() @Min(1) @Max(100) POISON_AFTER_CRASHES = 3;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']) LOG_LEVEL = 'info';
  @Transform(toBool) @IsBoolean() LOG_PRETTY = false;

  /**
   * Key of the audit chain's HMAC and of the signed exported heads (base64, at least 32 bytes), kept outside the
   * database. Unset: derived from JWT_SECRET (fine for the embedded demo; set it in production).
   */
  @IsOptional() @Matches(/^[A-Za-z0-9+/=]{43,}$/, { message: 'AUDIT_HMAC_KEY must be base64 of at least 32 bytes' }) AUDIT_HMAC_KEY?: string;
  /** Where the worker exports the signed audit chain head: a folder apart from the database (another volume). */
  @IsString() AUDIT_HEAD_DIR = 'data/audit-heads';
  @Transform(toInt) @IsInt() @Min(1000) AUDIT_HEAD_EXPORT_MS = 300000;

  /** Served at `/` by the API: the built web workspace. */
  @IsString() WEB_ROOT = 'apps/web/dist';

  /** `production` puts the API docs behind sign-in; anything else leaves them open for development. */
  @IsOptional() @IsString() NODE_ENV?: string;

  get production(): boolean {
    return this.NODE_ENV === 'production';
  }

  /** The address people open Custodian at; links in e-mails and calendar feeds start with it. Default: http://HOST:PORT. */
  @IsOptional() @Matches(/^https?:\/\/[^\s/]+(\/[^\s]*)?$/, { message: 'PUBLIC_URL must be an http:// or https:// address, e.g. https://custodian.example.gov' })
  PUBLIC_URL?: string;

  /** Where reminder e-mails go out: smtp://user:pass@host:587 (STARTTLS when offered) or smtps://…:465. Unset: no e-mail. */
  @IsOptional() @Matches(/^smtps?:\/\/[^\s]+$/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL, e.g. smtp://user:password@mail.example.gov:587' })
  SMTP_URL?: string;
  /** The sender of reminder e-mails, e.g. "Custodian <records@library.example.gov>"; required with SMTP_URL. */
  @IsOptional() @Matches(/^([^<>]*<)?[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+>?$/, { message: 'MAIL_FROM must be an e-mail address, optionally with a name: Custodian <records@library.example.gov>' })
  MAIL_FROM?: string;
  /** How often the worker looks for notifications to e-mail. */
  @Transform(toInt) @IsInt() @Min(200) MAIL_SWEEP_MS = 5000;

  /** The base of links in e-mails and feeds, without a trailing slash. */
  get publicUrl(): string {
    return (this.PUBLIC_URL ?? `http://${this.HOST}:${this.PORT}`).replace(/\/+$/, '');
  }

  get databaseKind(): 'postgres' | 'sqlite' {
    return this.DATABASE_URL ? 'postgres' : 'sqlite';
  }
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const config = plainToInstance(AppConfig, { ...env }, { exposeDefaultValues: true });
  const errors = validateSync(config, { whitelist: false });
  const problems = errors.flatMap((e) =>
    e.constraints ? Object.values(e.constraints).map((m) => (m.startsWith(e.property) ? m : `${e.property}: ${m}`)) : [],
  );
  for (const key of REQUIRED) if (!env[key]) problems.unshift(`${key} is required (${REQUIRED_HELP[key]})`);
  if (config.AUDIT_HMAC_KEY && Buffer.from(config.AUDIT_HMAC_KEY, 'base64').length < 32) problems.push('AUDIT_HMAC_KEY must be base64 of at least 32 bytes');
  if (config.ADMIN_USERNAME && !config.ADMIN_PASSWORD) problems.push('ADMIN_PASSWORD is required when ADMIN_USERNAME is set');
  // Weak or default secrets are refused everywhere: the quick start and the tests generate strong ones.
  problems.push(...jwtSecretProblems(env.JWT_SECRET), ...recordKeysProblems(env.RECORDS_KEYS), ...adminPasswordProblems(env.ADMIN_PASSWORD, env.ADMIN_USERNAME));
  if (config.SMTP_URL && !config.MAIL_FROM) problems.push('MAIL_FROM is required when SMTP_URL is set (the sender of reminder e-mails)');
  if (problems.length) throw new ConfigError([...new Set(problems)]);
  return config;
}

const REQUIRED = ['JWT_SECRET', 'RECORDS_KEYS'];
const REQUIRED_HELP: Record<string, string> = {
  JWT_SECRET: 'a random string of at least 32 characters that signs access tokens',
  RECORDS_KEYS: 'keyId:base64 of 32 random bytes, e.g. k1:$(openssl rand -base64 32)',
};

/**
 * The Pino transport for people reading a terminal (`LOG_PRETTY`, which `npm start` turns on in a TTY): one
 * readable line per event. Unset means Pino's JSON lines, for log collectors and production.
 */
export function prettyLogTransport(config: AppConfig): { target: string; options: Record<string, unknown> } | undefined {
  if (!config.LOG_PRETTY) return undefined;
  return { target: 'pino-pretty', options: { colorize: true, singleLine: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname,req,res,responseTime,context,userId' } };
}
