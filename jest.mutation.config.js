// The unit tier alone, flat (no projects), for StrykerJS: mutants are checked against the pure tests only,
// which run in seconds; e2e tests need processes and services and would make every mutant take minutes.
// The renderer's own specs (productions, letters, the worker thread) are left out too: they draw PDFs, pass the
// leak check and the redaction only on the way, and made each mutant of those take tens of seconds. Those mutants
// must be killed by the specs of the code they are in (docs/decisions/0090-mutation-testing-in-ci.md).
const base = require('./jest.config.js');
const unit = base.projects.find((project) => project.displayName === 'unit');
const { displayName: _name, ...flat } = unit;
const RENDERER_SPECS = [
  '<rootDir>/libs/production/src/production/',
  '<rootDir>/libs/production/src/letters/',
  '<rootDir>/libs/production/src/worker/',
  // These read real PDFs (ours or pdfkit's) through pdfjs-dist, seconds per test; production-checks.spec.ts checks
  // the same page checks on extracted text written out in the test.
  '<rootDir>/libs/production/src/verify/verify-production.spec.ts',
  '<rootDir>/libs/production/src/verify/verify-production.pdfkit.spec.ts',
  '<rootDir>/libs/production/src/verify/streaming-verification.spec.ts',
  // 300 random libraries each published under up to four queries (about 17 s): it covers nearly every transparency
  // mutant and, since the runner cannot bail, made each cost that much. The per-file specs next to build-report.ts,
  // report-period.ts, national-security.ts and report-csv.ts must kill those mutants; npm test still runs it.
  '<rootDir>/libs/domain/src/transparency/transparency-report.property.spec.ts',
  // The apps' specs test wiring (route policies, the import graph, auth services), not the mutated code; one of them
  // (rejected-token-audit.spec.ts) waits for a Redis 'end' event that never comes in Stryker's sandbox.
  '<rootDir>/apps/',
];
module.exports = {
  ...flat,
  testPathIgnorePatterns: ['/node_modules/', ...RENDERER_SPECS],
  setupFiles: ['<rootDir>/jest.mutation.setup.js'],
  setupFilesAfterEnv: ['<rootDir>/jest.mutation.tests.js'],
  testSequencer: '<rootDir>/jest.mutation.sequencer.js',
  // Hooks that open a database or an app take over Jest's default 5 s when two cores carry a load of 30.
  testTimeout: 60_000,
  maxWorkers: 1,
};
