// The unit tier alone, flat (no projects), for StrykerJS: mutants are checked against the pure tests only,
// which run in seconds; e2e tests need processes and services and would make every mutant take minutes.
const base = require('./jest.config.js');
const unit = base.projects.find((project) => project.displayName === 'unit');
const { displayName: _name, ...flat } = unit;
module.exports = { ...flat, maxWorkers: 1 };
