#!/usr/bin/env node
// First step of `npm test`: are Chromium, pdftotext, PostgreSQL and Redis there? Says what is missing and the one
// command that installs and starts it, instead of letting dozens of tests fail with ENOENT or ECONNREFUSED.
'use strict';
const { spawnSync } = require('node:child_process');
const { existsSync } = require('node:fs');
const net = require('node:net');

const POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function onPath(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).status === 0;
}

function reachable(url, fallbackPort) {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect(Number(port || fallbackPort), hostname || '127.0.0.1');
    socket.setTimeout(3000);
    socket.once('connect', () => (socket.end(), resolve(true)));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
    socket.once('error', () => resolve(false));
  });
}

async function main() {
  const checks = [
    { what: `Chromium (${CHROMIUM}), for the browser tests`, ok: existsSync(CHROMIUM), apt: 'chromium' },
    { what: "poppler's pdftotext, to read the PDFs the tests produce", ok: onPath('pdftotext'), apt: 'poppler-utils' },
    { what: `PostgreSQL at ${new URL(POSTGRES_URL).host}`, ok: await reachable(POSTGRES_URL, 5432), apt: onPath('pg_ctlcluster') ? null : 'postgresql' },
    { what: `Redis at ${new URL(REDIS_URL).host}`, ok: await reachable(REDIS_URL, 6379), apt: onPath('redis-server') ? null : 'redis-server' },
  ];
  const missing = checks.filter((c) => !c.ok);
  if (missing.length === 0) {
    process.stdout.write('prerequisites: Chromium, pdftotext, PostgreSQL and Redis are all there\n');
    return;
  }
  process.stderr.write('\nnpm test needs what is missing here:\n');
  for (const c of checks) process.stderr.write(`  ${c.ok ? 'ok     ' : 'MISSING'}  ${c.what}\n`);
  const packages = missing.map((c) => c.apt).filter(Boolean);
  process.stderr.write(
    '\nOne command installs what is missing, starts PostgreSQL and Redis, and runs the tests (Debian/Ubuntu, as root):\n\n    .ci/run\n\n' +
      (packages.length ? `(The packages alone: apt-get install -y ${packages.join(' ')})\n` : '') +
      'Or point the tests elsewhere: TEST_POSTGRES_URL, TEST_REDIS_URL, CHROMIUM_PATH.\n' +
      'To run only the tests that need none of it: npx jest --selectProjects unit\n\n',
  );
  process.exit(1);
}

main();
