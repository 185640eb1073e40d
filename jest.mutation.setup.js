// A mutant is killed by the first counterexample: shrinking it to a minimal one (which re-runs the property,
// sometimes rendering PDFs, hundreds of times) only turns kills into timeouts and restarted runners.
const fc = require('fast-check');
fc.configureGlobal({ ...fc.readConfigureGlobal(), endOnFailure: true });
