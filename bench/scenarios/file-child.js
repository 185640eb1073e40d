// One file-based benchmark (import, production and their raw baselines), run in its own process so its peak memory
// is its own. Usage: node --expose-gc bench/scenarios/file-child.js <name> <size> <workdir> [time|memory]; prints one
// JSON line. Used by productions.js and import.js.
// In memory mode a sampler forces a collection before each reading, so the figure is memory still in use
// (not garbage V8 has not yet collected); time mode leaves the collector alone and only times.
'use strict';
const { createReadStream, createWriteStream, readFileSync, readdirSync, statSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const dist = join(__dirname, '../../dist/libs');
const records = require(join(dist, 'records/src'));
const production = require(join(dist, 'production/src'));

// 'memory': sampling only (a collection every 250 ms); 'time+heap': timed, with a collection once a second so the
// heap read is memory still in use; 'time': no forced collection at all.
const memoryMode = process.argv[5] === 'memory' || process.argv[5] === 'time+heap';
let peakHeap = 0;
const sample = () => {
  if (memoryMode) global.gc();
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
};
const sampler = setInterval(sample, process.argv[5] === 'memory' ? 250 : 1000);
sampler.unref();

/** Writes a synthetic Koha export of about `rows` rows (10 loans per patron plus the patron row). */
async function writeExport(rows, path) {
  const patrons = Math.ceil(rows / 11);
  return records.generateKohaExport({ patrons, loansPerPatron: 10, seed: 3, from: '2026-01-01', days: 300 }, createWriteStream(path));
}

const scenarios = {
  /** Baseline: read the bytes and JSON.parse them whole, the naive way (memory grows with the file). */
  async 'raw-json-parse'(rows, dir) {
    const path = join(dir, `export-${rows}.json`);
    const chunks = [];
    for await (const chunk of createReadStream(path)) chunks.push(chunk);
    const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    sample();
    return { rows: Object.values(parsed).reduce((n, table) => n + table.length, 0) };
  },
  /** Baseline: a raw streaming JSON parse (stream-json's bare tokenizer, which our reader builds on), counting rows. */
  async 'raw-json-stream'(rows, dir) {
    const { jsonParser } = require('stream-json/parser.js');
    const { StringDecoder } = require('node:string_decoder');
    const tokenize = jsonParser({ streamValues: false });
    const decoder = new StringDecoder('utf8');
    let objects = 0;
    for await (const chunk of createReadStream(join(dir, `export-${rows}.json`))) {
      const result = tokenize(decoder.write(chunk));
      if (typeof result === 'object') for (const token of result.values) if (token.name === 'startObject') objects += 1;
    }
    return { rows: objects - 1 };
  },
  /** Baseline: csv-parse streaming each table's CSV into objects, counting rows. */
  async 'raw-csv-stream'(rows, dir) {
    const { parse } = require('csv-parse');
    let count = 0;
    for (const file of csvFiles(rows, dir)) for await (const record of createReadStream(file).pipe(parse({ columns: true }))) if (record) count += 1;
    return { rows: count };
  },
  /** Our import: validate everything streaming, then stream normalised records out in batches. */
  async import(rows, dir) {
    const path = join(dir, `export-${rows}.json`);
    const files = [{ format: 'json', open: () => createReadStream(path), size: statSync(path).size }];
    const outcome = await records.importExport(files, () => undefined, {});
    if (!outcome.imported) throw new Error(`import rejected: ${JSON.stringify(outcome.validation.issues.slice(0, 3))}`);
    return { rows: outcome.records };
  },
  /** Our import of the same rows as one CSV file per Koha table. */
  async 'import-csv'(rows, dir) {
    const files = csvFiles(rows, dir).map((path) => records.exportFileFor(path, () => createReadStream(path), { size: statSync(path).size }));
    const outcome = await records.importExport(files, () => undefined, {});
    if (!outcome.imported) throw new Error(`import rejected: ${JSON.stringify(outcome.validation.issues.slice(0, 3))}`);
    return { rows: outcome.records };
  },
  /** Baseline: pdfkit writing one plain line per record, no tables, no fonts of ours, no redaction. */
  async 'raw-pdfkit'(rows, dir) {
    await rawPdfkit(rows, join(dir, `raw-${rows}.pdf`));
    return { rows };
  },
  /** The same baseline in steady state: one document written first, untimed, so pdfkit's code is compiled. */
  async 'raw-pdfkit-warm'(rows, dir) {
    await rawPdfkit(rows, join(dir, `raw-warm-up-${rows}.pdf`));
    const started = process.hrtime.bigint();
    await rawPdfkit(rows, join(dir, `raw-${rows}.pdf`));
    return { rows, ms: Number(process.hrtime.bigint() - started) / 1e6 };
  },
  /**
   * Our whole verified job, as the worker runs it: the records read once for the checks (withheld and produced
   * values) while they are rendered on a warm RenderPool thread and the pool's verify thread reads each page back. The pool
   * is started (threads warmed) before the clock starts, as the worker starts it at boot.
   */
  async 'production-verified'(rows, dir) {
    const pool = new production.RenderPool();
    await pool.ready();
    const result = await verifiedJob(pool, rows, join(dir, `verified-${rows}.pdf`));
    await pool.close();
    return result;
  },
  /** The verified job in steady state: the pool's second production of the size, as in a worker that has served one. */
  async 'production-verified-warm'(rows, dir) {
    const pool = new production.RenderPool();
    await pool.ready();
    await verifiedJob(pool, rows, join(dir, `verified-warm-up-${rows}.pdf`));
    const result = await verifiedJob(pool, rows, join(dir, `verified-${rows}.pdf`));
    await pool.close();
    return result;
  },
  /** The job as the worker ran it before the pool: a new thread per production, then pdfjs-dist reading the finished file. */
  async 'production-verified-after'(rows, dir) {
    const header = production.syntheticProductionHeader({ expectedRecords: rows + 1 });
    const file = join(dir, `after-${rows}.pdf`);
    const rendered = await production.renderInWorkerThread(header, production.syntheticLoans(rows), file);
    const checks = await production.syntheticChecks(rows, header);
    const verification = await production.verifyProduction(file, checks.withheld, [...checks.produced, ...rendered.ownWording], { batesPrefix: 'PDL', batesStart: 1, expectPresent: checks.produced });
    if (!verification.ok) throw new Error('verification failed');
    return { rows, pages: rendered.pages, bytes: rendered.bytes };
  },
  /** Our production: redaction, tables with repeated headers, Bates numbers, embedded Unicode fonts, worker thread. */
  async production(rows, dir) {
    const result = await production.renderSyntheticProduction(rows, join(dir, `production-${rows}.pdf`), { inWorkerThread: true });
    return { rows, pages: result.pages, bytes: result.bytes };
  },
};

/** pdfkit writing one plain line per record to `path`. */
async function rawPdfkit(rows, path) {
  const PDFDocument = require('pdfkit');
  const doc = new PDFDocument({ autoFirstPage: true });
  const out = createWriteStream(path);
  doc.pipe(out);
  for (let i = 0; i < rows; i++) doc.fontSize(8).text(`Loan ${i} of item ${5000 + i} issued 2026-03-04 due 2026-03-25 Gardening in the Desert`);
  doc.end();
  await new Promise((resolve) => out.on('finish', resolve));
}

/** One verified production on `pool`, timed from its start to its verdict; throws if it does not verify. */
async function verifiedJob(pool, rows, outputPath) {
  const started = process.hrtime.bigint();
  const header = production.syntheticProductionHeader({ expectedRecords: rows + 1 });
  // As the worker does: the checks are read while rendering starts (the verify thread waits for them).
  const checks = production.syntheticChecks(rows, header).then((read) => ({ ...read, options: { batesPrefix: 'PDL', batesStart: 1 } }));
  const { rendered, verification } = await pool.run({ header, records: production.syntheticLoans(rows), outputPath, checks });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (!verification.ok || verification.sha256 !== rendered.sha256) throw new Error(`verification failed: ${JSON.stringify({ ...verification, leaks: verification.leaks.length })}`);
  return { rows, pages: rendered.pages, bytes: rendered.bytes, ms };
}

/** The CSV form of the same export: one file per table, named as Koha's tables (the import takes the table from it). */
function writeCsvTables(rows, dir) {
  const tables = JSON.parse(readFileSync(join(dir, `export-${rows}.json`), 'utf8'));
  const cell = (value) => (value === null || value === undefined ? '' : /[",\n\r]/.test(String(value)) ? `"${String(value).replace(/"/g, '""')}"` : String(value));
  for (const [table, list] of Object.entries(tables)) {
    if (!list.length) continue;
    const columns = [...new Set(list.flatMap((row) => Object.keys(row)))];
    const lines = [columns.join(',')];
    for (const row of list) lines.push(columns.map((column) => cell(row[column])).join(','));
    writeFileSync(join(dir, `csv-${rows}`, `${table}.csv`), `${lines.join('\n')}\n`, { flag: 'w' });
  }
}

function csvFiles(rows, dir) {
  return readdirSync(join(dir, `csv-${rows}`)).map((file) => join(dir, `csv-${rows}`, file));
}

async function main() {
  const [name, size, dir] = [process.argv[2], Number(process.argv[3]), process.argv[4]];
  if (name === 'prepare') {
    await writeExport(size, join(dir, `export-${size}.json`));
    require('node:fs').mkdirSync(join(dir, `csv-${size}`), { recursive: true });
    writeCsvTables(size, dir);
    process.stdout.write('{}\n');
    return;
  }
  const started = process.hrtime.bigint();
  const detail = await scenarios[name](size, dir);
  sample();
  // A scenario that warms up first (the render pool) times itself from when it is warm.
  const ms = detail.ms ?? Number(process.hrtime.bigint() - started) / 1e6;
  clearInterval(sampler);
  process.stdout.write(`${JSON.stringify({ name, size, ms, retainedHeapMB: peakHeap / 2 ** 20, maxRssMB: process.resourceUsage().maxRSS / 1024, ...detail })}\n`);
}

main().catch((error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});
