// Record import of a Koha export as JSON and as CSV (validate, then normalise, streaming) against a raw streaming
// parse of the same bytes: rows/s and peak RSS; memory flat from the small size to the large one.
'use strict';
const { measure, withExports } = require('../lib/file-bench');

async function run({ size, report }) {
  const SMALL = size(10_000, 500);
  const LARGE = size(100_000, 2_000);
  await withExports([SMALL, LARGE], async (dir) => {
    const result = {};
    for (const name of ['raw-json-stream', 'import', 'raw-csv-stream', 'import-csv']) for (const rows of [SMALL, LARGE]) result[`${name}@${rows}`] = await measure(name, rows, dir, { retainedHeap: !name.startsWith('raw') });
    for (const [format, ours, raw] of [['JSON', 'import', 'raw-json-stream'], ['CSV', 'import-csv', 'raw-csv-stream']]) {
      const large = result[`${ours}@${LARGE}`];
      const baseline = result[`${raw}@${LARGE}`];
      report({ id: `import ${LARGE} rows ${format} rows/s`, ours: large.rowsPerSecond, baseline: baseline.rowsPerSecond, unit: 'rows/s', target: '>= 50000 rows/s', met: large.rowsPerSecond >= 50_000 });
      report({ id: `import ${LARGE} rows ${format} peak RSS`, ours: large.maxRssMB, baseline: baseline.maxRssMB, unit: 'MB' });
      const growth = large.retainedHeapMB / result[`${ours}@${SMALL}`].retainedHeapMB;
      report({ id: `import ${format} ${LARGE}/${SMALL} retained heap`, ours: growth, unit: 'x', target: '<= 1.5 (flat)', met: growth <= 1.5 });
    }
  });
}

module.exports = { run };
