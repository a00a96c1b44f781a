// Reads configuration from the environment once, at start-up.
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { defaultSecuritySettings, type SecuritySettings } from './features/auth/auth.js';
import { defaultSurveyRetentionDays } from './features/surveys/surveys.js';

export type Config = {
  port: number;
  host: string;
  databaseUrl: string | null;
  /** The schema owner for migrations; the server itself logs in with databaseUrl (docs/operations.md). */
  databaseOwnerUrl: string | null;
  dataDir: string;
  /** demo: loads the demo city on an empty database and allows plain HTTP cookies. */
  mode: 'demo' | 'production';
  /** 32-byte key for column encryption and audit digests. */
  secretKey: Buffer;
  /**
   * Addresses of the TLS-terminating proxy whose X-Forwarded-* headers are believed (the client IP
   * in audit rows and login throttling comes from them). Production trusts the loopback proxy by
   * default; anything else must be named, so a client cannot forge its address.
   */
  trustProxy: string | false;
  /** Account security: TOTP required (production default), admin password age, idle days. */
  security: SecuritySettings;
  /**
   * Days a final campaign's phone-survey answers are kept after its public notice ends
   * (FIVESTAR_SURVEY_RETENTION_DAYS, default 365); then they are deleted, the counts kept.
   */
  surveyRetentionDays: number;
  /**
   * Keep session lookups between requests, dropped on the database's notices
   * (FIVESTAR_KEEP_SESSIONS, default 1; 0 where notices cannot reach the server, e.g. Citus workers).
   */
  keepSessions: boolean;
};

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const mode = env.FIVESTAR_MODE === 'production' || env.NODE_ENV === 'production' ? 'production' : 'demo';
  const dataDir = path.resolve(env.DATA_DIR ?? './data');
  return {
    port: Number(env.PORT ?? 3000),
    // The demo publishes its passwords: it listens on this machine only unless HOST says otherwise.
    host: env.HOST || (mode === 'demo' ? '127.0.0.1' : '0.0.0.0'),
    databaseUrl: env.DATABASE_URL || null,
    databaseOwnerUrl: env.DATABASE_OWNER_URL || null,
    dataDir,
    mode,
    secretKey: readSecretKey(env.FIVESTAR_SECRET, mode, dataDir),
    trustProxy: proxyAddresses(env.TRUST_PROXY, mode),
    security: securitySettings(env, mode),
    surveyRetentionDays: positiveDays(env.FIVESTAR_SURVEY_RETENTION_DAYS, 'FIVESTAR_SURVEY_RETENTION_DAYS', defaultSurveyRetentionDays),
    keepSessions: onOff(env.FIVESTAR_KEEP_SESSIONS, 'FIVESTAR_KEEP_SESSIONS', true),
  };
}

function onOff(value: string | undefined, name: string, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  if (!['0', '1'].includes(value)) throw new Error(`${name} must be 1 or 0`);
  return value === '1';
}

function securitySettings(env: NodeJS.ProcessEnv, mode: Config['mode']): SecuritySettings {
  const flag = env.FIVESTAR_REQUIRE_TOTP;
  if (flag !== undefined && !['0', '1', 'true', 'false'].includes(flag)) throw new Error('FIVESTAR_REQUIRE_TOTP must be 1 or 0');
  return {
    requireTotp: flag === undefined ? mode === 'production' : flag === '1' || flag === 'true',
    production: mode === 'production',
    adminPasswordMaxAgeDays: positiveDays(env.FIVESTAR_ADMIN_PASSWORD_DAYS, 'FIVESTAR_ADMIN_PASSWORD_DAYS', defaultSecuritySettings.adminPasswordMaxAgeDays),
    idleDisableDays: positiveDays(env.FIVESTAR_IDLE_DAYS, 'FIVESTAR_IDLE_DAYS', defaultSecuritySettings.idleDisableDays),
  };
}

function positiveDays(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  if (!/^\d{1,4}$/.test(value) || Number(value) < 1) throw new Error(`${name} must be a whole number of days (1-9999)`);
  return Number(value);
}

function readSecretKey(value: string | undefined, mode: Config['mode'], dataDir: string): Buffer {
  if (value) {
    const key = Buffer.from(value, /^[0-9a-f]{64}$/i.test(value) ? 'hex' : 'base64');
    if (key.length !== 32) throw new Error('FIVESTAR_SECRET must be 32 bytes (64 hex characters or base64)');
    return key;
  }
  if (mode === 'production') throw new Error('FIVESTAR_SECRET is required in production');
  // Demo: keep a generated key beside the data so encrypted columns survive restarts.
  const file = path.join(dataDir, 'secret.key');
  if (existsSync(file)) return Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32);
  writeFileSync(file, key.toString('hex'), { mode: 0o600 });
  return key;
}

function proxyAddresses(value: string | undefined, mode: Config['mode']): string | false {
  if (value === '0') return false;
  if (value === '1' || (!value && mode === 'production')) return '127.0.0.1,::1';
  return value || false;
}
