// Runs file-child.js scenarios in their own processes, once each: time and peak RSS (the kernel's high-water mark,
// which costs nothing to read); where a row reports retained heap, the same run also forces a collection once a second
// before reading the heap (a few percent of the main thread; rendering's own thread is not stopped by it). Two runs
// per figure, one timed and one sampling, made the bench take too long on this machine.
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
  const run = await child(name, size, dir, retainedHeap ? 'time+heap' : 'time');
  return { ...run, rowsPerSecond: run.rows / (run.ms / 1000), retainedHeapMB: retainedHeap ? run.retainedHeapMB : undefined };
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
