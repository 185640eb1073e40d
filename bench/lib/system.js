// The bench's own Custodian: a fresh PostgreSQL database and BullMQ prefix (the same services as the e2e tests),
// the compiled API and worker started as real processes with their logs in files (never piped through the bench,
// whose CPU would otherwise be billed to the system under test), staff created and signed in through the API.
'use strict';
const { spawn } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const { mkdtempSync, openSync, readFileSync, rmSync, closeSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { Client } = require('pg');
const IORedis = require('ioredis');

const ROOT = join(__dirname, '../..');
const POSTGRES_ADMIN_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const PASSWORD = 'bench-password-2026';

const STAFF = {
  clerk: { username: 'bench.clerk', displayName: 'Kim Records', title: 'Records Clerk', roles: ['clerk'] },
  attorney: { username: 'bench.attorney', displayName: 'Ravi Patel', title: 'Deputy City Attorney', roles: ['attorney'] },
  director: { username: 'bench.director', displayName: 'Maria Lopez', title: 'Library Director', roles: ['director'] },
  auditor: { username: 'bench.auditor', displayName: 'Ann Chen', title: 'Internal Auditor', roles: ['auditor'] },
};

async function withDatabase(url, work) {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Environments not yet disposed, so an interrupted bench still stops its processes and drops its databases. */
const live = new Set();
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    process.stderr.write(`bench: ${signal}, cleaning up\n`);
    Promise.allSettled([...live].map((environment) => environment.dispose())).finally(() => process.exit(130));
  });
}

/** A database, a queue prefix and a folder; nothing running yet. */
async function createEnvironment(overrides = {}) {
  const name = `bench_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const dir = mkdtempSync(join(tmpdir(), `custodian-${name}-`));
  await withDatabase(POSTGRES_ADMIN_URL, (db) => db.query(`CREATE DATABASE ${name}`));
  const databaseUrl = POSTGRES_ADMIN_URL.replace(/\/[^/]*$/, `/${name}`);
  const env = {
    JWT_SECRET: randomBytes(32).toString('hex'),
    RECORDS_KEYS: `bench1:${randomBytes(32).toString('base64')}`,
    AUDIT_HMAC_KEY: randomBytes(32).toString('base64'),
    AUDIT_HEAD_DIR: join(dir, 'audit-heads'),
    REDIS_URL,
    QUEUE_PREFIX: name,
    STORAGE_DIR: join(dir, 'storage'),
    DATABASE_URL: databaseUrl,
    ADMIN_USERNAME: 'admin',
    ADMIN_PASSWORD: 'admin-password-for-bench',
    LOG_LEVEL: 'info',
    HOST: '127.0.0.1',
    PORT: '0',
    OUTBOX_SWEEP_MS: '1000',
    WEB_ROOT: join(ROOT, 'apps/web/dist'),
    ...overrides,
  };
  const processes = [];
  const environment = {
    name, dir, env, databaseUrl, processes,
    query: (sql, params) => withDatabase(databaseUrl, (db) => db.query(sql, params)),
    async dispose() {
      live.delete(environment);
      await Promise.all(processes.map((p) => p.stop()));
      await clearRedisPrefix(name);
      await withDatabase(POSTGRES_ADMIN_URL, (db) => db.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
      rmSync(dir, { recursive: true, force: true });
    },
  };
  live.add(environment);
  return environment;
}

/** Starts a compiled entry point with its output in a log file; resolves once `ready` appears in it. */
async function startProcess(environment, entry, ready, label, extraEnv = {}, nodeArgs = []) {
  const logPath = join(environment.dir, `${label}.log`);
  const fd = openSync(logPath, 'a');
  const child = spawn(process.execPath, [...nodeArgs, join(ROOT, entry)], { cwd: ROOT, env: { ...process.env, ...environment.env, ...extraEnv, NODE_ENV: 'production' }, stdio: ['ignore', fd, fd] });
  closeSync(fd);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const handle = {
    child, logPath,
    log: () => readFileSync(logPath, 'utf8'),
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
  environment.processes.push(handle);
  const deadline = Date.now() + 60_000;
  for (;;) {
    const match = handle.log().match(ready);
    if (match) return { ...handle, match };
    if (child.exitCode !== null) throw new Error(`${entry} exited before it was ready:\n${handle.log().slice(-3000)}`);
    if (Date.now() > deadline) {
      await handle.stop();
      throw new Error(`${entry} was not ready within 60 s:\n${handle.log().slice(-3000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function startApi(environment, label = 'api', nodeArgs = []) {
  const running = await startProcess(environment, 'dist/apps/api/src/main.js', /api listening on (http:\/\/[\d.]+:\d+)/, label, {}, nodeArgs);
  return { ...running, baseUrl: running.match[1] };
}

function startWorker(environment, label = 'worker', nodeArgs = []) {
  return startProcess(environment, 'dist/apps/worker/src/main.js', /worker ready/, label, {}, nodeArgs);
}

/** JSON over fetch with a bearer token. */
function client(baseUrl, token) {
  const request = async (method, path, body) => {
    const response = await fetch(baseUrl + path, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed = text;
    try { parsed = JSON.parse(text); } catch { /* not JSON */ }
    return { status: response.status, body: parsed };
  };
  return {
    baseUrl, token,
    get: (path) => request('GET', path),
    post: (path, body) => request('POST', path, body),
    at: (otherBaseUrl) => client(otherBaseUrl, token),
  };
}

async function login(baseUrl, username, password) {
  const response = await client(baseUrl).post('/api/auth/login', { username, password });
  if (response.status !== 200) throw new Error(`login ${username} failed: ${response.status} ${JSON.stringify(response.body)}`);
  return client(baseUrl, response.body.accessToken);
}

/** Creates the bench's staff through the admin and signs each in. */
async function staff(baseUrl, environment) {
  const admin = await login(baseUrl, 'admin', environment.env.ADMIN_PASSWORD);
  const users = { admin };
  for (const [key, user] of Object.entries(STAFF)) {
    const created = await admin.post('/api/users', { ...user, password: PASSWORD });
    if (created.status !== 201) throw new Error(`could not create ${key}: ${JSON.stringify(created.body)}`);
    users[key] = await login(baseUrl, user.username, PASSWORD);
    users[key].id = created.body.id;
  }
  return users;
}

async function clearRedisPrefix(prefix) {
  const redis = new IORedis(REDIS_URL, { maxRetriesPerRequest: 1 });
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

module.exports = { ROOT, REDIS_URL, createEnvironment, startApi, startWorker, startProcess, staff, login, client, withDatabase };
