// StrykerJS's Jest runner runs a mutant's covering tests by name (testNamePattern) over every spec related to the
// mutated file, and Jest loads each of those files even when none of its tests match: for a domain file that is
// some thirty specs (route-policy.spec loads the whole API), most of each mutant's time. This sequencer keeps only
// the spec files that hold a test the pattern selects, by the map jest.mutation.tests.js wrote during the dry run.
// A file the map does not know is kept, so a test is never dropped, only files with nothing to run.
const fs = require('node:fs');
const path = require('node:path');
const TestSequencer = require('@jest/test-sequencer').default;

const MAP = path.join(__dirname, '.stryker-test-files.jsonl');
let testNamesByFile = null;

function loadMap() {
  if (testNamesByFile || !fs.existsSync(MAP)) return testNamesByFile;
  testNamesByFile = new Map();
  for (const line of fs.readFileSync(MAP, 'utf8').split('\n')) {
    if (!line) continue;
    const [file, name] = JSON.parse(line);
    if (!testNamesByFile.has(file)) testNamesByFile.set(file, new Set());
    testNamesByFile.get(file).add(name);
  }
  return testNamesByFile;
}

class CoveringTestFilesSequencer extends TestSequencer {
  constructor(options) {
    super(options);
    this.testNamePattern = options?.globalConfig?.testNamePattern;
  }

  async sort(tests) {
    const sorted = await super.sort(tests);
    if (!this.testNamePattern || process.env.__STRYKER_ACTIVE_MUTANT__ === undefined) return sorted;
    const map = loadMap();
    if (!map) return sorted;
    const pattern = new RegExp(this.testNamePattern, 'i');
    const kept = sorted.filter((test) => {
      const names = map.get(test.path);
      return !names || [...names].some((name) => pattern.test(name));
    });
    return kept.length > 0 ? kept : sorted;
  }
}

module.exports = CoveringTestFilesSequencer;
