#!/usr/bin/env node
// Quick start: builds what is missing, then runs the API (with the web workspace) and the worker on the
// embedded SQLite file under data/, with Redis from REDIS_URL or a private redis-server found on the PATH.
'use strict';
const { spawn, spawnSync } = require('node:child_process');
const { existsSync, mkdirSync, readFileSync, writeFileSync } = require('node:fs');
const { randomBytes } = require('node:crypto');
const net = require('node:net');
const path = require('node:path');

const root = path.join(__dirname, '..');
const dataDir = path.join(root, 'data');
const children = [];

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
    log(`created ${path.relative(root, file)} with fresh secrets and the first admin's password`);
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
  const redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--save', '', '--maxmemory-policy', 'noeviction'], { stdio: 'ignore' });
  children.push(redis);
  for (let i = 0; i < 50; i++) {
    if (await new Promise((resolve) => net.connect(port, '127.0.0.1').once('connect', function () { this.end(); resolve(true); }).once('error', () => resolve(false)))) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  log(`started a private redis-server on port ${port} (data in data/redis)`);
  return `redis://127.0.0.1:${port}`;
}

function startProcess(name, entry, env, readyPattern) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, entry)], { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'] });
    children.push(child);
    let ready = false;
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      const match = !ready && chunk.toString().match(readyPattern);
      if (match) {
        ready = true;
        resolve(match);
      }
    });
    child.once('exit', (code) => {
      if (!ready) reject(new Error(`${name} exited with code ${code}`));
      else shutdown(code ?? 1);
    });
  });
}

let stopping = false;
function shutdown(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children.reverse()) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 3000).unref();
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
  const env = {
    ...secrets,
    SQLITE_PATH: path.join(dataDir, 'custodian.sqlite'),
    STORAGE_DIR: path.join(dataDir, 'storage'),
    // Readable log lines in a terminal; JSON when piped or in production (set LOG_PRETTY to choose).
    LOG_PRETTY: process.stdout.isTTY && process.env.NODE_ENV !== 'production' ? 'true' : 'false',
    ...process.env,
    REDIS_URL: await redisUrl(),
  };
  process.on('SIGINT', () => shutdown(0));
  process.on('SIGTERM', () => shutdown(0));
  const [, url] = await startProcess('api', 'dist/apps/api/src/main.js', env, /api listening on (http:\/\/\S+)/);
  await startProcess('worker', 'dist/apps/worker/src/main.js', env, /worker ready/);
  // npm run seed:demo in another terminal finds this instance here, whatever PORT it was given.
  writeFileSync(path.join(dataDir, 'instance.json'), `${JSON.stringify({ url, pid: process.pid })}\n`);
  const rule = '─'.repeat(64);
  process.stdout.write(
    `\n${rule}\n  Custodian is running at ${url}\n  API docs:  ${url}/docs\n` +
      `  Sign in:   ${env.ADMIN_USERNAME}, password in ${path.relative(process.cwd(), path.join(dataDir, 'quickstart.env')) || 'data/quickstart.env'} (ADMIN_PASSWORD=…)\n` +
      `  Demo data: npm run seed:demo   (in a second terminal)\n  Stop:      Ctrl+C\n${rule}\n\n`,
  );
}

main().catch((error) => {
  process.stderr.write(`[custodian] ${error.message}\n`);
  shutdown(1);
});
