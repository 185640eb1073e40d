import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import IORedis from 'ioredis';
import { Client } from 'pg';

export const POSTGRES_ADMIN_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Everything one test file owns: its own database, BullMQ prefix and storage folder. */
export interface TestEnvironment {
  name: string;
  env: Record<string, string>;
  databaseUrl?: string;
  storageDir: string;
  dispose(): Promise<void>;
}

/** A fresh PostgreSQL database (or SQLite file) plus a private Redis prefix and storage folder for one test file. */
export async function createTestEnvironment(dialect: 'postgres' | 'sqlite' = 'postgres', overrides: Record<string, string> = {}, postgresAdminUrl = POSTGRES_ADMIN_URL): Promise<TestEnvironment> {
  const name = `e2e_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const dir = mkdtempSync(join(tmpdir(), `custodian-${name}-`));
  const storageDir = join(dir, 'storage');
  let databaseUrl: string | undefined;
  if (dialect === 'postgres') {
    await withDatabase(postgresAdminUrl, (client) => client.query(`CREATE DATABASE ${name}`));
    databaseUrl = postgresAdminUrl.replace(/\/[^/]*$/, `/${name}`);
  }
  const env: Record<string, string> = {
    JWT_SECRET: randomBytes(32).toString('hex'),
    RECORDS_KEYS: `test1:${randomBytes(32).toString('base64')}`,
    REDIS_URL,
    QUEUE_PREFIX: name,
    STORAGE_DIR: storageDir,
    AUDIT_HEAD_DIR: join(dir, 'audit-heads'),
    SQLITE_PATH: join(dir, 'custodian.sqlite'),
    ADMIN_USERNAME: 'admin',
    ADMIN_PASSWORD: 'admin-password-for-tests',
    LOG_LEVEL: 'info',
    HOST: '127.0.0.1',
    PORT: '0',
    JOB_LOCK_MS: '4000',
    STALLED_INTERVAL_MS: '2000',
    OUTBOX_SWEEP_MS: '1000',
    WEB_ROOT: join(__dirname, '../../apps/web/dist'),
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    ...overrides,
  };
  return {
    name, env, databaseUrl, storageDir,
    async dispose() {
      await clearRedisPrefix(env.REDIS_URL, name);
      if (dialect === 'postgres') await withDatabase(postgresAdminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Runs SQL against a test database directly (e.g. to tamper with the audit log). */
export async function withDatabase<T>(databaseUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function clearRedisPrefix(url: string, prefix: string): Promise<void> {
  const redis = new IORedis(url, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
