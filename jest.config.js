/** One jest project per test layer; `npm test` runs them all. */
const tsJest = ['ts-jest', { tsconfig: 'tsconfig.json' }];
const project = (name, extra = {}) => ({
  displayName: name,
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': tsJest },
  moduleFileExtensions: ['ts', 'js', 'json'],
  testMatch: [`<rootDir>/test/${name}/**/*.spec.ts`],
  ...extra,
});

module.exports = {
  projects: [project('unit'), project('contract'), project('e2e'), project('browser')],
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
};
