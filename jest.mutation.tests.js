// Under StrykerJS's initial (dry) run, records which spec file each test lives in, for jest.mutation.sequencer.js.
// Nothing is recorded outside Stryker (no `__stryker__` global) or while a mutant is active.
const fs = require('node:fs');
const path = require('node:path');

const MAP = path.join(__dirname, '.stryker-test-files.jsonl');
if (globalThis.__stryker__ && process.env.__STRYKER_ACTIVE_MUTANT__ === undefined) {
  beforeEach(() => {
    const { testPath, currentTestName } = expect.getState();
    // Stryker names a test by its describe blocks and title, as Jest matches testNamePattern.
    fs.appendFileSync(MAP, `${JSON.stringify([testPath, currentTestName])}\n`);
  });
}
