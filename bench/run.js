#!/usr/bin/env node
// `npm run bench`: speed and memory of record import and production rendering, each as a ratio against a raw
// baseline measured in the same run on the same machine (this machine is shared and noisy: absolute times lie,
// ratios much less). Also the memory goal: 100k rows must not need more memory than 10k.
'use strict';
const { execFileSync } = require('node:child_process');
const { mkdtempSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

const SMALL = Number(process.env.BENCH_SMALL ?? 10_000);
const LARGE = Number(process.env.BENCH_LARGE ?? 100_000);
const dir = mkdtempSync(join(tmpdir(), 'custodian-bench-'));

function run(name, size, mode = 'time') {
  const out = execFileSync(process.execPath, ['--expose-gc', join(__dirname, 'scenario.js'), name, String(size), dir, mode], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split('\n').pop());
}

/** Time from a plain run; memory (retained heap, peak RSS) from a second run that samples after forced GCs. */
function measure(name, size) {
  const timed = run(name, size, 'time');
  const memory = run(name, size, 'memory');
  return { ...timed, retainedHeapMB: memory.retainedHeapMB, maxRssMB: memory.maxRssMB };
}

const fmt = (n, digits = 1) => n.toFixed(digits);
try {
  for (const size of [SMALL, LARGE]) run('prepare', size);
  const results = {};
  for (const name of ['raw-json-parse', 'import', 'raw-pdfkit', 'production']) for (const size of [SMALL, LARGE]) results[`${name}@${size}`] = measure(name, size);

  const rows = [];
  for (const [ours, raw] of [['import', 'raw-json-parse'], ['production', 'raw-pdfkit']]) {
    for (const size of [SMALL, LARGE]) {
      const a = results[`${ours}@${size}`];
      const b = results[`${raw}@${size}`];
      rows.push({ scenario: `${ours} ${size} rows`, ms: fmt(a.ms, 0), baselineMs: fmt(b.ms, 0), timeVsBaseline: fmt(a.ms / b.ms, 2), retainedHeapMB: fmt(a.retainedHeapMB), baselineRetainedHeapMB: fmt(b.retainedHeapMB), maxRssMB: fmt(a.maxRssMB), baselineMaxRssMB: fmt(b.maxRssMB) });
    }
  }
  console.table(rows);
  const flat = {};
  for (const name of ['import', 'production', 'raw-json-parse']) {
    const small = results[`${name}@${SMALL}`];
    const large = results[`${name}@${LARGE}`];
    flat[name] = { heapGrowth: large.retainedHeapMB / small.retainedHeapMB, rssGrowth: large.maxRssMB / small.maxRssMB };
  }
  console.log(`\nMemory at ${LARGE} rows relative to ${SMALL} rows (1.0 = flat; the naive JSON.parse baseline shows what growing looks like):`);
  for (const [name, growth] of Object.entries(flat)) console.log(`  ${name.padEnd(15)} retained heap x${fmt(growth.heapGrowth, 2)}   peak RSS x${fmt(growth.rssGrowth, 2)}`);
  const goals = [
    ['import memory flat (retained heap at the large size <= 1.5x the small)', flat.import.heapGrowth <= 1.5],
    ['production memory flat (retained heap and peak RSS at the large size <= 1.5x the small)', flat.production.heapGrowth <= 1.5 && flat.production.rssGrowth <= 1.5],
  ];
  console.log('');
  for (const [goal, met] of goals) console.log(`${met ? 'MET    ' : 'MISSED '} ${goal}`);
  process.exitCode = goals.every(([, met]) => met) ? 0 : 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
