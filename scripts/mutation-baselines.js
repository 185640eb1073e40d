#!/usr/bin/env node
// The committed mutation baselines: Stryker incremental reports, one per group of files (reports/mutation/<group>.json).
// A file belongs to the first group by name that holds it (a file should be in one group only).
//
//   node scripts/mutation-baselines.js --groups   one line per group: name, baseline path, its files (comma-separated)
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const GROUP_DIR = 'reports/mutation';

const relative = (name) => path.relative(ROOT, path.resolve(ROOT, name)).split(path.sep).join('/');

/** Source files of a Stryker report, keyed by their path from the repository root. */
function filesOf(reportPath) {
  const report = JSON.parse(fs.readFileSync(path.resolve(ROOT, reportPath), 'utf8'));
  return Object.fromEntries(Object.entries(report.files).map(([name, file]) => [relative(name), file]));
}

/** Each baseline with the files it is the owner of (files since deleted from the tree are left out). */
function committedBaselines() {
  const dir = path.join(ROOT, GROUP_DIR);
  const groupPaths = fs.existsSync(dir) ? fs.readdirSync(dir).filter((name) => name.endsWith('.json')).sort().map((name) => `${GROUP_DIR}/${name}`) : [];
  const owned = new Set();
  const baselines = [];
  for (const baseline of groupPaths) {
    const files = Object.fromEntries(Object.entries(filesOf(baseline)).filter(([name]) => !owned.has(name) && fs.existsSync(path.join(ROOT, name))));
    for (const name of Object.keys(files)) owned.add(name);
    baselines.push({ group: path.basename(baseline, '.json'), path: baseline, files });
  }
  return baselines;
}

/** One file → result map from several reports; a file in more than one takes the first report's result. */
function mergedFiles(reportPaths) {
  const merged = {};
  for (const reportPath of reportPaths) for (const [name, file] of Object.entries(filesOf(reportPath))) if (!(name in merged)) merged[name] = file;
  return merged;
}

const committedFiles = () => Object.assign({}, ...committedBaselines().map((baseline) => baseline.files));

module.exports = { committedBaselines, committedFiles, mergedFiles, filesOf };

if (require.main === module && process.argv.includes('--groups')) {
  for (const { group, path: baseline, files } of committedBaselines()) process.stdout.write(`${group}\t${baseline}\t${Object.keys(files).sort().join(',')}\n`);
}
