// Productions at two sizes: our rendering (redaction, tables, Bates numbers, embedded fonts, worker thread) against
// plain pdfkit, rows/s and memory; and memory must stay flat from the small size to the large one.
// The "production" lane extends this scenario (pool, verification); keep its row ids stable.
'use strict';
const { measure, withExports } = require('../lib/file-bench');

async function run({ size, report }) {
  const SMALL = size(10_000, 200);
  const LARGE = size(100_000, 1_000);
  await withExports([], async (dir) => {
    const result = {};
    for (const name of ['raw-pdfkit', 'production']) for (const rows of [SMALL, LARGE]) result[`${name}@${rows}`] = await measure(name, rows, dir);
    for (const rows of [SMALL, LARGE]) {
      const ours = result[`production@${rows}`];
      const raw = result[`raw-pdfkit@${rows}`];
      report({ id: `productions ${rows} rows rows/s`, ours: ours.rowsPerSecond, baseline: raw.rowsPerSecond, unit: 'rows/s', note: `${ours.pages} pages` });
      report({ id: `productions ${rows} rows peak RSS`, ours: ours.maxRssMB, baseline: raw.maxRssMB, unit: 'MB' });
    }
    const heapGrowth = result[`production@${LARGE}`].retainedHeapMB / result[`production@${SMALL}`].retainedHeapMB;
    const rssGrowth = result[`production@${LARGE}`].maxRssMB / result[`production@${SMALL}`].maxRssMB;
    report({ id: `productions ${LARGE}/${SMALL} retained heap`, ours: heapGrowth, unit: 'x', target: '<= 1.5 (flat)', met: heapGrowth <= 1.5 });
    report({ id: `productions ${LARGE}/${SMALL} peak RSS`, ours: rssGrowth, baseline: result[`raw-pdfkit@${LARGE}`].maxRssMB / result[`raw-pdfkit@${SMALL}`].maxRssMB, unit: 'x', target: '<= 1.5 (flat)', met: rssGrowth <= 1.5 });
    report({ id: `productions ${LARGE}/${SMALL} time`, ours: result[`production@${LARGE}`].ms / result[`production@${SMALL}`].ms, baseline: result[`raw-pdfkit@${LARGE}`].ms / result[`raw-pdfkit@${SMALL}`].ms, unit: 'x' });
  });
}

module.exports = { run };
