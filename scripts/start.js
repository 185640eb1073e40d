#!/usr/bin/env node
// Quick start: builds what is missing, then runs the API (with the web workspace) and the worker on the
// embedded SQLite file under data/, with Redis from REDIS_URL or a private redis-server found on the PATH.
// Every process is supervised: one that exits is restarted with backoff, and never takes the others down.
'use strict';
const { spawn, spawnSync } = require('node:child_process');
const { existsSync, mkdirSync, readFileSync, writeFileSync } = require('node:fs');
const { randomBytes } = require('node:crypto');
const net = require('node:net');
const path = require('node:path');

const root = path.join(__dirname, '..');
const dataDir = path.resolve(process.env.CUSTODIAN_DATA_DIR || path.join(root, 'data'));
/** Exit code of a process that refused its configuration: restarting it cannot help. */
const CONFIG_ERROR = 78;
const BACKOFF_FIRST_MS = 1000;
const BACKOFF_MAX_MS = 30_000;
/** A process that stayed up this long is healthy again: its next crash restarts it after the first delay. */
const STABLE_AFTER_MS = 60_000;
const STOP_GRACE_MS = 15_000;

function log(message) {
  process.stdout.write(`[custodian] ${message}\n`);
}

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** Secrets are made once and kept in data/quickstart.env, so restarts can still read the sealed records. */
function quickstartEnv() {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'quickstart.env');
  if (!existsSync(file)) {
    const lines = [
      `JWT_SECRET=${randomBytes(32).toString('hex')}`,
      `RECORDS_KEYS=local1:${randomBytes(32).toString('base64')}`,
      'ADMIN_USERNAME=admin',
      `ADMIN_PASSWORD=${randomBytes(9).toString('base64url')}`,
    ];
    writeFileSync(file, `${lines.join('\n')}\n`, { mode: 0o600 });
    log(`created ${path.relative(process.cwd(), file)} with fresh secrets and the first admin's password`);
  }
  return Object.fromEntries(
    readFileSync(file, 'utf8').split('\n').filter((line) => line.includes('=')).map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function onPath(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).status === 0;
}

function portAnswers(port) {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.end();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * One supervised process. `spawnChild` starts it; `ready` (optional) is a pattern on its stdout, or a function
 * that resolves when it is ready. When it exits on its own it is restarted after 1 s, 2 s, 4 s ... up to 30 s,
 * except after a configuration error, which no restart can fix.
 */
class Supervised {
  constructor(name, spawnChild, { ready, onReady } = {}) {
    this.name = name;
    this.spawnChild = spawnChild;
    this.ready = ready;
    this.onReady = onReady;
    this.child = null;
    this.delay = BACKOFF_FIRST_MS;
    this.restartTimer = null;
    this.stopping = false;
  }

  start() {
    if (this.stopping) return;
    const startedAt = Date.now();
    const child = this.spawnChild();
    this.child = child;
    log(`${this.name} started (pid ${child.pid})`);
    if (child.stdout) {
      let seen = false;
      child.stdout.on('data', (chunk) => {
        process.stdout.write(chunk);
        const match = !seen && this.ready instanceof RegExp && chunk.toString().match(this.ready);
        if (match) {
          seen = true;
          this.onReady?.(match);
        }
      });
    }
    if (typeof this.ready === 'function') void this.ready().then(() => this.child === child && this.onReady?.());
    child.once('exit', (code, signal) => {
      if (this.child === child) this.child = null;
      if (this.stopping) return;
      if (code === CONFIG_ERROR) {
        log(`${this.name} refused its configuration (exit ${code}); fix it and start again`);
        shutdown(1);
        return;
      }
      if (Date.now() - startedAt > STABLE_AFTER_MS) this.delay = BACKOFF_FIRST_MS;
      log(`${this.name} exited (${signal ?? `code ${code}`}); restarting it in ${this.delay / 1000} s — the other processes keep running`);
      this.restartTimer = setTimeout(() => this.start(), this.delay);
      this.delay = Math.min(this.delay * 2, BACKOFF_MAX_MS);
    });
  }

  /** SIGTERM (the processes stop gracefully: running jobs finish, connections close), SIGKILL after a grace period. */
  stop() {
    this.stopping = true;
    clearTimeout(this.restartTimer);
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        log(`${this.name} did not stop in ${STOP_GRACE_MS / 1000} s; killing it`);
        child.kill('SIGKILL');
      }, STOP_GRACE_MS);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      child.kill('SIGTERM');
    });
  }
}

const services = { redis: null, api: null, worker: null };
let stopping = false;

async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  log('stopping…');
  // The API and the worker first (they still need Redis to finish cleanly), then Redis.
  await Promise.all([services.api?.stop(), services.worker?.stop()]);
  await services.redis?.stop();
  log('stopped');
  process.exit(code);
}

async function redisUrl() {
  if (process.env.REDIS_URL) return process.env.REDIS_URL;
  if (!onPath('redis-server')) {
    process.stderr.write(
      'Custodian needs Redis for its job queues, and none was found.\n' +
        '  - set REDIS_URL=redis://host:6379 to use a running Redis, or\n' +
        '  - install one so that redis-server is on the PATH (Debian/Ubuntu: apt-get install redis-server; macOS: brew install redis).\n',
    );
    process.exit(1);
  }
  const port = await freePort();
  const dir = path.join(dataDir, 'redis');
  mkdirSync(dir, { recursive: true });
  // BullMQ needs noeviction; AOF keeps queued jobs across restarts.
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--save', '', '--maxmemory-policy', 'noeviction'];
  services.redis = new Supervised('redis-server', () => spawn('redis-server', args, { stdio: 'ignore' }));
  services.redis.start();
  for (let i = 0; i < 50 && !(await portAnswers(port)); i++) await new Promise((resolve) => setTimeout(resolve, 100));
  log(`private redis-server on port ${port} (data in ${path.relative(process.cwd(), dir) || dir})`);
  return `redis://127.0.0.1:${port}`;
}

function nodeProcess(entry, env) {
  return () => spawn(process.execPath, [path.join(root, entry)], { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'] });
}

async function main() {
  if (!existsSync(path.join(root, 'dist/apps/api/src/main.js'))) {
    log('first run: compiling the API and the worker (about 20 seconds)…');
    run('npm', ['run', '--silent', 'build']);
  }
  if (!existsSync(path.join(root, 'apps/web/dist/index.html')) && existsSync(path.join(root, 'apps/web/index.html'))) {
    log('building the web workspace…');
    run('npm', ['run', '--silent', 'build:web']);
  }
  log('starting Redis, the API and the worker…');
  const secrets = quickstartEnv();
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));
  const env = {
    ...secrets,
    SQLITE_PATH: path.join(dataDir, 'custodian.sqlite'),
    STORAGE_DIR: path.join(dataDir, 'storage'),
    // Readable log lines in a terminal; JSON when piped or in production (set LOG_PRETTY to choose).
    LOG_PRETTY: process.stdout.isTTY && process.env.NODE_ENV !== 'production' ? 'true' : 'false',
    ...process.env,
    REDIS_URL: await redisUrl(),
  };
  let announced = false;
  services.api = new Supervised('api', nodeProcess('dist/apps/api/src/main.js', env), {
    ready: /api listening on (http:\/\/\S+)/,
    onReady: ([, url]) => {
      if (announced) return log(`api is back at ${url}`);
      announced = true;
      // The worker starts once the API has run the migrations, so the two never race to create the schema.
      services.worker.start();
      // npm run seed:demo in another terminal finds this instance here, whatever PORT it was given.
      writeFileSync(path.join(dataDir, 'instance.json'), `${JSON.stringify({ url, pid: process.pid })}\n`);
      const rule = '─'.repeat(64);
      process.stdout.write(
        `\n${rule}\n  Custodian is running at ${url}\n  API docs:  ${url}/docs\n` +
          `  Sign in:   ${env.ADMIN_USERNAME}, password in ${path.relative(process.cwd(), path.join(dataDir, 'quickstart.env')) || 'data/quickstart.env'} (ADMIN_PASSWORD=…)\n` +
          `  Demo data: npm run seed:demo   (in a second terminal)\n  Stop:      Ctrl+C\n${rule}\n\n`,
      );
    },
  });
  services.worker = new Supervised('worker', nodeProcess('dist/apps/worker/src/main.js', env), { ready: /worker ready/, onReady: () => log('worker ready') });
  services.api.start();
}

main().catch((error) => {
  process.stderr.write(`[custodian] ${error.message}\n`);
  void shutdown(1);
});
