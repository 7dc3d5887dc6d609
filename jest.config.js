/** Jest runs the TypeScript sources through ts-jest; a global setup compiles lib/ for the end-to-end tests. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: { warnOnly: false } }] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  testTimeout: 300000,
  globalSetup: '<rootDir>/tests/setup/compile.js',
};
