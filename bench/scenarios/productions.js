// Productions at two sizes against plain pdfkit, rows/s and memory, in the same run:
//  - rendering alone (redaction, tables, Bates numbers, embedded fonts, worker thread);
//  - the whole verified job as the worker runs it (records read for the checks, rendered on a warm RenderPool
//    thread while its verify thread reads every page back): target >= 50% of raw pdfkit's rows/s, memory flat;
//  - the verified job as it was before the pool (new thread, then pdfjs-dist over the finished file), at the small
//    size only (BENCH_PRODUCTIONS_BEFORE=all for both sizes, =none to skip);
//  - the verified job in steady state at the small size: our second production against raw pdfkit's second document
//    (information; the target is judged on the first production after the pool starts, against raw pdfkit cold).
'use strict';
const { measure, withExports } = require('../lib/file-bench');

async function run({ size, report }) {
  const SMALL = size(10_000, 200);
  const LARGE = size(100_000, 1_000);
  await withExports([], async (dir) => {
    const result = {};
    for (const name of ['raw-pdfkit', 'production', 'production-verified']) for (const rows of [SMALL, LARGE]) result[`${name}@${rows}`] = await measure(name, rows, dir, { retainedHeap: name !== 'raw-pdfkit' });
    const before = process.env.BENCH_PRODUCTIONS_BEFORE ?? 'small';
    const beforeSizes = before === 'none' ? [] : before === 'all' ? [SMALL, LARGE] : [SMALL];
    for (const rows of beforeSizes) result[`production-verified-after@${rows}`] = await measure('production-verified-after', rows, dir);
    // Steady state, both sides warm (each the second document of its process), at the small size where the first
    // production's one-off costs weigh most: what a worker that has served one production does.
    for (const name of ['raw-pdfkit-warm', 'production-verified-warm']) result[`${name}@${SMALL}`] = await measure(name, SMALL, dir);
    for (const rows of [SMALL, LARGE]) {
      const ours = result[`production@${rows}`];
      const raw = result[`raw-pdfkit@${rows}`];
      report({ id: `productions ${rows} rows rows/s`, ours: ours.rowsPerSecond, baseline: raw.rowsPerSecond, unit: 'rows/s', note: `${ours.pages} pages` });
      report({ id: `productions ${rows} rows peak RSS`, ours: ours.maxRssMB, baseline: raw.maxRssMB, unit: 'MB' });
    }
    for (const rows of [SMALL, LARGE]) {
      const verified = result[`production-verified@${rows}`];
      const raw = result[`raw-pdfkit@${rows}`];
      const ratio = verified.rowsPerSecond / raw.rowsPerSecond;
      report({ id: `productions ${rows} rows verified rows/s`, ours: verified.rowsPerSecond, baseline: raw.rowsPerSecond, unit: 'rows/s', target: '>= 50% of raw', met: ratio >= 0.5, note: `render + verification beside it, warm pool; ${verified.pages} pages` });
      report({ id: `productions ${rows} rows verified peak RSS`, ours: verified.maxRssMB, baseline: raw.maxRssMB, unit: 'MB' });
      const old = result[`production-verified-after@${rows}`];
      if (old) report({ id: `productions ${rows} rows verified, before the pool rows/s`, ours: old.rowsPerSecond, baseline: raw.rowsPerSecond, unit: 'rows/s', note: 'new thread per production, then pdfjs-dist over the file' });
    }
    const warm = result[`production-verified-warm@${SMALL}`];
    const rawWarm = result[`raw-pdfkit-warm@${SMALL}`];
    report({ id: `productions ${SMALL} rows verified, steady state rows/s`, ours: warm.rowsPerSecond, baseline: rawWarm.rowsPerSecond, unit: 'rows/s', note: 'second production of a warm pool against raw pdfkit\'s second document' });
    const verifiedRss = result[`production-verified@${LARGE}`].maxRssMB / result[`production-verified@${SMALL}`].maxRssMB;
    report({ id: `productions verified ${LARGE}/${SMALL} peak RSS`, ours: verifiedRss, unit: 'x', target: '<= 1.3 (flat)', met: verifiedRss <= 1.3 });
    report({ id: `productions verified ${LARGE}/${SMALL} retained heap`, ours: result[`production-verified@${LARGE}`].retainedHeapMB / result[`production-verified@${SMALL}`].retainedHeapMB, unit: 'x', note: 'main thread only (the checks)' });
    const heapGrowth = result[`production@${LARGE}`].retainedHeapMB / result[`production@${SMALL}`].retainedHeapMB;
    const rssGrowth = result[`production@${LARGE}`].maxRssMB / result[`production@${SMALL}`].maxRssMB;
    report({ id: `productions ${LARGE}/${SMALL} retained heap`, ours: heapGrowth, unit: 'x', target: '<= 1.5 (flat)', met: heapGrowth <= 1.5 });
    report({ id: `productions ${LARGE}/${SMALL} peak RSS`, ours: rssGrowth, baseline: result[`raw-pdfkit@${LARGE}`].maxRssMB / result[`raw-pdfkit@${SMALL}`].maxRssMB, unit: 'x', target: '<= 1.5 (flat)', met: rssGrowth <= 1.5 });
    report({ id: `productions ${LARGE}/${SMALL} time`, ours: result[`production@${LARGE}`].ms / result[`production@${SMALL}`].ms, baseline: result[`raw-pdfkit@${LARGE}`].ms / result[`raw-pdfkit@${SMALL}`].ms, unit: 'x' });
  });
}

module.exports = { run };
