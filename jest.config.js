// Three tiers share one runner: pure unit tests, end-to-end tests against real services and processes,
// and browser tests in Chromium. `npm test` runs them all; `--selectProjects` picks one.
// The file envelope alone, for the render threads (no Nest module or configuration with it).
const moduleNameMapper = { '^@custodian/storage/file-envelope$': '<rootDir>/libs/storage/src/file-envelope', '^@custodian/(.*)$': '<rootDir>/libs/$1/src' };
// stream-json ships only as ES modules, which Jest on Node 20 cannot load; compile it to CommonJS like our own code.
const ESM_PACKAGES = ['stream-json', 'stream-chain'];
const transform = {
  '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: false }],
  [`^.+/node_modules/(${ESM_PACKAGES.join('|')})/.+\\.js$`]: ['ts-jest', { tsconfig: { allowJs: true, module: 'commonjs' }, diagnostics: false }],
};
const transformIgnorePatterns = [`/node_modules/(?!(${ESM_PACKAGES.join('|')})/)`];
const common = { rootDir: __dirname, modulePathIgnorePatterns: ['<rootDir>/.stryker-tmp/', '<rootDir>/dist/'], testEnvironment: 'node', moduleNameMapper, transform, transformIgnorePatterns, moduleFileExtensions: ['ts', 'js', 'json'] };

module.exports = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/*/src/**/*.spec.ts'] },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'], slowTestThreshold: 60 },
    { ...common, displayName: 'browser', testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'], slowTestThreshold: 120 },
  ],
  maxWorkers: 2,
};
