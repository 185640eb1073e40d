// Runs file-child.js scenarios in their own processes: time and peak RSS (the kernel's high-water mark, which costs
// nothing to read) from a plain run; retained heap (after forced GCs) only where a row reports it, from a second run
// that samples, so sampling never slows the timed run and baselines are not run twice for a figure nobody reads.
'use strict';
const { execFile } = require('node:child_process');
const { mkdtempSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { promisify } = require('node:util');

const CHILD = join(__dirname, '../scenarios/file-child.js');

async function child(name, size, dir, mode = 'time') {
  const { stdout } = await promisify(execFile)(process.execPath, ['--expose-gc', CHILD, name, String(size), dir, mode], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(stdout.trim().split('\n').pop());
}

async function measure(name, size, dir, { retainedHeap = false } = {}) {
  const timed = await child(name, size, dir, 'time');
  const memory = retainedHeap ? await child(name, size, dir, 'memory') : undefined;
  return { ...timed, rowsPerSecond: timed.rows / (timed.ms / 1000), retainedHeapMB: memory?.retainedHeapMB, maxRssMB: timed.maxRssMB };
}

/** A work folder with the synthetic exports of the given sizes (JSON and CSV), removed afterwards. */
async function withExports(sizes, work) {
  const dir = mkdtempSync(join(tmpdir(), 'custodian-bench-files-'));
  try {
    for (const size of sizes) await child('prepare', size, dir);
    return await work(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

module.exports = { measure, withExports };
