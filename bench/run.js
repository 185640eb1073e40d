#!/usr/bin/env node
// `npm run bench`: every figure next to a raw baseline measured in the same run on the same machine (this machine
// is shared and noisy: absolute figures lie, ratios much less). Needs the PostgreSQL and Redis of the e2e tests.
//   BENCH_SCALE=full (default) | smoke   smoke: tiny sizes, seconds per scenario, for `npm test` (no timing goals)
//   BENCH_ONLY=api,audit                 run only these scenarios
//   BENCH_RESULTS=path                   where the JSON goes (default bench/results.json)
//   BENCH_PIPELINE_CASES=100             pipeline cases (half approved, half denied); BENCH_SCALE_CASES=20 per scaling
//                                        flow; BENCH_STEP_BUDGET_MS=30000 per pipeline step before it reports what finished
// The full run is sized to finish within ten minutes on this shared 2-core machine (it took 17 at the old sizes).
// Prints one table and writes the rows, the machine and the sizes to the results file.
'use strict';
const { writeFileSync } = require('node:fs');
const os = require('node:os');
const { join } = require('node:path');

const SCENARIOS = ['api', 'pipeline', 'productions', 'fulfilment', 'import', 'deadlines', 'audit'];
const scale = process.env.BENCH_SCALE === 'smoke' ? 'smoke' : 'full';
const only = process.env.BENCH_ONLY ? process.env.BENCH_ONLY.split(',') : SCENARIOS;
const resultsPath = process.env.BENCH_RESULTS ?? join(__dirname, 'results.json');

const fmt = (n) => (typeof n !== 'number' || !Number.isFinite(n) ? String(n ?? '') : Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 10 ? n.toFixed(1) : n.toFixed(2));

async function main() {
  const rows = [];
  const started = Date.now();
  const failures = [];
  for (const name of SCENARIOS.filter((s) => only.includes(s))) {
    const scenario = require(`./scenarios/${name}`);
    const at = Date.now();
    process.stderr.write(`bench: ${name} (${scale})...\n`);
    const context = {
      scale,
      size: (full, smoke) => (scale === 'smoke' ? smoke : full),
      /** One line of the table: our figure, the raw baseline's, and the goal it is held to. */
      report(row) {
        const ratio = row.ratio ?? (typeof row.baseline === 'number' && row.baseline ? row.ours / row.baseline : undefined);
        rows.push({ scenario: name, ...row, ratio, met: scale === 'smoke' || row.met === undefined ? null : row.met });
      },
    };
    try {
      await scenario.run(context);
    } catch (error) {
      failures.push(name);
      process.stderr.write(`bench: ${name} failed: ${error.stack}\n`);
    }
    process.stderr.write(`bench: ${name} took ${((Date.now() - at) / 1000).toFixed(1)} s\n`);
  }
  console.table(rows.map((r) => ({ id: r.id, ours: `${fmt(r.ours)} ${r.unit ?? ''}`.trim(), baseline: r.baseline === undefined ? '' : `${fmt(r.baseline)} ${r.unit ?? ''}`.trim(), ratio: r.ratio === undefined ? '' : fmt(r.ratio), target: r.target ?? '', met: r.met === null ? '' : r.met ? 'yes' : 'NO', note: r.note ?? '' })));
  const seconds = (Date.now() - started) / 1000;
  console.log(`bench ${scale}: ${rows.length} figures in ${seconds.toFixed(0)} s${failures.length ? `; FAILED: ${failures.join(', ')}` : ''}`);
  writeFileSync(resultsPath, `${JSON.stringify({ scale, at: new Date().toISOString(), seconds, machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, node: process.version, loadavg: os.loadavg() }, failures, rows }, null, 2)}\n`);
  process.exitCode = failures.length ? 1 : 0;
}

main().catch((error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});
