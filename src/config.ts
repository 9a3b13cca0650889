// The service's settings, read once from the environment and validated.
// In development a missing secret is generated once and kept in DATA_DIR so
// links and sessions survive restarts; in production it is a start-up error.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';

const secret = z.string().min(32, 'phải dài ít nhất 32 ký tự');

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z.url().optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  PUBLIC_BASE_URL: z.url().optional(),
  SMTP_URL: z.url().optional(),
  MAIL_FROM: z.string().min(3).default('Khảo sát CCHC <khaosat-cchc@localhost>'),
  MAIL_RATE: z.coerce.number().positive().default(50),
  MAIL_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  SENDER: z.enum(['on', 'off']).default('on'),
  MAIL_LEASE_SECONDS: z.coerce.number().int().min(5).max(3600).default(300),
  MAIL_RETRY_SECONDS: z.coerce.number().min(0.01).max(86400).default(60),
  MAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(10),
  JWT_SECRET: secret.optional(),
  TOKEN_SECRET: secret.optional(),
  INBOUND_MAIL_TOKEN: secret.optional(),
  TRUST_PROXY: z.string().optional(),
  LOGIN_ACCOUNT_LIMIT: z.coerce.number().int().min(1).default(10),
  LOGIN_ADDRESS_LIMIT: z.coerce.number().int().min(1).default(100),
  ADMIN_SECOND_FACTOR: z.enum(['required', 'optional']).optional(),
  SURVEY_BAD_TOKEN_LIMIT: z.coerce.number().int().min(1).default(30),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ROSTER_MAX_UPLOAD_MB: z.coerce.number().positive().max(1024).default(20),
  ROSTER_MAX_ROWS: z.coerce.number().int().positive().default(200_000),
  ROSTER_MAX_FIELD_LENGTH: z.coerce.number().int().min(20).default(500),
  INTEGRITY_INTERVAL_SECONDS: z.coerce.number().int().min(0).max(86_400).default(300),
  DB_POOL_MAX: z.coerce.number().int().min(1).max(500).default(10),
  DB_ACQUIRE_TIMEOUT_MS: z.coerce.number().int().min(50).max(600_000).default(2000),
  DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(30_000),
  DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(60_000),
  ALLOW_NONDURABLE_DATABASE: z.enum(['yes', 'no']).default('no'),
});

export type Config = {
  env: 'development' | 'production' | 'test';
  databaseUrl: string | undefined;
  dataDir: string;
  host: string;
  port: number;
  publicBaseUrl: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  mailRate: number;
  mailConcurrency: number;
  sender: boolean;
  mailLeaseSeconds: number;
  mailRetrySeconds: number;
  mailMaxAttempts: number;
  jwtSecret: string;
  tokenSecret: string;
  inboundMailToken: string | undefined;
  trustProxy: string[] | false;
  surveyBadTokenLimit: number;
  /** Login tries allowed per 15 minutes, per account and per client address, across all processes. */
  loginLimits: { account: number; address: number };
  /** Administrators must set up a second factor (TOTP) before anything else. */
  adminSecondFactor: boolean;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  roster: { maxUploadBytes: number; maxRows: number; maxFieldLength: number };
  /** Pause between incremental interference checks; 0 turns the job off. */
  integrityIntervalSeconds: number;
  database: {
    poolMax: number;
    acquireTimeoutMs: number;
    statementTimeoutMs: number;
    idleInTransactionTimeoutMs: number;
    /** Start in production even if PostgreSQL may lose committed data (fsync or synchronous_commit off). */
    allowNondurable: boolean;
  };
};

export class ConfigError extends Error {}

const SECRET_KEYS = ['JWT_SECRET', 'TOKEN_SECRET'] as const;

/** Parses the environment; `readSecrets` supplies generated development secrets. */
export function parseConfig(
  env: Record<string, string | undefined>,
  readSecrets: (dataDir: string) => Record<(typeof SECRET_KEYS)[number], string> = loadOrCreateSecrets,
): Config {
  const blank = Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v === '' ? undefined : v]));
  const parsed = envSchema.safeParse(blank);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Cấu hình không hợp lệ:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = resolve(e.DATA_DIR);
  let secrets: Partial<Record<(typeof SECRET_KEYS)[number], string>> = { JWT_SECRET: e.JWT_SECRET, TOKEN_SECRET: e.TOKEN_SECRET };
  const missing = SECRET_KEYS.filter((k) => !secrets[k]);
  if (missing.length > 0) {
    if (e.NODE_ENV === 'production') {
      throw new ConfigError(`Thiếu bí mật bắt buộc khi NODE_ENV=production: ${missing.join(', ')} (mỗi giá trị dài ít nhất 32 ký tự).`);
    }
    secrets = { ...readSecrets(dataDir), ...Object.fromEntries(Object.entries(secrets).filter(([, v]) => v)) };
  }
  return {
    env: e.NODE_ENV,
    databaseUrl: e.DATABASE_URL,
    dataDir,
    host: e.HOST,
    port: e.PORT,
    publicBaseUrl: (e.PUBLIC_BASE_URL ?? `http://${e.HOST}:${e.PORT}`).replace(/\/+$/, ''),
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    mailRate: e.MAIL_RATE,
    mailConcurrency: e.MAIL_CONCURRENCY,
    sender: e.SENDER === 'on',
    mailLeaseSeconds: e.MAIL_LEASE_SECONDS,
    mailRetrySeconds: e.MAIL_RETRY_SECONDS,
    mailMaxAttempts: e.MAIL_MAX_ATTEMPTS,
    jwtSecret: secrets.JWT_SECRET!,
    tokenSecret: secrets.TOKEN_SECRET!,
    inboundMailToken: e.INBOUND_MAIL_TOKEN,
    trustProxy: e.TRUST_PROXY ? e.TRUST_PROXY.split(',').map((s) => s.trim()).filter(Boolean) : false,
    logLevel: e.LOG_LEVEL,
    roster: { maxUploadBytes: Math.round(e.ROSTER_MAX_UPLOAD_MB * 1024 * 1024), maxRows: e.ROSTER_MAX_ROWS, maxFieldLength: e.ROSTER_MAX_FIELD_LENGTH },
    surveyBadTokenLimit: e.SURVEY_BAD_TOKEN_LIMIT,
    loginLimits: { account: e.LOGIN_ACCOUNT_LIMIT, address: e.LOGIN_ADDRESS_LIMIT },
    adminSecondFactor: (e.ADMIN_SECOND_FACTOR ?? (e.NODE_ENV === 'production' ? 'required' : 'optional')) === 'required',
    integrityIntervalSeconds: e.INTEGRITY_INTERVAL_SECONDS,
    database: {
      poolMax: e.DB_POOL_MAX,
      acquireTimeoutMs: e.DB_ACQUIRE_TIMEOUT_MS,
      statementTimeoutMs: e.DB_STATEMENT_TIMEOUT_MS,
      idleInTransactionTimeoutMs: e.DB_IDLE_IN_TRANSACTION_TIMEOUT_MS,
      allowNondurable: e.ALLOW_NONDURABLE_DATABASE === 'yes',
    },
  };
}

function loadOrCreateSecrets(dataDir: string): Record<(typeof SECRET_KEYS)[number], string> {
  const file = join(dataDir, 'secrets.json');
  if (existsSync(file)) {
    const stored = z.object({ JWT_SECRET: secret, TOKEN_SECRET: secret }).safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (stored.success) return stored.data;
  }
  mkdirSync(dataDir, { recursive: true });
  const fresh = { JWT_SECRET: randomBytes(32).toString('base64url'), TOKEN_SECRET: randomBytes(32).toString('base64url') };
  writeFileSync(file, JSON.stringify(fresh, null, 2) + '\n', { mode: 0o600 });
  return fresh;
}

export function loadConfig(overrides: Record<string, string | undefined> = {}): Config {
  return parseConfig({ ...process.env, ...overrides });
}
